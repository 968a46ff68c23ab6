// Labelled tables of features dropped on the page (a newcomer's trial, eyes4): the page's own
// corrected-labels export fed back never trains on its original_label column; a table whose label
// column has no known name (topic) becomes a labels + features table once that column is chosen,
// with Compute; a semicolon-separated table with decimal commas is recognised; a table and a
// probabilities file make a pair (the table's labels, the file's probabilities) in either order;
// a missing value found while computing says where once and offers imputation right there; a
// Parquet table's corrected labels are the whole table as CSV.
// LABELSCOPE_E2E_WASM_DIR=DIR serves DIR's core (fixtures.mjs), e.g. a build newer than dist/.
import { readFileSync } from 'node:fs';
import { app, dropFiles, expect, openApp, ROOT, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

const CLASSES = ['billing', 'shipping', 'technical'];
/** 90 tickets: two numbers and a plan that say the class; deterministic. */
function tickets() {
  const out = [];
  for (let i = 0; i < 90; i++) {
    const c = i % 3;
    out.push({
      id: `T${1000 + i}`,
      wait: (c + 0.37 * ((i * 7) % 5)).toFixed(2),
      amount: (10 * c + 3.1 * ((i * 11) % 7)).toFixed(2),
      plan: ['free', 'pro'][i % 2],
      label: CLASSES[c],
    });
  }
  return out;
}
const csv = (name, header, rowsOf, sep = ',') => ({
  name,
  text: `${[
    header.join(sep),
    ...tickets()
      .map(rowsOf)
      .map((r) => r.join(sep)),
  ].join('\n')}\n`,
});

const computeButton = (page) => app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });
const fileRow = (page, name) =>
  app(page).locator('.file-list li', { has: page.locator('.file-name', { hasText: name }) });
const usedAs = (page, name) => fileRow(page, name).locator('.file-field select').first();
const alert = (page) => app(page).locator('.alert');
const summary = (page) => app(page).locator('.files .read-summary');

/** Screenshots at both sizes, light and dark; `shown`: a locator scrolled into view first. */
const shots = (page, testInfo, name, shown = null) =>
  screenshotsAtSizes(page, testInfo, name, { show: shown && (() => shown.scrollIntoViewIfNeeded()) });

test('the corrected-labels export fed back: original_label is never a feature', async ({ page }) => {
  const corrected = csv(
    'corrected.csv',
    ['ticket_id', 'wait_days', 'amount', 'plan', 'category', 'original_label'],
    (r) => [r.id, r.wait, r.amount, r.plan, r.label, r.label],
  );
  await openApp(page);
  await dropFiles(page, [corrected]);
  await computeButton(page).click();
  await waitReady(page);
  await expect(summary(page)).toContainText('Features: wait_days, amount');
  await expect(summary(page)).not.toContainText('original_label');
});

test('a label column with no known name (topic): chosen, the table is labels + features, with Compute', async ({
  page,
}, testInfo) => {
  const topic = csv('tickets_topic.csv', ['ticket_id', 'wait_days', 'amount', 'plan', 'topic'], (r) => [
    r.id,
    r.wait,
    r.amount,
    r.plan,
    r.label,
  ]);
  await openApp(page);
  await dropFiles(page, [topic]);
  // No label column yet: a question (which column holds the labels?), answered in the list of files; nothing to
  // compute from yet.
  await expect(alert(page)).toContainText('Which column holds the labels?');
  await expect(computeButton(page)).toHaveCount(0);
  await fileRow(page, 'tickets_topic.csv').locator('select.label-column').selectOption('topic');
  await expect(alert(page)).toContainText('These columns look like features, not probabilities');
  await expect(alert(page)).toContainText("the label column 'topic' next to columns that look like features");
  await expect(alert(page)).not.toContainText('matches no class');
  await expect(usedAs(page, 'tickets_topic.csv').locator('option:checked')).toHaveText('Labels + features (one table)');
  await expect(computeButton(page)).toBeVisible();
  await shots(page, testInfo, 'topic-chosen');
  await computeButton(page).click();
  await waitReady(page);
  await expect(summary(page)).toContainText('Label column: topic.');
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('90');
});

test('a semicolon-separated table with decimal commas: labels + features, computed here', async ({
  page,
}, testInfo) => {
  const semicolon = csv(
    'tickets_semicolon.csv',
    ['ticket_id', 'wait_days', 'amount', 'plan', 'category'],
    (r) => [r.id, r.wait.replace('.', ','), r.amount.replace('.', ','), r.plan, r.label],
    ';',
  );
  await openApp(page);
  await dropFiles(page, [semicolon]);
  await expect(usedAs(page, 'tickets_semicolon.csv').locator('option:checked')).toHaveText(
    'Labels + features (one table)',
  );
  await expect(fileRow(page, 'tickets_semicolon.csv').locator('select.label-column')).toHaveValue('category');
  await expect(computeButton(page)).toBeVisible();
  await shots(page, testInfo, 'semicolon-dropped');
  await computeButton(page).click();
  await waitReady(page);
  await expect(summary(page)).toContainText('Features: wait_days, amount');
});

