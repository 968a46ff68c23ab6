// A labels file and a features file in Parquet, dropped together (issue 13): the page takes them as
// a pair — each file's role shown in the list of files (labels, features), not two tables — offers
// "Compute out-of-sample probabilities here", and ranks what the JS API's crossValProbs({ labels,
// features }) gives for the same bytes. Also a labels CSV beside a features Parquet (a list column
// of pixels). And "Simulate label noise" on probabilities computed here trains only on the noisy
// labels: the original labels' probabilities are reused (a spy on the page's worker client counts
// the trainings).
// LABELSCOPE_E2E_WASM_DIR=DIR serves DIR's core (fixtures.mjs), e.g. a build newer than dist/.
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
  screenshotsAtSizes,
  test,
  waitReady,
} from './fixtures.mjs';

const LEARN = `${ROOT}tests/fixtures/learn/`;
const AUDIT = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }; // the page's defaults

const bytes = (name) => readFileSync(`${LEARN}${name}`);
// The iris fixtures under the names a person's export would have.
const LABELS = { name: 'labels.parquet', buffer: bytes('iris_labels.parquet') };
const FEATURES = { name: 'features.parquet', buffer: bytes('iris_features.parquet') };

let core = null;
/** crossValProbs + audit in Node, as the page should compute them. */
async function expected(input) {
  const ls = await (core ??= createLabelScope({ threads: false }));
  const cv = await ls.crossValProbs(input);
  return { cv, issues: Array.from(ls.audit(cv, AUDIT).issues) };
}
const asInput = (spec) => ({ name: spec.name, data: new Uint8Array(spec.buffer) });

const panel = (page) => app(page).locator('.cv-panel');
const computeButton = (page) => app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });
const fileRow = (page, name) =>
  app(page).locator('.file-list li', { has: page.locator('.file-name', { hasText: name }) });
const usedAs = (page, name) => fileRow(page, name).locator('.file-field select').first();

const shots = (page, testInfo, name) => screenshotsAtSizes(page, testInfo, name, { fullPage: true });

test("labels.parquet + features.parquet: a pair (labels, features), computed here, the API's ranking", async ({
  page,
}, testInfo) => {
  const { cv, issues } = await expected({ labels: asInput(LABELS), features: asInput(FEATURES) });
  await openApp(page);
  await dropFiles(page, [LABELS, FEATURES]);
  // Which file is used as what: the reader's guess, shown and changeable like any other.
  await expect(usedAs(page, 'labels.parquet').locator('option:checked')).toHaveText('Given labels');
  await expect(usedAs(page, 'features.parquet').locator('option:checked')).toHaveText('Features (pixels, embeddings)');
  await expect(fileRow(page, 'features.parquet')).toContainText('4 numeric columns whose rows do not sum to 1');
  await expect(app(page).locator('.files')).not.toContainText('files are marked as');
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('These columns look like features, not probabilities');
  // Not the reader's complaint that 'setosa' names no probability column: what the features file is.
  await expect(alert).toContainText(
    'features.parquet holds features (sepal_length, sepal_width, petal_length, ' +
      'petal_width), not one probability per class.',
  );
  await expect(alert).not.toContainText('matches no class');
  await expect(computeButton(page)).toBeVisible();
  await shots(page, testInfo, 'parquet-pair-offer');

  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(cv.folds.length);
  expect(await pageIssues(page)).toEqual(issues);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('150');
  // The summary names each file by what it was used as; the classes are the labels file's names.
  const summary = app(page).locator('.files .read-summary');
  await expect(summary).toContainText('Labels: labels.parquet.');
  await expect(summary).toContainText('Features: features.parquet');
  expect(await app(page).evaluate((el) => el.data.classNames)).toEqual(['setosa', 'versicolor', 'virginica']);
  // The detail pane says where the row is: in the labels file dropped, not in the table computed here.
  await expect(app(page).locator('.detail-quality')).toContainText(`row ${issues[0] + 1} of labels.parquet`);
  // Download probabilities: the CLI's PROBS.csv, the same bits as the JS API's.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download probabilities' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(probsCsv(cv));
  await shots(page, testInfo, 'parquet-pair-done');
  // Corrected labels: labelscope writes no Parquet, so the labels file as a CSV: its column, original_label added.
  const alerts = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    dialog.dismiss();
  });
  await app(page).locator('[role=grid]').focus();
  await page.keyboard.press('a');
  const [decided] = await app(page).evaluate((el) => el.decisions.map(({ index, label }) => ({ index, label })));
  const [labelsDownload] = await Promise.all([
    page.waitForEvent('download'),
    app(page)
      .locator('.decision-bar')
      .getByRole('button', { name: 'Export corrected labels (Parquet as CSV)' })
      .click(),
  ]);
  expect(alerts).toEqual([]);
  expect(labelsDownload.suggestedFilename()).toMatch(/corrected-labels\.csv$/);
  const [header, ...rows] = readFileSync(await labelsDownload.path(), 'utf8')
    .trim()
    .split('\n');
  expect(header).toBe('species,original_label');
  expect(rows).toHaveLength(150);
  expect(rows[decided.index]).toBe(`${cv.classNames[decided.label]},${cv.classNames[cv.labels[decided.index]]}`);
});

