// Multi-label data on the page (issue 15): a dropped file of label sets is detected and announced,
// analysed exactly as ls.multiLabel.audit does in Node, reviewed per row and per class, decided on
// (accept the suggested set, edit a set; kept across a reload) and exported in the input's own
// notation so that the export reads back to the decided sets.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, openApp, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

const NEWS = `${ROOT}examples/multilabel/`;
const named = (path) => ({ name: path.split('/').pop(), data: new Uint8Array(readFileSync(path)) });

let core = null;
/** The demo read and audited in Node, as the page should show it. */
async function expected() {
  const ls = await (core ??= createLabelScope());
  const dataset = await ls.multiLabel.readDataset({
    labels: named(`${NEWS}news.csv`),
    predProbs: named(`${NEWS}pred_probs.csv`),
  });
  const report = ls.multiLabel.audit(dataset, {});
  return { ls, dataset, report };
}

const panel = (page) => app(page).locator('.ml-panel');
const rowCard = (page, example) => panel(page).locator(`.ml-row[data-row="${example + 1}"]`);
const rowNumbers = (page) =>
  panel(page)
    .locator('.ml-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.dataset.row) - 1));

async function dropNews(page) {
  await openApp(page);
  await dropFiles(page, [`${NEWS}news.csv`, `${NEWS}pred_probs.csv`]);
  await waitReady(page);
}

test('detected, announced and analysed as ls.multiLabel.audit does; per-class view and class table', async ({
  page,
}) => {
  const { dataset, report } = await expected();
  await dropNews(page);
  await expect(panel(page).locator('.ml-announce')).toHaveText(
    `Label sets: ${dataset.numExamples} rows, ${dataset.numClasses} classes, ${report.rows.length} flagged`,
  );
  await expect(panel(page).locator('.ml-summary')).toContainText(
    `${dataset.rowsWithSeveral} rows have more than one label`,
  );
  // The flagged rows, most likely wrong first, with what looks wrong in each.
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  const name = (k) => dataset.classNames[k];
  for (const row of report.rows.slice(0, 4)) {
    const card = rowCard(page, row.example);
    if (row.missing.length)
      await expect(card.locator('.ml-missing-text')).toHaveText(
        `probably missing: ${row.missing.map((k) => `+ ${name(k)}`).join('')}`,
      );
    if (row.extra.length)
      await expect(card.locator('.ml-extra-text')).toHaveText(
        `probably extra: ${row.extra.map((k) => `− ${name(k)}`).join('')}`,
      );
    await expect(card.locator('.ml-given .ml-chip')).toHaveText(row.given.map(name));
    // The item's text (a column of the labels file) is shown with it.
    await expect(card.locator('.ml-text')).toHaveText(
      dataset.extraColumns.find((c) => c.name === 'text').values[row.example],
    );
  }
  // The class quality table: one row per class, lowest quality first, as the health summary says.
  const classRows = panel(page).locator('[data-testid="ml-class-table"] tbody tr');
  await expect(classRows).toHaveCount(dataset.numClasses);
  await expect(classRows.locator('th')).toHaveText(report.health.classesByLabelQuality.map((c) => name(c.classIndex)));
  // Per class: the rows flagged for that class only.
  for (const k of report.classIssues.keys()) {
    if (report.classIssues[k].length === 0) continue;
    await panel(page)
      .locator('.ml-filter', { hasText: name(k) })
      .click();
    await expect(panel(page).locator('.ml-rows-title')).toContainText(`flagged for ${name(k)}`);
    expect((await rowNumbers(page)).sort((a, b) => a - b)).toEqual(
      Array.from(report.classIssues[k]).sort((a, b) => a - b),
    );
  }
  await panel(page).locator('.ml-filter', { hasText: 'All flagged rows' }).click();
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  dataset.free();
});

test('the News topics demo is in the demo list and opens as multi-label', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  await expect(panel(page).locator('.ml-summary')).toContainText('31 rows have more than one label');
  await expect(panel(page).locator('.ml-row').first()).toBeVisible();
});

