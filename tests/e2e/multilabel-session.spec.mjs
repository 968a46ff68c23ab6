// Multi-label data on the page (issue 15), the session around the review: the page's settings
// (filter_by, rank_by, frac_noise, min per class) steer the audit of label sets as they steer the
// single-label one, and kept files of label sets — with given probabilities, or with one-vs-rest
// probabilities computed here — are offered after a reload and resumed with their decisions and
// settings.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, openApp, openSettings, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

const NEWS = `${ROOT}examples/multilabel/`;
const named = (path) => ({ name: path.split('/').pop(), data: new Uint8Array(readFileSync(path)) });
const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];

let core = null;
async function newsDataset() {
  const ls = await (core ??= createLabelScope());
  const dataset = await ls.multiLabel.readDataset({
    labels: named(`${NEWS}news.csv`),
    predProbs: named(`${NEWS}pred_probs.csv`),
  });
  return { ls, dataset };
}

const panel = (page) => app(page).locator('.ml-panel');
const rowNumbers = (page) =>
  panel(page)
    .locator('.ml-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.dataset.row) - 1));
const decisionsOf = (page) =>
  app(page).evaluate((el) => el.multiLabel?.decisions.map((d) => [d.index, d.decision, d.set]));
const filterBy = (page) => app(page).getByLabel('Find issues with filter_by');
const rankBy = (page) => app(page).getByLabel('Rank by rank_by');

/** The last labelscope-result detail, recorded from the page's start. */
async function recordResults(page) {
  await page.addInitScript(() => {
    window.results = [];
    document.addEventListener('labelscope-result', (e) => window.results.push(e.detail));
  });
}
const lastResult = (page) => page.evaluate(() => window.results.at(-1));

async function dropNews(page) {
  await openApp(page);
  await dropFiles(page, [`${NEWS}news.csv`, `${NEWS}pred_probs.csv`]);
  await waitReady(page);
}

// 120 rows of three features and a set of topics (c0..c2); row i % 7 === 3 carries an extra 'c0'.
function topicsCsv() {
  let seed = 99;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = ['id,x0,x1,x2,labels'];
  for (let i = 0; i < 120; i++) {
    const set = [0, 1, 2].filter(() => rand() < 0.4);
    const x = [0, 1, 2].map((c) => ((set.includes(c) ? 2 : 0) + rand()).toFixed(3));
    const given = i % 7 === 3 && !set.includes(0) ? [0, ...set] : set.length ? set : [1];
    lines.push(`t${i + 1},${x.join(',')},"${given.map((c) => `c${c}`).join(';')}"`);
  }
  return `${lines.join('\n')}\n`;
}

test('the settings steer the multi-label audit: every filter_by, rank_by and frac_noise as ls.multiLabel.audit', async ({
  page,
}) => {
  const { ls, dataset } = await newsDataset();
  await recordResults(page);
  await dropNews(page);
  // The settings card is shown with the label sets (the single-label results are hidden).
  await openSettings(page);
  await expect(panel(page).locator('.settings-card')).toBeVisible();
  // Its help is worded for label sets there (web/controllers/options.js settingsHelp).
  const helps = () => app(page).locator('.settings .help').allTextContents();
  expect((await helps()).join('\n')).toMatch(/^Per class, flags .*set/);
  expect((await helps()).join('\n')).toMatch(/label set quality score.*\n.*Per class, flag this share/s);
  for (const method of FILTERS) {
    await filterBy(page).selectOption(method);
    const expected = ls.multiLabel.audit(dataset, {
      filterBy: method,
      rankBy: 'self_confidence',
      ...(['prune_by_noise_rate', 'prune_by_class', 'both'].includes(method)
        ? { fracNoise: 1, minExamplesPerClass: 1 }
        : {}),
    });
    await expect.poll(() => rowNumbers(page), { message: method }).toEqual(Array.from(expected.issues).slice(0, 200));
    await expect(panel(page).locator('.ml-announce')).toHaveText(new RegExp(`, ${expected.issues.length} flagged$`));
    // Two methods can flag the same rows: wait for this method's own event, not the last one's.
    await expect.poll(async () => (await lastResult(page))?.filterBy, { message: method }).toBe(method);
    const detail = await lastResult(page);
    expect(detail).toMatchObject({
      multiLabel: true,
      filterBy: method,
      numIssues: expected.issues.length,
      numLabelIssues: expected.numLabelIssues,
    });
  }
  await filterBy(page).selectOption('prune_by_class');
  await rankBy(page).selectOption('normalized_margin');
  // frac_noise 0.5: half of the estimated issues per class.
  await app(page).locator('.settings input[type="range"]').fill('0.5');
  const expected = ls.multiLabel.audit(dataset, {
    filterBy: 'prune_by_class',
    rankBy: 'normalized_margin',
    fracNoise: 0.5,
    minExamplesPerClass: 1,
  });
  await expect.poll(() => rowNumbers(page)).toEqual(Array.from(expected.issues));
  expect(await lastResult(page)).toMatchObject({
    filterBy: 'prune_by_class',
    rankBy: 'normalized_margin',
    issues: Array.from(expected.issues),
    healthScore: expected.health.overallLabelHealthScore,
  });
  // Other data (single-label) takes the settings card back into its results.
  await dropFiles(page, [`${ROOT}examples/headlines/labels.csv`, `${ROOT}examples/headlines/pred_probs.csv`]);
  await waitReady(page);
  await expect(panel(page)).toBeHidden();
  await expect(app(page).locator('.results .workspace > .settings-card')).toBeVisible();
  // ... worded for single labels again.
  expect((await helps()).join('\n')).toMatch(/^Per given class, flags .*\n.*label quality score \(lower/s);
  expect((await helps()).join('\n')).not.toMatch(/label set|Per class/);
  dataset.free();
});

test('kept label sets with their probabilities: offered after a reload, resumed with decisions and settings', async ({
  page,
}) => {
  const { ls, dataset } = await newsDataset();
  await dropNews(page);
  await app(page).locator('.keep-files').getByRole('button', { name: 'Keep them here' }).click();
  await openSettings(page);
  await filterBy(page).selectOption('confident_learning');
  const expected = ls.multiLabel.audit(dataset, { filterBy: 'confident_learning', rankBy: 'self_confidence' });
  await expect.poll(() => rowNumbers(page)).toEqual(Array.from(expected.issues));
  const first = expected.rows[0].example;
  await panel(page)
    .locator(`.ml-row[data-row="${first + 1}"]`)
    .getByRole('button', { name: 'Keep given set' })
    .click();
  const made = await decisionsOf(page);
  expect(made).toHaveLength(1);
  // The write is asynchronous: wait until IndexedDB holds the session with its multi-label key.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((done) => {
            const open = indexedDB.open('labelscope');
            open.onerror = () => done(null);
            open.onsuccess = () => {
              const all = open.result.transaction('sessions').objectStore('sessions').getAll();
              all.onsuccess = () =>
                done(all.result.map((s) => [s.key.includes(':ml:'), s.settings?.filterBy, s.entries?.length]));
              all.onerror = () => done(null);
            };
          }),
      ),
    )
    .toEqual([[true, 'confident_learning', 2]]);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  const offer = app(page).locator('.resume');
  await expect(offer).toContainText(/Resume news\.csv and pred_probs\.csv — 1 decision, saved /);
  await offer.getByRole('button', { name: 'Resume' }).click();
  await waitReady(page);
  await expect(panel(page).locator('.ml-decided-count')).toHaveText('1 decision on sets');
  expect(await decisionsOf(page)).toEqual(made);
  await expect(filterBy(page)).toHaveValue('confident_learning');
  expect(await rowNumbers(page)).toEqual(Array.from(expected.issues));
  dataset.free();
});