test(
  "a table and a probabilities file, together or one after the other: the table's labels, the file's " +
    'probabilities',
  async ({ page }, testInfo) => {
    const table = csv('tickets.csv', ['ticket_id', 'wait_days', 'amount', 'plan', 'category'], (r) => [
      r.id,
      r.wait,
      r.amount,
      r.plan,
      r.label,
    ]);
    const probs = {
      name: 'tickets-probabilities.csv',
      text: `${[
        CLASSES.join(','),
        ...tickets().map((r, i) => {
          const p = [0.1, 0.1, 0.1];
          p[(CLASSES.indexOf(r.label) + (i % 15 === 0 ? 1 : 0)) % 3] = 0.8;
          return p.join(',');
        }),
      ].join('\n')}\n`,
    };
    const paired = async () => {
      await expect(usedAs(page, 'tickets.csv').locator('option:checked')).toHaveText('Given labels');
      await expect(usedAs(page, probs.name).locator('option:checked')).toHaveText('Predicted probabilities');
      await expect(fileRow(page, 'tickets.csv')).toContainText(`a table beside ${probs.name}: its label column`);
      await waitReady(page);
      await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('90');
      await expect(summary(page)).toContainText('Shown alongside: ticket_id, wait_days, amount and plan.');
    };
    await openApp(page);
    await dropFiles(page, [probs, table]);
    await paired();
    await shots(page, testInfo, 'pair-together');
    await openApp(page);
    await dropFiles(page, [probs]);
    await expect(app(page).locator('.files .next-step')).toContainText('Now add the given labels');
    await dropFiles(page, [table]);
    await paired();
    await openApp(page);
    await dropFiles(page, [table]);
    await expect(computeButton(page)).toBeVisible();
    await dropFiles(page, [probs]);
    await paired();
  },
);

test('a table beside probabilities whose label column has no known name: chosen in the file list', async ({
  page,
}, testInfo) => {
  const topic = csv('tickets_topic.csv', ['ticket_id', 'wait_days', 'amount', 'plan', 'topic'], (r) => [
    r.id,
    r.wait,
    r.amount,
    r.plan,
    r.label,
  ]);
  const probs = {
    name: 'probs.csv',
    text: `${[
      CLASSES.join(','),
      ...tickets().map((r) => CLASSES.map((c) => (c === r.label ? 0.8 : 0.1)).join(',')),
    ].join('\n')}\n`,
  };
  await openApp(page);
  await dropFiles(page, [topic, probs]);
  await expect(usedAs(page, 'tickets_topic.csv').locator('option:checked')).toHaveText('Given labels');
  await expect(alert(page)).toContainText('No label column found');
  const picker = fileRow(page, 'tickets_topic.csv').locator('select.label-column');
  await expect(picker).toBeVisible();
  await shots(page, testInfo, 'pair-choose-label');
  await picker.selectOption('topic');
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('90');
  await expect(picker).toHaveValue('topic');
});

test('a missing value while computing: said once, where, under its own heading; imputation offered there', async ({
  page,
}, testInfo) => {
  const missing = csv('tickets_missing.csv', ['ticket_id', 'wait_days', 'amount', 'plan', 'category'], (r, i) => [
    r.id,
    r.wait,
    i === 41 ? '' : r.amount,
    r.plan,
    r.label,
  ]);
  await openApp(page);
  await dropFiles(page, [missing]);
  // Said as soon as the table is read (the probability reader's empty cell is a missing feature value), not after
  // a Compute that cannot succeed.
  await expect(alert(page).locator('.alert-title')).toHaveText('A value is missing in tickets_missing.csv');
  await expect(alert(page).locator('.alert-message')).toContainText("Row 42, column 'amount': a value is missing.");
  await expect(alert(page)).not.toContainText('data row');
  await expect(alert(page).locator('.alert-where')).toHaveCount(0);
  await expect(alert(page)).not.toContainText('look like features');
  const impute = alert(page).getByRole('button', { name: 'Compute with missing values replaced by the mean' });
  await expect(impute).toBeVisible();
  await shots(page, testInfo, 'missing-value');
  await impute.click();
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('90');
  await expect(summary(page)).toContainText('Features: wait_days, amount and plan.');
  // Columns chosen first (plan left out), then the missing value: imputation keeps that choice. The choices above,
  // kept with the decisions, are forgotten first: the same bytes dropped again would be computed with them at once.
  await app(page).locator('.privacy .forget-everything').click();
  await expect(app(page).locator('.privacy')).toContainText('Forgotten');
  await openApp(page);
  await dropFiles(page, [missing]);
  await app(page).getByRole('button', { name: 'Choose the columns first' }).click();
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'columns');
  await panel.locator('select[data-column=plan]').selectOption('ignore');
  await panel.getByRole('button', { name: 'Compute with these columns' }).click();
  await alert(page).getByRole('button', { name: 'Compute with missing values replaced by the mean' }).click();
  await waitReady(page);
  await expect(summary(page)).toContainText('Features: wait_days and amount.');
});

test('a Parquet table: Export corrected labels gives the whole table as CSV, the label replaced', async ({
  page,
}, testInfo) => {
  const iris = { name: 'iris.parquet', buffer: readFileSync(`${ROOT}tests/fixtures/learn/iris.parquet`) };
  await openApp(page);
  await dropFiles(page, [iris]);
  await computeButton(page).click();
  await waitReady(page);
  await app(page).locator('[role=grid]').focus();
  await page.keyboard.press('a');
  const [decided] = await app(page).evaluate((el) => el.decisions.map(({ index, label }) => ({ index, label })));
  const classNames = await app(page).evaluate((el) => el.data.classNames);
  const given = await app(page).evaluate((el, i) => el.data.labels[i], decided.index);
  const button = app(page)
    .locator('.decision-bar')
    .getByRole('button', { name: 'Export corrected labels (Parquet as CSV)' });
  await expect(button).toBeVisible();
  await shots(page, testInfo, 'parquet-export', button);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/corrected-labels\.csv$/);
  const [header, ...rows] = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  expect(columns.slice(-2)).toEqual(['species', 'original_label']);
  expect(columns).toContain('sepal_length');
  expect(rows).toHaveLength(150);
  const row = rows[decided.index].split(',');
  expect(row.slice(-2)).toEqual([classNames[decided.label], classNames[given]]);
});