test("a labels CSV + a features Parquet (a list column of pixels): a pair, the API's ranking", async ({ page }) => {
  const labels = { name: 'pixels_labels.csv', buffer: bytes('pixels_labels.csv') };
  const pixels = { name: 'pixels.parquet', buffer: bytes('pixels.parquet') };
  const { cv, issues } = await expected({ labels: asInput(labels), features: asInput(pixels) });
  await openApp(page);
  await dropFiles(page, [labels, pixels]);
  await expect(usedAs(page, 'pixels_labels.csv').locator('option:checked')).toHaveText('Given labels');
  await expect(usedAs(page, 'pixels.parquet').locator('option:checked')).toHaveText('Features (pixels, embeddings)');
  await expect(fileRow(page, 'pixels.parquet')).toContainText("a list column 'pixels' of 36 numbers per row");
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(panel(page).locator('.cv-folds tbody tr')).toHaveCount(cv.folds.length);
  expect(await pageIssues(page)).toEqual(issues);
});

test('one Parquet table: its columns and the label column sniffFile found (labelColumn) shown', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [`${LEARN}iris.parquet`]);
  const files = app(page).locator('.files');
  await expect(files.locator('.files-roles')).toHaveText('iris.parquet → labels + features');
  await expect(files.locator('select.label-column')).toHaveValue('species');
  await expect(app(page).locator('.alert')).toContainText(
    'iris.parquet is a labelled table (id, sepal_length, ' +
      "sepal_width, petal_length, petal_width, species): a 'species' column next to numbers that look like features.",
  );
  await expect(computeButton(page)).toBeVisible();
  await shots(page, testInfo, 'parquet-table-offer');
});

test('the pair kept, reloaded, resumed: computed again, the decisions back on their rows', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [LABELS, FEATURES]);
  await computeButton(page).click();
  await waitReady(page);
  await app(page).locator('.keep-files').getByRole('button', { name: 'Keep them here' }).click();
  await app(page).locator('[role=grid]').focus();
  await page.keyboard.press('a');
  const decisions = (el) =>
    el.evaluate((node) => node.decisions.map(({ index, decision, label }) => ({ index, decision, label })));
  const made = await decisions(app(page));
  expect(made).toHaveLength(1);
  const shown = await pageIssues(page);
  await expect(app(page).locator('.save-state')).toHaveText(
    'All decisions saved in this browser (on this device only).',
  );
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await app(page).locator('.resume').getByRole('button', { name: 'Resume' }).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
  await expect(usedAs(page, 'features.parquet').locator('option:checked')).toHaveText('Features (pixels, embeddings)');
  expect(await decisions(app(page))).toEqual(made);
  expect(await pageIssues(page)).toEqual(shown);
});

test('the pair dropped on a phone: the way on (Compute) is in the upper half of the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await dropFiles(page, [LABELS, FEATURES]);
  const button = computeButton(page);
  await expect(button).toBeVisible();
  await expect
    .poll(async () => {
      const box = await button.boundingBox();
      return box != null && box.y >= 0 && box.y + box.height <= 844 / 2;
    })
    .toBe(true);
});

test("a damaged Parquet file is refused at the drop with the reader's message", async ({ page }) => {
  await openApp(page);
  const broken = Buffer.from([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]);
  await dropFiles(page, [{ name: 'features.parquet', buffer: broken }]);
  await expect(app(page).locator('.alert')).toContainText('This Parquet file cannot be read');
  await expect(app(page).locator('.alert')).toContainText('features.parquet');
});

// A spy on the page's worker client (the module the element imports): what every training was asked to learn from.
async function spyOnTrainings(page) {
  await page.evaluate(async () => {
    const { sharedClient } = await import('/ui/shared-client.js');
    const client = await sharedClient();
    const train = client.crossValProbs.bind(client);
    window.trainings = [];
    client.crossValProbs = (input, options = {}) => {
      // The labels learnt from: a labels file's name, replacement labels (a table's noisy labels), or its label column.
      const source = input.labels ? input.labels.name : options.labels ? 'replacement labels' : 'label column';
      window.trainings.push(source);
      return train(input, options);
    };
  });
  return () => page.evaluate(() => window.trainings);
}

for (const [what, files, original, noisy] of [
  ['labels + features Parquet files', [LABELS, FEATURES], 'labels.parquet', 'labels (simulated noise).csv'],
  ['one table (iris.csv)', [`${LEARN}iris.csv`], 'label column', 'replacement labels'],
]) {
  test(`simulated noise on ${what} computed here: only the noisy labels are trained on`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await openApp(page);
    const trainings = await spyOnTrainings(page);
    await dropFiles(page, files);
    await computeButton(page).click();
    await waitReady(page);
    await expect(panel(page)).toHaveAttribute('data-state', 'done');
    expect(await trainings()).toEqual([original]);

    const form = app(page).locator('details.lz-make');
    await form.locator('summary').click();
    await form.getByLabel('Labels to flip (%)').fill('10');
    await form.getByLabel('Seed').fill('7');
    await expect(form.getByLabel('Probabilities')).toHaveValue('recompute');
    const next = app(page).evaluate(
      (el) =>
        new Promise((resolve) => {
          el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation ?? null), { once: true });
        }),
    );
    await form.getByRole('button', { name: 'Flip labels' }).click();
    const simulation = await next;
    await waitReady(page);
    expect(simulation.flipped).toBe(15);
    await expect(app(page).locator('.lz-probs')).toHaveAttribute('data-probabilities', 'recomputed');
    // One more training, on the noisy labels: the original labels' probabilities were reused.
    expect(await trainings()).toEqual([original, noisy]);
    // Another seed: again only the noisy labels are trained on.
    await form.getByLabel('Seed').fill('8');
    await form.getByRole('button', { name: 'Flip labels' }).click();
    await expect.poll(trainings).toEqual([original, noisy, noisy]);
    await waitReady(page);
    await app(page).locator('.lz-sim').scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `noise-${files.length}-1280-light`);
  });
}
