// The analyst's path through probabilities computed in the page (a fresh-eyes trial): a labelled
// table of features (tests/fixtures/learn/flowers.csv: 600 rows, four numbers, a `site` category,
// the `species` label) → "Compute out-of-sample probabilities here" → decisions → the exports,
// a reload that resumes, the summary of how the file was read, the keyboard after a click.
import { readFileSync } from 'node:fs';
import {
  app,
  dropFiles,
  expect,
  openApp,
  pageIssues,
  parseCsv,
  ROOT,
  screenshot,
  test,
  waitReady,
} from './fixtures.mjs';

const FLOWERS = `${ROOT}tests/fixtures/learn/flowers.csv`;
const panel = (page) => app(page).locator('.cv-panel');
const grid = (page) => app(page).locator('[role=grid]');
const computeButton = (page) => app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });
const decisionsOf = (el) =>
  el.evaluate((node) => node.decisions.map(({ index, decision, label }) => ({ index, decision, label })));

async function dropAndCompute(page) {
  await openApp(page);
  await dropFiles(page, [FLOWERS]);
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
}

async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('computed here, one row accepted: the corrected labels are flowers.csv with species replaced', async ({
  page,
}) => {
  const alerts = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    dialog.dismiss();
  });
  await dropAndCompute(page);
  await grid(page).focus();
  await page.keyboard.press('a');
  const [decided] = await decisionsOf(app(page));
  expect(decided.decision).toBe('accept');
  const file = await downloadFrom(
    page,
    app(page).locator('.decision-bar').getByRole('button', { name: 'Export corrected labels (CSV)' }),
  );
  expect(alerts).toEqual([]);
  expect(file.name).toBe('flowers-corrected-labels.csv');
  const source = parseCsv(readFileSync(FLOWERS, 'utf8')).filter((r) => r.join('') !== '');
  const [header, ...rows] = parseCsv(file.bytes.toString('utf8')).filter((r) => r.join('') !== '');
  expect(header).toEqual([...source[0], 'original_label']);
  expect(rows).toHaveLength(600);
  const classes = ['setosa', 'versicolor', 'virginica']; // sorted, as the reader names the classes
  rows.forEach((row, i) => {
    const given = source[i + 1];
    const label = i === decided.index ? classes[decided.label] : given[5];
    expect(row).toEqual([...given.slice(0, 5), label, given[5]]);
  });
  expect(rows[decided.index][5]).not.toBe(rows[decided.index][6]);
});

test('kept, reloaded, resumed: the probabilities are computed again and the decisions come back on their rows', async ({
  page,
}) => {
  await dropAndCompute(page);
  await app(page).locator('.keep-files').getByRole('button', { name: 'Keep them here' }).click();
  await grid(page).focus();
  await page.keyboard.press('a');
  await page.keyboard.press('k');
  const made = await decisionsOf(app(page));
  expect(made).toHaveLength(2);
  const shown = await pageIssues(page);
  await expect(app(page).locator('.save-state')).toHaveText(
    'All decisions saved in this browser (on this device only).',
  );

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  const offer = app(page).locator('.resume');
  await expect(offer).toContainText(/Resume flowers\.csv — 2 decisions, saved /);
  await offer.getByRole('button', { name: 'Resume' }).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(app(page).getByText(/Could not read these files/)).toHaveCount(0);
  expect(await decisionsOf(app(page))).toEqual(made);
  expect(await pageIssues(page)).toEqual(shown);
  await expect(app(page).locator('.restored-note')).toContainText(/^Restored 2 decisions saved on /);
});

test('the summary of how the file was read says what happened: species, the features, 5-fold cross-validation', async ({
  page,
}) => {
  await dropAndCompute(page);
  const files = app(page).locator('.files');
  await expect(files.locator('.files-roles')).toHaveText('flowers.csv → labels + features');
  await expect(files.locator('select.label-column')).toHaveValue('species');
  await expect(files.locator('.file-field select').first().locator('option:checked')).toHaveText(
    'Labels + features (one table)',
  );
  const summary = files.locator('.read-summary');
  await expect(summary).toContainText('Label column: species.');
  await expect(summary).toContainText('Features: sepal_length, sepal_width, petal_length, petal_width and site.');
  await expect(summary).toContainText('Probabilities computed here by 5-fold cross-validation');
  await expect(summary).not.toContainText('probability column per class');
  const notes = summary.locator('details.notes');
  await expect(notes).toContainText('flowers.csv: 600 rows, with a header row');
  await expect(notes).not.toContainText('no header row');
  await expect(notes).not.toContainText('cross-validated)');
});