test('decisions on sets: accept the suggested set, edit another; kept across a reload', async ({ page }) => {
  const { dataset, report } = await expected();
  await dropNews(page);
  const [first, second] = report.rows;
  const suggested = [...first.given.filter((k) => !first.extra.includes(k)), ...first.missing].sort((a, b) => a - b);
  await rowCard(page, first.example).getByRole('button', { name: 'Accept suggested set' }).click();
  await expect(rowCard(page, first.example).locator('[data-testid="ml-decision"] .ml-chip')).toHaveText(
    suggested.map((k) => dataset.classNames[k]),
  );
  // Edit: add 'culture' to the second row's given set.
  const culture = dataset.classNames.indexOf('culture');
  await rowCard(page, second.example).getByRole('button', { name: 'Edit set…' }).click();
  await rowCard(page, second.example).getByLabel('culture').check();
  await rowCard(page, second.example).getByRole('button', { name: 'Save set' }).click();
  const edited = [...new Set([...second.given, culture])].sort((a, b) => a - b);
  await expect(rowCard(page, second.example).locator('[data-testid="ml-decision"]')).toContainText('Set edited');
  const decisions = () => app(page).evaluate((el) => el.multiLabel?.decisions.map((d) => [d.index, d.decision, d.set]));
  const want = [
    [first.example, 'accept', suggested],
    [second.example, 'edit', edited],
  ].sort((a, b) => a[0] - b[0]);
  expect(await decisions()).toEqual(want);
  await expect(panel(page).locator('.ml-decided-count')).toHaveText('2 decisions on sets');
  // The page saves decisions (save-decisions): the same files after a reload bring them back.
  // The write is asynchronous: wait until IndexedDB holds the record of these sets.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((done) => {
            const open = indexedDB.open('labelscope');
            open.onerror = () => done(0);
            open.onsuccess = () => {
              const keys = open.result.transaction('decisions').objectStore('decisions').getAllKeys();
              keys.onsuccess = () => done(keys.result.filter((k) => String(k).includes(':ml:')).length);
              keys.onerror = () => done(0);
            };
          }),
      ),
    )
    .toBe(1);
  await dropNews(page); // opens the page again
  await expect(panel(page).locator('.ml-decided-count')).toHaveText('2 decisions on sets');
  expect(await decisions()).toEqual(want);
  dataset.free();
});

test('export round trip: the corrected labels keep the a;b notation and read back to the decided sets', async ({
  page,
}) => {
  const { ls, dataset, report } = await expected();
  await dropNews(page);
  const [first] = report.rows;
  await rowCard(page, first.example).getByRole('button', { name: 'Keep given set' }).click();
  const second = report.rows[1];
  await rowCard(page, second.example).getByRole('button', { name: 'Accept suggested set' }).click();
  const downloaded = page.waitForEvent('download');
  await panel(page)
    .getByRole('button', { name: /Download corrected labels \(sets as a;b\)/ })
    .click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('news-corrected.csv');
  const text = readFileSync(await download.path(), 'utf8');
  // The labels file comes back whole (id, text), the sets corrected and the given ones in original_label.
  expect(text.split('\n')[0]).toBe('id,text,labels,original_label');
  const back = await ls.multiLabel.readDataset({
    labels: { name: 'news-corrected.csv', data: text },
    predProbs: named(`${NEWS}pred_probs.csv`),
  });
  expect(back.notation).toBe('semicolon');
  const decided = new Map(await app(page).evaluate((el) => el.multiLabel.decisions.map((d) => [d.index, d.set])));
  const given = dataset.labelSets();
  const sets = back.labelSets();
  expect(sets.length).toBe(given.length);
  for (let i = 0; i < sets.length; i++) expect(sets[i], `row ${i + 1}`).toEqual(decided.get(i) ?? given[i]);
  expect(decided.get(second.example)).not.toEqual(given[second.example]);
  // The flagged rows with the decisions, as CSV.
  const rowsDownload = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download flagged rows (CSV)' }).click();
  const rows = readFileSync(await (await rowsDownload).path(), 'utf8')
    .trim()
    .split('\n');
  expect(rows[0]).toBe(
    'rank,index,row,given_label,suggested_label,probably_missing,probably_extra,label_quality,id,text,decision,final_label',
  );
  expect(rows.length).toBe(report.issues.length + 1);
  expect(rows[1].startsWith(`1,${first.example},${first.example + 1},`)).toBe(true);
  back.free();
  dataset.free();
});

