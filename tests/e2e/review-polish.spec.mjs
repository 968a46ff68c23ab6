// Findings of a newcomer trial (session 6): the review keys go on working after a decision made with
// the mouse in the detail pane; the all-rows export of a table computed here writes its label column
// once (its own, when the reader finds it by its name) and reads back as the same data; file names in
// the Files list wrap after _ - . / (never inside a word) at desktop and phone width.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import {
  apiAudit,
  app,
  dropFiles,
  expect,
  HEADLINES,
  openApp,
  openHeadlines,
  parseCsv,
  ROOT,
  screenshotsAtSizes,
  test,
  waitReady,
} from './fixtures.mjs';

const NAMES = ['sports', 'weather', 'cooking', 'technology'];
const FLOWERS = `${ROOT}tests/fixtures/learn/flowers.csv`;
const grid = (page) => app(page).locator('[role=grid]');
const controls = (page) => app(page).locator('.decide');
const badge = (page, index) => app(page).locator(`.vt-row[data-index="${index}"] .vt-c-decision`);
const progress = (page) => app(page).locator('.review-progress-text');
const heading = (page) => app(page).locator('.detail-heading');

/** What has focus inside the element: its class, role and text, for messages. */
const focused = (page) =>
  app(page).evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}.${a.className} ${a.getAttribute('role') ?? ''}`.trim() : 'nothing';
  });

test('after a click on a decision button, K, J, digits and U act on the table’s rows', async ({ page }, testInfo) => {
  const { issues, report, dataset } = await apiAudit({ combined: `${HEADLINES}dataset.csv` });
  const given = (i) => NAMES[dataset.labels[i]];
  const suggested = (i) => NAMES[report.suggestedLabel[i]];
  await openHeadlines(page);
  await app(page).locator('.vt-row[data-position="0"]').click();

  // The mouse: Accept in the detail pane; the next row comes up and the keys act on it.
  await controls(page)
    .getByRole('button', { name: `Accept the suggested label, ${suggested(issues[0])}` })
    .click();
  await expect(progress(page)).toHaveText('1 of 6 flagged rows reviewed');
  await expect(heading(page)).toContainText('Rank 2');
  await expect(grid(page), await focused(page)).toBeFocused();
  await screenshotsAtSizes(page, testInfo, 'after-click', {
    show: () => app(page).locator('.review-body').scrollIntoViewIfNeeded(),
  });
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('k');
  await expect(badge(page, issues[1])).toHaveText(`Kept ${given(issues[1])}`);
  await expect(progress(page)).toHaveText('2 of 6 flagged rows reviewed');
  const other = NAMES.findIndex((name) => name !== given(issues[2]) && name !== suggested(issues[2]));
  await page.keyboard.press(String(other + 1));
  await expect(badge(page, issues[2])).toHaveText(`Relabelled ${NAMES[other]}`);
  await expect(progress(page)).toHaveText('3 of 6 flagged rows reviewed');
  await expect(heading(page)).toContainText('Rank 4');

  // A class chip clicked, then J moves on without deciding and the arrows still move the rows.
  const chip = controls(page).locator('.chip:not([hidden])').first();
  const chipName = await chip.locator('.chip-name').textContent();
  await chip.click();
  await expect(badge(page, issues[3])).toHaveText(`Relabelled ${chipName}`);
  await expect(heading(page)).toContainText('Rank 5');
  await page.keyboard.press('j');
  await expect(heading(page)).toContainText('Rank 6');
  await page.keyboard.press('ArrowUp');
  await expect(heading(page)).toContainText('Rank 5');

  // Undo and Clear decision by mouse (both hide once used): the keys still work afterwards.
  await page.keyboard.press('ArrowUp');
  await expect(heading(page)).toContainText('Rank 4');
  await controls(page).getByRole('button', { name: 'Clear decision' }).click();
  await expect(badge(page, issues[3])).toHaveText('—');
  await expect(grid(page), await focused(page)).toBeFocused();
  await page.keyboard.press('u');
  await expect(badge(page, issues[3])).toHaveText(`Relabelled ${chipName}`);
  await controls(page).getByRole('button', { name: 'Undo' }).click();
  await expect(badge(page, issues[3])).toHaveText('—');
  await expect(grid(page), await focused(page)).toBeFocused();
  await page.keyboard.press('a');
  await expect(badge(page, issues[3])).toHaveText(
    given(issues[3]) === suggested(issues[3]) ? `Kept ${given(issues[3])}` : `Accepted ${suggested(issues[3])}`,
  );
});

test('a decision button pressed by key keeps its focus, and the keys work there too; a hidden one hands focus to the table', async ({
  page,
}) => {
  const { issues, dataset } = await apiAudit({ combined: `${HEADLINES}dataset.csv` });
  const given = (i) => NAMES[dataset.labels[i]];
  await openHeadlines(page);
  await app(page).locator('.vt-row[data-position="0"]').click();
  const keep = controls(page).locator('.decide-keep');
  await keep.focus();
  await page.keyboard.press('Enter');
  await expect(badge(page, issues[0])).toHaveText(`Kept ${given(issues[0])}`);
  await expect(keep).toBeFocused(); // a keyboard user stays where they were
  // Letters on the pane's buttons act as in the table: K keeps the next row; Space still presses the button.
  await page.keyboard.press('k');
  await expect(badge(page, issues[1])).toHaveText(`Kept ${given(issues[1])}`);
  await expect(keep).toBeFocused();
  await page.keyboard.press(' ');
  await expect(badge(page, issues[2])).toHaveText(`Kept ${given(issues[2])}`);
  await expect(progress(page)).toHaveText('3 of 6 flagged rows reviewed');

  // Clear decision pressed by key hides itself: focus goes to the table, not to the page.
  await grid(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(heading(page)).toContainText('Rank 3');
  const clear = controls(page).getByRole('button', { name: 'Clear decision' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(badge(page, issues[2])).toHaveText('—');
  await expect(grid(page), await focused(page)).toBeFocused();
});

test('keys typed into a field of the review are text: they decide nothing', async ({ page }) => {
  await openHeadlines(page);
  await app(page).locator('.vt-row[data-position="0"]').click();
  const sort = app(page).getByLabel('Sort by', { exact: true });
  await sort.focus();
  await page.keyboard.press('k');
  await page.keyboard.press('1');
  expect(await app(page).evaluate((el) => el.decisions.length)).toBe(0);
  await expect(progress(page)).toHaveText('0 of 6 flagged rows reviewed');
});

test('all rows + audit of a table computed here: its label column once, read back as the same data', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [FLOWERS]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  await grid(page).focus();
  await page.keyboard.press('a');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByRole('button', { name: 'Download all rows + audit (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('flowers-all-rows-with-audit.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const [header, ...rows] = parseCsv(text).filter((r) => r.join('') !== '');
  const source = parseCsv(readFileSync(FLOWERS, 'utf8')).filter((r) => r.join('') !== '');
  expect(header.slice(0, 8)).toEqual(['index', 'row', ...source[0]]);
  expect(header).not.toContain('label');
  expect(header.filter((name) => name === 'species')).toHaveLength(1);
  expect(rows).toHaveLength(600);
  rows.forEach((row, i) => expect(row.slice(2, 8)).toEqual(source[i + 1]));

  // Read back: the labels of the table's own column, the probabilities written, the page's flagged rows.
  const ls = await createLabelScope({ threads: false });
  const back = await ls.readDataset({ combined: { name: 'export.csv', data: text } });
  try {
    const classes = ['setosa', 'versicolor', 'virginica'];
    expect(back.classNames).toEqual(classes);
    expect(Array.from(back.labels)).toEqual(source.slice(1).map((r) => classes.indexOf(r[5])));
    const p = header.indexOf('p_setosa');
    expect(Array.from(back.probabilityRows(0, back.numExamples))).toEqual(
      rows.flatMap((r) => r.slice(p, p + 3).map(Number)),
    );
    const audit = ls.audit(back, { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' });
    expect(Array.from(audit.issues)).toEqual(await app(page).evaluate((el) => Array.from(el.report.issues)));
  } finally {
    back.free();
  }
  await screenshotsAtSizes(page, testInfo, 'computed-review', {
    show: () => app(page).locator('.review').scrollIntoViewIfNeeded(),
  });
});

/** Where an element's text breaks into lines: the character before each break, and breaks inside a word. */
function lineEnds(element) {
  return element.evaluate((el) => {
    const range = document.createRange();
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) chars.push({ c: node.data[i], top: rect.top });
      }
    }
    const ends = [];
    const inWord = [];
    for (let i = 1; i < chars.length; i++) {
      if (chars[i].top <= chars[i - 1].top + 2) continue;
      ends.push(chars[i - 1].c);
      if (/[a-z0-9]/i.test(chars[i - 1].c) && /[a-z0-9]/i.test(chars[i].c)) inWord.push(chars[i - 1].c + chars[i].c);
    }
    return { ends, inWord, overflow: el.scrollWidth - el.clientWidth };
  });
}

test('file names in the Files list wrap after _ - . / and never inside a word', async ({ page }, testInfo) => {
  const files = [
    { name: 'tickets_clean_labels.csv', buffer: readFileSync(`${HEADLINES}labels.csv`) },
    { name: 'tickets_probs_short.csv', buffer: readFileSync(`${HEADLINES}pred_probs.csv`) },
  ];
  const long = 'customer-support.tickets_2024-11_export_with_model_probabilities_from_the_cross-validation.csv';
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await dropFiles(page, [files[0], { ...files[1], name: width === 390 ? long : files[1].name }]);
    await waitReady(page);
    const list = app(page).locator('.files');
    if ((await list.getAttribute('open')) === null) await list.locator('.files-summary').click();
    const names = app(page).locator('.file-name');
    await expect(names).toHaveText([files[0].name, width === 390 ? long : files[1].name]);
    for (const name of await names.all()) {
      const { ends, overflow } = await lineEnds(name);
      for (const end of ends) expect('_-./', `${await name.textContent()} at ${width} px: ${ends}`).toContain(end);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    if (width === 390) expect((await lineEnds(names.nth(1))).ends.length).toBeGreaterThan(0);
    // The summary line above the list: its names do not break inside a word either.
    const summary = await lineEnds(app(page).locator('.files-roles'));
    expect(summary.inWord, `the Files summary at ${width} px`).toEqual([]);
    await screenshotsAtSizes(page, testInfo, `files-${width}`, { show: () => list.scrollIntoViewIfNeeded() });
  }
});
