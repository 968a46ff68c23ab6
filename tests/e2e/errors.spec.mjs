// Bad input is shown in the page — file, row, column, what to do — and the next file just works.
import { app, chooseFiles, dropFiles, expect, HEADLINES, openApp, pageStats, test, waitReady } from './fixtures.mjs';

const LABELS = { name: 'labels.csv', text: 'label\n0\n1\n2\n0\n' };
const BAD_PROBS = { name: 'pred_probs.csv', text: 'a,b,c\n0.7,0.2,0.1\n0.1,0.8,0.1\n0.2,oops,0.7\n0.6,0.3,0.1\n' };

test('a malformed probabilities file: a visible error naming the row and column, then a good file works', async ({
  page,
}) => {
  await openApp(page);
  await chooseFiles(page, [LABELS, BAD_PROBS]);
  const alert = app(page).locator('.alert');
  await expect(alert).toBeVisible();
  // Row N is the N-th data row (header not counted): 'oops' is in the third.
  await expect(alert.locator('.alert-where')).toHaveText('pred_probs.csv, row 3, column 2:');
  await expect(alert).toContainText("'oops' is not a number");
  await expect(app(page)).toHaveAttribute('data-state', 'error');
  await expect(app(page).locator('.results')).toBeHidden();

  // The next drop is accepted as usual, and the error goes away.
  await dropFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  await expect(alert).toBeHidden();
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('6');
});

test('labels and probabilities of different lengths', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [
    { name: 'labels.csv', text: 'label\n0\n1\n' },
    { name: 'pred_probs.csv', text: 'a,b\n0.9,0.1\n0.2,0.8\n0.5,0.5\n' },
  ]);
  await expect(app(page).locator('.alert')).toBeVisible();
  await expect(app(page).locator('.alert-message')).toContainText(/row|rows/);
});

test('a label outside the classes names its row', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [
    { name: 'labels.csv', text: 'label\n0\n1\n7\n' },
    { name: 'pred_probs.csv', text: 'a,b\n0.9,0.1\n0.2,0.8\n0.5,0.5\n' },
  ]);
  await expect(app(page).locator('.alert-where')).toHaveText('labels.csv, row 3, column 1:'); // the third data row
  await expect(app(page).locator('.alert-message')).toContainText('Label 7');
});

test('an empty file', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [
    { name: 'labels.csv', text: '' },
    { name: 'pred_probs.csv', text: 'a,b\n0.9,0.1\n' },
  ]);
  await expect(app(page).locator('.alert')).toContainText('labels.csv');
  await expect(app(page).locator('.alert')).toContainText(/empty/i);
});

test("an empty file or a PNG named .csv is refused at once, alone, with the reader's message (finding 3)", async ({
  page,
}) => {
  await openApp(page);
  await chooseFiles(page, [{ name: 'labels.csv', text: '' }]);
  const alert = app(page).locator('.alert');
  await expect(alert.locator('.alert-title')).toHaveText('Could not use labels.csv');
  await expect(alert).toContainText('The file is empty.');
  await expect(alert).toContainText('labels.csv was not added');
  await expect(app(page).locator('.file-name')).toHaveCount(0); // not listed as "labels, add the probabilities"

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  await chooseFiles(page, [{ name: 'photo.csv', buffer: png }]);
  await expect(alert.locator('.alert-title')).toHaveText('Could not use photo.csv');
  await expect(alert).toContainText('binary data');
  await expect(app(page).locator('.file-name')).toHaveCount(0);

  // A good pair still works right after.
  await chooseFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  await expect(alert).toBeHidden();
});

test('a bad truth file is reported with its row, and the analysis still shows', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [
    `${HEADLINES}labels.csv`,
    `${HEADLINES}pred_probs.csv`,
    { name: 'truth.csv', text: 'index,is_error\n3,1\n99,1\n' },
  ]);
  await waitReady(page);
  // row N = the N-th data row of the truth file (its header not counted)
  await expect(app(page).locator('.alert-where')).toHaveText('truth.csv, row 2, column 1:');
  await expect(app(page).locator('.alert-message')).toContainText("'99' is not a row of the data: use 0 to 48");
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('6');
});

test('warnings from the reader are shown, never swallowed', async ({ page }) => {
  await openApp(page);
  // Rows that do not sum to 1 are used as given, with a warning.
  await chooseFiles(page, [
    { name: 'labels.csv', text: 'label\n0\n1\n0\n1\n' },
    { name: 'pred_probs.csv', text: 'a,b\n0.9,0.3\n0.2,0.8\n0.7,0.3\n0.4,0.6\n' },
  ]);
  await waitReady(page);
  await expect(app(page).locator('.warnings')).toBeVisible();
  expect((await pageStats(page)).reads).toBe(1);
});
