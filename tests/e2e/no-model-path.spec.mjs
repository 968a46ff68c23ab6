// A person with a labelled table and no model (newcomer trial, session 5): the page's path to computed
// probabilities reads as a normal path, not as errors. A class with fewer rows than folds is no dead end (the
// number of folds beside each Compute, and "Compute with N folds" under that error); a label column not named
// like one is a question; a missing feature cell is a missing value with imputation offered, named in row order.
import { app, dropFiles, expect, openApp, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

const WARDS = ['cardio', 'ortho', 'general', 'neuro'];
const NOTES = {
  discharged: ['mild sprain, walking fine', 'headache resolved', 'feels better, no pain'],
  admitted: ['persistent fever, needs fluids', 'chest pain, observe overnight', 'infection, IV antibiotics'],
  deceased: ['cardiac arrest on arrival', 'septic shock', 'respiratory failure'],
};

/**
 * A triage-like table: vital signs, a ward, a note and a label column (named `label`); `rare` rows of class
 * 'deceased'; `missing`: [row (1-based data row), column] cells left empty.
 */
function triage({ rows = 60, rare = 3, labelName = 'label', missing = [] } = {}) {
  const header = ['visit_id', 'age', 'heart_rate', 'temp_c', 'ward', 'triage_note', labelName];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const y = i < rare ? 'deceased' : i % 2 ? 'admitted' : 'discharged';
    const k = y === 'deceased' ? 2 : y === 'admitted' ? 1 : 0;
    const cells = {
      visit_id: `V${1000 + i}`,
      age: String(35 + 15 * k + ((i * 7) % 11)),
      heart_rate: (75 + 20 * k + ((i * 13) % 9)).toFixed(1),
      temp_c: (36.6 + 0.8 * k + ((i * 3) % 5) / 10).toFixed(1),
      ward: WARDS[(i * 5) % 4],
      triage_note: `"${NOTES[y][i % 3]}"`,
      [labelName]: y,
    };
    for (const [row, column] of missing) if (row === i + 1) cells[column] = '';
    lines.push(header.map((c) => cells[c]).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const alert = (page) => app(page).locator('.alert');

test('a class with fewer rows than folds: "Compute with 3 folds" under the error computes with 3', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'triage_rare.csv', text: triage() }]);
  const compute = alert(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });
  await expect(compute).toBeVisible();
  await expect(alert(page).getByLabel('Folds')).toHaveValue('5');
  await compute.click();
  await expect(alert(page)).toContainText("Class 'deceased' has 3 examples, fewer than the 5 folds");
  await expect(alert(page).locator('.alert-title')).toHaveText("Class 'deceased' has too few rows for 5 folds");
  await screenshot(page, testInfo, 'rare-class');
  await alert(page).getByRole('button', { name: 'Compute with 3 folds' }).click();
  await waitReady(page);
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(panel.locator('.cv-settings')).toContainText('Logistic regression, 3 folds');
  await expect(panel.locator('.cv-folds tbody tr')).toHaveCount(3);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('60');
  // The table of columns to compute again shows the folds used.
  await expect(panel.getByLabel('Folds')).toHaveValue('3');
});

test('the folds chosen beside Compute, and in "Choose the columns first", are the folds computed with', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'triage.csv', text: triage({ rare: 4 }) }]);
  await alert(page).getByLabel('Folds').selectOption('4');
  await expect(alert(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ })).toContainText(
    '4-fold',
  );
  await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'columns');
  await expect(panel.getByLabel('Folds')).toHaveValue('4');
  await screenshot(page, testInfo, 'choose-columns-folds');
  await panel.getByLabel('Folds').selectOption('2');
  await panel.getByRole('button', { name: 'Compute with these columns' }).click();
  await waitReady(page);
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(panel.locator('.cv-settings')).toContainText('Logistic regression, 2 folds');
  await expect(panel.locator('.cv-folds tbody tr')).toHaveCount(2);
});

test('a label column not named like one is a question answered in the list of files, not a broken file', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'triage.csv', text: triage({ labelName: 'outcome', rare: 5 }) }]);
  await expect(alert(page).locator('.alert-title')).toHaveText('Which column holds the labels?');
  await expect(alert(page)).toHaveClass(/alert-question/);
  await expect(alert(page)).not.toContainText('Could not read');
  await expect(alert(page)).not.toContainText('Fix the file');
  await expect(alert(page)).toContainText('Label column menu in the list of files');
  await screenshot(page, testInfo, 'label-question');
  await alert(page).getByRole('button', { name: 'Choose the label column' }).click();
  const menu = app(page).locator('select.label-column');
  await expect(menu).toBeFocused();
  await menu.selectOption('outcome');
  // Then the normal offer: compute here (no probability reader's complaint), still not a failure.
  await expect(alert(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ })).toBeVisible();
  await expect(alert(page)).toHaveClass(/alert-question/);
  await alert(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
});

test('a missing feature cell in a table to learn from: a missing value, imputed when asked, row order', async ({
  page,
}, testInfo) => {
  await openApp(page);
  const text = triage({
    labelName: 'outcome',
    rare: 5,
    missing: [
      [13, 'heart_rate'],
      [40, 'age'],
    ],
  });
  await dropFiles(page, [{ name: 'triage.csv', text }]);
  await app(page).locator('select.label-column').selectOption('outcome');
  await expect(alert(page).locator('.alert-title')).toHaveText('A value is missing in triage.csv');
  await expect(alert(page)).toContainText("Row 13, column 'heart_rate': a value is missing.");
  await expect(alert(page)).not.toContainText('probability');
  await expect(alert(page)).toHaveClass(/alert-question/);
  await screenshot(page, testInfo, 'missing-value');
  await alert(page).getByRole('button', { name: 'Compute with missing values replaced by the mean' }).click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('60');
});

test('labels.csv + pixels.npy dropped by hand: the pixels are features to compute from, not integers refused', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [`${ROOT}examples/fashion-mnist/labels.csv`, `${ROOT}examples/fashion-mnist/pixels.npy`]);
  await expect(alert(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ })).toBeVisible();
  await expect(alert(page)).not.toContainText('holds integers');
  await expect(alert(page)).toContainText(
    'pixels.npy holds features (2000 × 784 uint8), not one probability per class.',
  );
  await expect(alert(page)).toHaveClass(/alert-question/);
  await screenshot(page, testInfo, 'pixels-by-hand');
});

test('"Compute with 3 folds" after columns chosen: the same columns, with 3 folds', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'triage_rare.csv', text: triage() }]);
  await alert(page).getByRole('button', { name: 'Choose the columns first' }).click();
  const panel = app(page).locator('.cv-panel');
  await expect(panel).toHaveAttribute('data-state', 'columns');
  await panel.locator('select[data-column=triage_note]').selectOption('ignore');
  await panel.getByRole('button', { name: 'Compute with these columns' }).click();
  await alert(page).getByRole('button', { name: 'Compute with 3 folds' }).click();
  await waitReady(page);
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(panel.locator('.cv-settings')).toContainText('Logistic regression, 3 folds');
  await expect(panel.locator('select[data-column=triage_note]')).toHaveValue('ignore');
  await expect(app(page).locator('.files .read-summary')).toContainText('Features: age, heart_rate, temp_c and ward.');
});
