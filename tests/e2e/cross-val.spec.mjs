// Probabilities computed in the page (issue 13): a labelled table of features (CSV or Parquet)
// is recognised as such, "Compute out-of-sample probabilities here" runs the worker's
// crossValProbs with progress per fold, per-fold accuracy is shown, and the ranked results are
// exactly what the JS API gives for the same file; "Download probabilities" writes the CLI's
// format; the Fashion-MNIST demo draws each row's image; Cancel leaves the page usable.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { probsCsv } from '../../src/js/cross-val-result.js';
import {
  app,
  dropFiles,
  expect,
  openApp,
  pageIssues,
  ROOT,
  screenshot,
  tableIndices,
  test,
  waitReady,
} from './fixtures.mjs';

const LEARN = `${ROOT}tests/fixtures/learn/`;
const FASHION = `${ROOT}examples/fashion-mnist/`;
const AUDIT = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }; // the page's defaults

let core = null;
/** crossValProbs + audit in Node, as the page should compute them. */
async function expected(input, options = {}) {
  const ls = await (core ??= createLabelScope());
  const cv = await ls.crossValProbs(input, options);
  const report = ls.audit(cv, AUDIT);
  return { cv, issues: Array.from(report.issues) };
}
const named = (path) => ({ name: path.split('/').pop(), data: new Uint8Array(readFileSync(path)) });

// Training 2,000 x 784 takes several seconds on a busy 2-core machine: the demo's waits are longer.
const TRAINING = { timeout: 180_000 };
// playwright.config.mjs: PORT + 1 is served cross-origin isolated (--isolate), as `npm start` serves the page.
const ISOLATED = `http://127.0.0.1:${(Number(process.env.LABELSCOPE_E2E_PORT) || 8123) + 1}`;

const panel = (page) => app(page).locator('.cv-panel');
const computeButton = (page) => app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });

const roleSelect = (page, name) => panel(page).locator(`select.cv-role[data-column="${name}"]`);

async function dropAndCompute(page, file) {
  await openApp(page);
  await dropFiles(page, [file]);
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('These columns look like features, not probabilities');
  await expect(computeButton(page)).toContainText('5-fold cross-validated logistic regression, in your browser');
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
}

test("a features CSV: compute here, per-fold accuracy, the JS API's ranking, download", async ({ page }, testInfo) => {
  const { cv, issues } = await expected({ combined: named(`${LEARN}iris.csv`) });
  await dropAndCompute(page, `${LEARN}iris.csv`);
  // Per-fold accuracy, as the core measured it on each held-out fold.
  const rows = panel(page).locator('.cv-folds tbody tr');
  await expect(rows).toHaveCount(cv.folds.length);
  for (const [k, fold] of cv.folds.entries()) {
    const percent = Math.round(fold.accuracy * 1000) / 10;
    await expect(rows.nth(k).locator('.cv-accuracy')).toHaveText(new RegExp(`^${percent}`));
  }
  // Which columns were used how: the label, the id never a feature, the four numbers.
  const columns = panel(page).locator('.cv-columns');
  await expect(roleSelect(page, 'species')).toHaveValue('label');
  await expect(roleSelect(page, 'id')).toHaveValue('id');
  await expect(columns.locator('tr[data-column=id] select option:checked')).toHaveText('Id-like — not used');
  await expect(roleSelect(page, 'sepal_length')).toHaveValue('numeric');
  // The usual results, ranked, from those probabilities.
  expect(await pageIssues(page)).toEqual(issues);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('150');
  expect((await tableIndices(page)).slice(0, Math.min(3, issues.length))).toEqual(issues.slice(0, 3));
  // Download probabilities: the CLI's PROBS.csv, the same bytes as src/js writes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download probabilities' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(probsCsv(cv));
  await screenshot(page, testInfo, 'iris-done', { fullPage: true });
});

test('probabilities refused as implausible (they are features): compute here instead', async ({ page }) => {
  // Integer labels beside four columns in [0, 1] whose rows do not sum to 1 (as plausibility.spec.mjs).
  const text = [
    'label,f1,f2,f3,f4',
    ...Array.from({ length: 40 }, (_, i) =>
      [i % 4, ...[0, 1, 2, 3].map((k) => ((i * 7 + k * 13) % 10) / 10)].join(','),
    ),
  ].join('\n');
  const { cv, issues } = await expected({ combined: { name: 'features.csv', data: text } });
  await openApp(page);
  await dropFiles(page, [{ name: 'features.csv', text }]);
  await expect(app(page).locator('.alert')).toContainText('These columns look like features, not probabilities');
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(cv.folds.length);
  expect(await pageIssues(page)).toEqual(issues);
});

test('a Parquet table: compute here gives the same ranked results as the CSV', async ({ page }) => {
  const { cv, issues } = await expected({ combined: named(`${LEARN}iris.csv`) });
  await dropAndCompute(page, `${LEARN}iris.parquet`);
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(5);
  expect(await pageIssues(page)).toEqual(issues);
  // The Parquet table's probabilities are the CSV's, bit for bit.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download probabilities' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(probsCsv(cv));
  await expect(app(page).locator('.vt-spacer .vt-row').first()).toBeVisible();
});