test('the News topics demo with a decision: offered after a reload as the demo, resumed with it', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  const first = await panel(page).locator('.ml-row').first().getAttribute('data-row');
  await panel(page).locator('.ml-row').first().getByRole('button', { name: 'Keep given set' }).click();
  const made = await decisionsOf(page);
  expect(made).toEqual([[Number(first) - 1, 'keep', made[0][2]]]);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((done) => {
            const open = indexedDB.open('labelscope');
            open.onsuccess = () => {
              const all = open.result.transaction('sessions').objectStore('sessions').getAll();
              all.onsuccess = () => done(all.result.map((s) => [s.kind, s.demo, s.key.includes(':ml:')]));
            };
          }),
      ),
    )
    .toEqual([['demo', 'news', true]]);
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  const offer = app(page).locator('.resume');
  await expect(offer).toContainText(/— 1 decision, saved /);
  await offer.getByRole('button', { name: 'Resume' }).click();
  await waitReady(page);
  expect(await decisionsOf(page)).toEqual(made);
});

test('kept table of label sets and features: resumed without asking, the probabilities computed again', async ({
  page,
}) => {
  const csv = topicsCsv();
  const ls = await (core ??= createLabelScope());
  const cv = await ls.multiLabel.crossValProbs({ combined: { name: 'topics.csv', data: csv } });
  const report = ls.multiLabel.audit({ labels: cv.labels, predProbs: cv.probs, numClasses: cv.numClasses });
  await openApp(page);
  await dropFiles(page, [{ name: 'topics.csv', buffer: Buffer.from(csv) }]);
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  await app(page).locator('.keep-files').getByRole('button', { name: 'Keep them here' }).click();
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  const row = report.rows[0].example;
  await panel(page)
    .locator(`.ml-row[data-row="${row + 1}"]`)
    .getByRole('button', { name: 'Accept suggested set' })
    .click();
  const made = await decisionsOf(page);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((done) => {
            const open = indexedDB.open('labelscope');
            open.onsuccess = () => {
              const all = open.result.transaction('decisions').objectStore('decisions').getAll();
              all.onsuccess = () => done(all.result.filter((r) => r.kind === 'multilabel').map((r) => r.rows.length));
            };
          }),
      ),
    )
    .toEqual([1]);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  const offer = app(page).locator('.resume');
  await expect(offer).toContainText(/Resume topics\.csv — 1 decision, saved /);
  await offer.getByRole('button', { name: 'Resume' }).click();
  await waitReady(page);
  await expect(panel(page).locator('.ml-compute')).toHaveCount(0);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toContainText(
    'one logistic regression per class on 5 folds',
  );
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  expect(await decisionsOf(page)).toEqual(made);
});

test('screenshots: the settings with label sets, desktop and phone, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  for (const [width, height, tag] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await dropNews(page);
      await openSettings(page);
      await filterBy(page).selectOption('prune_by_class');
      await waitReady(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await panel(page).locator('.settings-card').scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `multilabel-settings-${tag}-${scheme}`);
    }
  }
});