for (const width of [1280, 390]) {
  test(`a clicked row takes the keys (${width} px): A accepts it, K keeps the next, 1 relabels the one after`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await dropAndCompute(page);
    const target = app(page).locator('.vt-row[data-position="1"]');
    const index = Number(await target.getAttribute('data-index'));
    // A tap, or a click that arrives without a mouse press (assistive technology): no default focus move.
    await target.dispatchEvent('click');
    // The page's focus is on the element, the element's on its grid, which points at the clicked row.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('app');
    expect(await app(page).evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role'))).toBe('grid');
    await expect(grid(page)).toHaveAttribute('aria-activedescendant', await target.getAttribute('id'));
    await page.keyboard.press('a');
    expect(await decisionsOf(app(page))).toEqual([expect.objectContaining({ index, decision: 'accept' })]);
    await page.keyboard.press('k');
    await page.keyboard.press('1');
    const made = await decisionsOf(app(page));
    expect(made).toHaveLength(3);
    expect(made.filter((d) => d.label === 0 && d.index !== index).length).toBeGreaterThan(0); // '1': the first class
  });
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  test(`a features table dropped (${width} px): one story — labels + features, species, Compute first in view`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await dropFiles(page, [FLOWERS]);
    const files = app(page).locator('.files');
    await expect(files.locator('.files-roles')).toHaveText('flowers.csv → labels + features');
    await expect(files.locator('.file-field select').first().locator('option:checked')).toHaveText(
      'Labels + features (one table)',
    );
    await expect(files.locator('select.label-column')).toHaveValue('species');
    await expect(app(page).locator('.guide')).toBeHidden(); // the newcomer's guide would push the way on down
    const button = computeButton(page);
    await expect(button).toBeVisible();
    // The way on is what the person sees: the Compute button in the upper half of the screen.
    await expect
      .poll(async () => {
        const box = await button.boundingBox();
        return box != null && box.y >= 0 && box.y + box.height <= height / 2;
      })
      .toBe(true);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `features-dropped-${width}-${scheme}`);
    }
  });
}

test("wording: the flagged help in plain words (cleanlab's name kept), one precision per fold, grouped counts", async ({
  page,
}) => {
  await dropAndCompute(page);
  const help = app(page).locator('[data-stat=flagged] .stat-help');
  await expect(help).toContainText('filter_by = prune_by_noise_rate');
  await expect(help).not.toContainText('the method chosen in Settings (filter_by');
  await expect(help).toContainText('Rows that look mislabelled');
  // Every fold's accuracy with one decimal, so 82.0% and 80.8% line up.
  const cells = await panel(page).locator('.cv-folds .cv-accuracy').allTextContents();
  expect(cells).toHaveLength(5);
  for (const cell of cells) expect(cell).toMatch(/^\d{1,3}\.\d%$/);
  await expect(panel(page).locator('p').first()).toContainText(/\d\.\d% accuracy/);
});

test('Fashion-MNIST demo: its files named for what they are, the corrected labels are labels.csv with its header', async ({
  page,
}) => {
  test.setTimeout(240_000); // training 2,000 x 784 on a busy machine
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Fashion-MNIST/ })
    .click();
  await expect(app(page)).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });
  const files = app(page).locator('.files');
  await expect(files.locator('.files-roles')).toHaveText('labels.csv → labels · pixels.npy → features');
  const notes = files.locator('.read-summary details.notes');
  await expect(notes).not.toContainText('cross-validated');
  await expect(notes).not.toContainText('no header row');
  await expect(files.locator('.read-summary')).toContainText('Features: pixels.npy');
  await grid(page).focus();
  await page.keyboard.press('a');
  const [decided] = await decisionsOf(app(page));
  const file = await downloadFrom(
    page,
    app(page).locator('.decision-bar').getByRole('button', { name: 'Export corrected labels (CSV)' }),
  );
  const source = parseCsv(readFileSync(`${ROOT}examples/fashion-mnist/labels.csv`, 'utf8')).filter(
    (r) => r.join('') !== '',
  );
  const [header, ...rows] = parseCsv(file.bytes.toString('utf8')).filter((r) => r.join('') !== '');
  expect(header).toEqual([...source[0], 'original_label']);
  expect(rows).toHaveLength(source.length - 1);
  expect(rows[decided.index][1]).toBe(source[decided.index + 1][0]);
  expect(rows[decided.index][0]).not.toBe(rows[decided.index][1]);
});