test("Fashion-MNIST demo: pixels in, probabilities here, each row's image beside it", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const input = { labels: named(`${FASHION}labels.csv`), features: named(`${FASHION}pixels.npy`) };
  const { cv, issues } = await expected(input);
  await openApp(page);
  await app(page).locator('button[data-demo=fashion]').click();
  await expect(panel(page)).toContainText('Training fold', TRAINING);
  await expect(app(page)).toHaveAttribute('data-state', 'ready', TRAINING);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(cv.folds.length);
  expect(await pageIssues(page)).toEqual(issues);
  // A drawn 28 x 28 image in every rendered row, and a large one in the detail pane.
  const thumbs = app(page).locator('.vt-spacer .vt-row .thumb');
  await expect(thumbs.first()).toBeVisible();
  expect(await thumbs.count()).toBe(await app(page).locator('.vt-spacer .vt-row').count());
  const drawn = await thumbs.first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i];
    return { w: c.width, h: c.height, sum };
  });
  expect(drawn.w).toBe(28);
  expect(drawn.h).toBe(28);
  expect(drawn.sum).toBeGreaterThan(0); // not a blank canvas
  await app(page).locator('.vt-spacer .vt-row').first().click();
  await expect(app(page).locator('.detail-head .thumb, .detail .thumb').first()).toBeVisible();
  await screenshot(page, testInfo, 'fashion-1280-light', { fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'fashion-1280-dark', { fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, testInfo, 'fashion-390-dark', { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, testInfo, 'fashion-390-light', { fullPage: true });
});

// Where the page is cross-origin isolated the cancel also stops the worker's training between
// optimiser steps (a shared flag), so the next action runs at once; elsewhere it waits for the
// worker to finish the training it can no longer be told about.
test('Cancel while training leaves the page usable: the next action works', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openApp(page, `${ISOLATED}/index.html`);
  await app(page).locator('button[data-demo=fashion]').click();
  await expect(panel(page)).toContainText('Training fold', TRAINING);
  await panel(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(panel(page)).toHaveAttribute('data-state', 'cancelled');
  await expect(app(page)).toHaveAttribute('data-state', 'idle');
  await expect(app(page).locator('.results')).toBeHidden();
  await expect(panel(page).getByRole('button', { name: 'Compute again' })).toBeVisible();
  await screenshot(page, testInfo, 'cancelled', { fullPage: true });
  // A second action: the headlines demo reads and analyses as usual.
  await app(page).locator('button[data-demo=headlines]').click();
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  await expect(panel(page)).toBeHidden();
});

test('not isolated (as embedded): after Cancel the next action runs once the worker is free', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await dropFiles(page, [`${LEARN}iris.csv`]);
  await expect(computeButton(page)).toBeVisible();
  await app(page).locator('button[data-demo=fashion]').click();
  await expect(panel(page)).toContainText('Training fold', TRAINING);
  await panel(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(panel(page)).toHaveAttribute('data-state', 'cancelled');
  await expect(app(page).locator('.results')).toBeHidden();
  // Compute again on the dropped table instead: drop it, compute, results.
  await dropFiles(page, [`${LEARN}iris.csv`]);
  await computeButton(page).click();
  await expect(app(page)).toHaveAttribute('data-state', 'ready', TRAINING);
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(5);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('150');
});

test('screenshots of the offer and the results, 1280 and 390 px, light and dark', async ({ page }, testInfo) => {
  await openApp(page);
  await dropFiles(page, [`${LEARN}iris.csv`]);
  await expect(computeButton(page)).toBeVisible();
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `offer-${width}-${scheme}`, { fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await computeButton(page).click();
  await waitReady(page);
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `iris-${width}-${scheme}`, { fullPage: true });
    }
  }
});