test('other notations are detected: a|b in one table, label_<class> columns, a 0/1 .npy', async ({ page }) => {
  const probs = 'news,sport,tech\n0.9,0.1,0.1\n0.8,0.7,0.2\n0.1,0.1,0.9\n0.2,0.9,0.1\n0.1,0.8,0.7\n';
  const cases = [
    [
      {
        name: 'combined.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'labels,p_news,p_sport,p_tech\nnews,0.9,0.1,0.1\n"news|sport",0.8,0.7,0.2\ntech,0.1,0.1,0.9\nsport,0.2,0.9,0.1\n"sport|tech",0.1,0.8,0.7\n',
        ),
      },
    ],
    [
      {
        name: 'columns.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('label_news,label_sport,label_tech\n1,0,0\n1,1,0\n0,0,1\n0,1,0\n0,1,1\n'),
      },
      { name: 'probs.csv', mimeType: 'text/csv', buffer: Buffer.from(probs) },
    ],
  ];
  const ls = await (core ??= createLabelScope());
  const npy = (await import('../../web/controllers/multilabel-files.js')).npyBytes([[0], [0, 1], [2], [1], [1, 2]], 3);
  cases.push([
    { name: 'labels.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(npy) },
    { name: 'probs.csv', mimeType: 'text/csv', buffer: Buffer.from(probs) },
  ]);
  for (const files of cases) {
    await openApp(page);
    await dropFiles(page, files);
    await waitReady(page);
    await expect(panel(page).locator('.ml-summary')).toContainText('2 rows have more than one label');
    const notation = await panel(page).locator('.ml-summary').textContent();
    expect(notation).toMatch(
      files[0].name === 'combined.csv'
        ? /as a\|b/
        : files[0].name === 'columns.csv'
          ? /0\/1 column per class/
          : /\.npy of 0\/1/,
    );
  }
  expect(ls).toBeTruthy();
});

test('a table of label sets and features: one-vs-rest probabilities computed here, audited as the API does', async ({
  page,
}) => {
  // 120 rows, x<c> shifted when class c is in the set; rows 3, 10, ... carry an extra 'c0' not in their features.
  let seed = 99;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = ['x0,x1,x2,labels'];
  for (let i = 0; i < 120; i++) {
    const set = [0, 1, 2].filter(() => rand() < 0.4);
    const x = [0, 1, 2].map((c) => ((set.includes(c) ? 2 : 0) + rand()).toFixed(3));
    const given = i % 7 === 3 && !set.includes(0) ? [0, ...set] : set.length ? set : [1];
    lines.push(`${x.join(',')},"${given.map((c) => `c${c}`).join(';')}"`);
  }
  const csv = `${lines.join('\n')}\n`;
  const ls = await (core ??= createLabelScope());
  const cv = await ls.multiLabel.crossValProbs({ combined: { name: 'topics.csv', data: csv } });
  const report = ls.multiLabel.audit({ labels: cv.labels, predProbs: cv.probs, numClasses: cv.numClasses });
  await openApp(page);
  await dropFiles(page, [{ name: 'topics.csv', buffer: Buffer.from(csv) }]);
  const compute = panel(page).locator('.ml-compute');
  await expect(compute).toContainText('Compute one-vs-rest probabilities here');
  await compute.click();
  await waitReady(page);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toContainText(
    'one logistic regression per class on 5 folds',
  );
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  expect(report.issues.length).toBeGreaterThan(0);
});

test('screenshots: desktop and phone, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  for (const [width, height, tag] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await dropNews(page);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, testInfo, `multilabel-${tag}-${scheme}`, { fullPage: true });
    }
  }
});
