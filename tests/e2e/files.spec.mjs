// A person's own files: picked, dropped, in pairs or as one table — the page must flag exactly what
// the JS API flags on the same bytes, and let the person fix a wrong guess about a file.
import {
  apiAudit,
  app,
  chooseFiles,
  dropFiles,
  expect,
  HEADLINES,
  MNIST,
  openApp,
  pageIssues,
  pageStats,
  tableIndices,
  test,
  waitReady,
} from './fixtures.mjs';

/** A small combined table with string labels, a text column and three deliberately wrong labels. */
function animalsCsv({ labelHeader = 'label', isError = false } = {}) {
  const classes = ['cat', 'dog', 'bird'];
  const lines = [`id,text,${labelHeader},cat,dog,bird${isError ? ',is_error' : ''}`];
  for (let i = 0; i < 36; i++) {
    const truth = i % 3;
    const given = [5, 17, 28].includes(i) ? (truth + 1) % 3 : truth;
    const p = [0.05, 0.05, 0.05];
    p[truth] = 0.8 + (i % 4) * 0.03;
    p[(truth + 1) % 3] = 1 - p[truth] - 0.05;
    // Quotes and commas in the text column must survive the round trip.
    const known = isError ? `,${given === truth ? 0 : 1}` : '';
    lines.push(
      `${i + 1},"A ${classes[truth]}, seen on day ${i} ""up ` +
        `close""",${classes[given]},${p.map((x) => x.toFixed(4)).join(',')}${known}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

test('labels + probabilities picked with the file chooser: same flags as the JS API', async ({ page }) => {
  const files = [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`];
  const expected = await apiAudit({ labels: files[0], predProbs: files[1] });
  await openApp(page);
  await chooseFiles(page, files);
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected.issues);
  expect(await tableIndices(page)).toEqual(expected.issues);
  // It says which file it took as which, and what it found.
  await expect(app(page).locator('.file').nth(0)).toContainText('labels.csv');
  await expect(app(page).locator('.file').nth(0).locator('select')).toHaveValue('labels');
  await expect(app(page).locator('.file').nth(1).locator('select')).toHaveValue('predProbs');
  await expect(app(page).locator('.read-summary')).toContainText(
    'Read 49 examples and 4 classes: sports, weather, cooking and technology.',
  );
});

test('labels + probabilities dropped with a real DataTransfer (.npy): same flags as the JS API', async ({ page }) => {
  const files = [`${MNIST}pred_probs.npy`, `${MNIST}labels.csv`]; // order does not matter
  const expected = await apiAudit({ labels: files[1], predProbs: files[0] });
  await openApp(page);
  await dropFiles(page, files);
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected.issues);
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText(String(expected.issues.length));
  // Virtualized: the table holds only the rows in view, yet knows them all.
  const rendered = await app(page).locator('.vt-spacer .vt-row').count();
  expect(rendered).toBeLessThan(expected.issues.length + 1);
  await app(page).getByLabel('Show', { exact: true }).selectOption('all');
  await expect(app(page).locator('[role=grid]')).toHaveAttribute('aria-rowcount', '10001');
  expect(await app(page).locator('.vt-spacer .vt-row').count()).toBeLessThan(40);
});

test('one combined CSV with string labels and a text column', async ({ page }) => {
  const file = { name: 'animals.csv', text: animalsCsv() };
  const expected = await apiAudit({ combined: file });
  expect(expected.issues.length).toBeGreaterThan(0);
  await openApp(page);
  await chooseFiles(page, [file]);
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected.issues);
  await expect(app(page).locator('.read-summary')).toContainText('3 classes: cat, dog and bird');
  await expect(app(page).locator('.read-summary')).toContainText('Shown alongside: id and text.');
  const first = app(page).locator('.vt-row[data-position="0"]');
  await expect(first.locator('.primary')).toHaveText(expected.dataset.extraColumns[1].values[expected.issues[0]]);
  await expect(first.locator('.primary')).toContainText('"up close"');
});