test("choosing columns: every column's role shown before computing, changed, and the results follow", async ({
  page,
}, testInfo) => {
  const iris = named(`${LEARN}iris.csv`);
  const auto = await expected({ combined: iris });
  const noPetals = await expected(
    { combined: iris },
    { columnRoles: { petal_length: 'ignore', petal_width: 'ignore' } },
  );
  const sepalLengthOnly = await expected(
    { combined: iris },
    { columnRoles: { petal_length: 'ignore', petal_width: 'ignore', sepal_width: 'ignore' } },
  );
  expect(noPetals.issues).not.toEqual(auto.issues); // the petals are what separates the classes
  await openApp(page);
  await dropFiles(page, [`${LEARN}iris.csv`]);
  await app(page).getByRole('button', { name: 'Choose the columns first' }).click();
  await expect(panel(page)).toHaveAttribute('data-state', 'columns');
  // Every column, its use and why, before any training.
  await expect(panel(page).locator('.cv-roles tbody tr')).toHaveCount(6);
  await expect(roleSelect(page, 'species')).toHaveValue('label');
  await expect(roleSelect(page, 'id')).toHaveValue('id');
  await expect(panel(page).locator('tr[data-column=id] .cv-role-detail')).toContainText('an id column by its name');
  for (const name of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']) {
    await expect(roleSelect(page, name)).toHaveValue('numeric');
  }
  await expect(app(page).locator('.results')).toBeHidden(); // nothing trained yet
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `columns-${width}-${scheme}`, { fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  // Leave the petals out, compute: the ranking is the API's with the same roles.
  await roleSelect(page, 'petal_length').selectOption('ignore');
  await roleSelect(page, 'petal_width').selectOption('ignore');
  await expect(panel(page)).toContainText('2 columns changed.');
  await panel(page).getByRole('button', { name: 'Compute with these columns' }).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  expect(await pageIssues(page)).toEqual(noPetals.issues);
  await expect(roleSelect(page, 'petal_length')).toHaveValue('ignore');
  await expect(panel(page).locator('tr[data-column=petal_length] .cv-role-detail')).toContainText('not used (chosen)');
  // After computing: change one more and compute again; the earlier choices are kept.
  await roleSelect(page, 'sepal_width').selectOption('ignore');
  await panel(page).getByRole('button', { name: 'Compute again with these columns' }).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  expect(await pageIssues(page)).toEqual(sepalLengthOnly.issues);
  await expect(roleSelect(page, 'petal_width')).toHaveValue('ignore');
  await screenshot(page, testInfo, 'columns-recomputed-1280-light', { fullPage: true });
});

test('labels + a pixels .npy dropped: the pixels are features, not probabilities; compute here, images drawn', async ({
  page,
}, testInfo) => {
  const { cv, issues } = await expected({
    labels: named(`${LEARN}pixels_labels.csv`),
    features: named(`${LEARN}pixels.npy`),
  });
  await openApp(page);
  await dropFiles(page, [`${LEARN}pixels_labels.csv`, `${LEARN}pixels.npy`]);
  // The role the reader guessed, shown and changeable like any other.
  const row = app(page).locator('.file-list li', { hasText: 'pixels.npy' });
  await expect(row.locator('select option:checked')).toHaveText('Features (pixels, embeddings)');
  await expect(app(page).locator('.alert')).toContainText('These columns look like features, not probabilities');
  // What the file is, not the probability reader's complaint that it holds integers.
  await expect(app(page).locator('.alert')).toContainText('pixels.npy holds features (');
  await expect(app(page).locator('.alert')).not.toContainText('holds integers');
  // no columns to choose
  await expect(app(page).getByRole('button', { name: 'Choose the columns first' })).toHaveCount(0);
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, testInfo, `pixels-offer-${width}-${scheme}`, { fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(cv.folds.length);
  expect(await pageIssues(page)).toEqual(issues);
  // Each row's 6 x 6 image beside it (the .npy's own shape): every row shown (these pixels hold no errors).
  expect(issues).toEqual([]);
  await app(page).getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All rows' });
  const thumb = app(page).locator('.vt-spacer .vt-row .thumb').first();
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((c) => [c.width, c.height])).toEqual([6, 6]);
  await screenshot(page, testInfo, 'pixels-done-1280-light', { fullPage: true });
});

test('a missing value: counted in the table of columns, refused with its row and column, or filled when asked', async ({
  page,
}) => {
  const text = readFileSync(`${LEARN}iris.csv`, 'utf8').replace(/\n5,[^,]*,/, '\n5,,'); // data row 5: no sepal_length
  const { issues } = await expected({ combined: { name: 'gap.csv', data: text } }, { impute: true });
  await openApp(page);
  await dropFiles(page, [{ name: 'gap.csv', text }]);
  await app(page).getByRole('button', { name: 'Choose the columns first' }).click();
  await expect(panel(page)).toHaveAttribute('data-state', 'columns');
  await expect(panel(page).locator('tr[data-column=sepal_length] .cv-role-detail')).toContainText('1 missing');
  const fill = panel(page).getByLabel('Fill missing values with the training fold’s mean');
  await expect(fill).not.toBeChecked();
  // Without filling: the reader's error, naming the row and the column (once), imputation offered there.
  await panel(page).getByRole('button', { name: 'Compute with these columns' }).click();
  await expect(app(page).locator('.alert')).toContainText("Row 5, column 'sepal_length': a value is missing.");
  // Filled: the API's results with impute.
  await app(page).getByRole('button', { name: 'Choose the columns first' }).click();
  await expect(panel(page)).toHaveAttribute('data-state', 'columns');
  await panel(page).getByLabel('Fill missing values with the training fold’s mean').check();
  await panel(page).getByRole('button', { name: 'Compute with these columns' }).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  expect(await pageIssues(page)).toEqual(issues);
  await expect(panel(page).locator('.cv-settings')).toBeVisible();
});