test('an is_error column in the table marks confirmed errors and scores the flags', async ({ page }) => {
  const file = { name: 'animals.csv', text: animalsCsv({ isError: true }) };
  const expected = await apiAudit({ combined: file });
  const errors = new Set([5, 17, 28]);
  const confirmed = expected.issues.filter((i) => errors.has(i)).length;
  await openApp(page);
  await chooseFiles(page, [file]);
  await waitReady(page);
  await expect(app(page).locator('.truth')).toContainText(
    'The true label of every row is known: 3 rows are mislabelled',
  );
  await expect(app(page).locator('[data-stat=recall]')).toContainText(`${confirmed} of 3`);
  for (const i of expected.issues) {
    await expect(app(page).locator(`.vt-row[data-index="${i}"] .vt-c-truth`)).toHaveText(
      errors.has(i) ? 'error' : 'correct',
    );
  }
  // is_error is truth, not a probability column.
  await expect(app(page).locator('.files-found')).toContainText('3 classes (cat, dog, bird)');
});

test('a combined CSV whose label column has another name: the person chooses it, the file is re-read', async ({
  page,
}) => {
  const file = { name: 'animals.csv', text: animalsCsv({ labelHeader: 'animal' }) };
  const expected = await apiAudit({ combined: file }, { labelColumn: 'animal' });
  await openApp(page);
  await chooseFiles(page, [file]);
  // The reader cannot guess: a readable error, and a column picker.
  await expect(app(page).locator('.alert')).toContainText('No label column found');
  await expect(app(page).locator('.alert')).toContainText('animals.csv');
  await app(page).getByLabel('Label column').selectOption('animal');
  await waitReady(page);
  await expect(app(page).locator('.alert')).toBeHidden();
  expect(await pageIssues(page)).toEqual(expected.issues);
  expect((await pageStats(page)).reads).toBe(2);
  await expect(app(page).locator('.read-summary')).toContainText(
    'Label column: animal, one probability column per class.',
  );
});

test('a wrong role can be fixed: swap labels and probabilities', async ({ page }) => {
  const labels = `${HEADLINES}labels.csv`;
  const probs = `${HEADLINES}pred_probs.csv`;
  const expected = await apiAudit({ labels, predProbs: probs });
  await openApp(page);
  await chooseFiles(page, [labels, probs]);
  await waitReady(page);
  // The person opens the file list and says the first file holds probabilities: now two files
  // claim that role.
  await app(page).locator('.files-summary').click();
  await app(page).locator('.file').nth(0).locator('select').selectOption('predProbs');
  await expect(app(page).locator('.next-step')).toContainText('2 files are marked as “Predicted probabilities”');
  await app(page).locator('.file').nth(1).locator('select').selectOption('labels');
  // labels.csv read as probabilities fails with a message naming the file.
  await expect(app(page).locator('.alert')).toBeVisible();
  await app(page).getByRole('button', { name: 'Swap labels ⇄ probabilities' }).click();
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected.issues);
});

test('a labels file alone asks for the probabilities, then a second drop completes the pair', async ({ page }) => {
  const expected = await apiAudit({ labels: `${HEADLINES}labels.csv`, predProbs: `${HEADLINES}pred_probs.csv` });
  await openApp(page);
  await dropFiles(page, [`${HEADLINES}labels.csv`]);
  await expect(app(page).locator('.next-step')).toContainText('Now add the predicted probabilities');
  await expect(app(page)).toHaveAttribute('data-state', 'waiting');
  await dropFiles(page, [`${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  expect(await pageIssues(page)).toEqual(expected.issues);
});

test('a truth file added later scores the flags without reading the data again', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [`${MNIST}labels.csv`, `${MNIST}pred_probs.npy`]);
  await waitReady(page);
  await expect(app(page).locator('.truth')).toHaveCount(0);
  await chooseFiles(page, [`${MNIST}truth.csv`]);
  await expect(app(page).locator('.truth')).toContainText(
    '15 confirmed label errors are known — 0.15% of the 10,000 examples',
  );
  // Only errors are listed, so a wrong flag cannot be told from an unchecked one.
  await expect(app(page).locator('[data-stat=precision]')).toContainText('precision unknown');
  expect((await pageStats(page)).reads).toBe(1);
});
