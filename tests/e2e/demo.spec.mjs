// The two demo buttons: what a newcomer sees first.
import {
  apiAudit,
  app,
  expect,
  HEADLINES,
  MNIST,
  openApp,
  pageIssues,
  screenshot,
  tableIndices,
  test,
  truthRows,
  waitReady,
} from './fixtures.mjs';

test('headlines demo: the table starts with the deliberately wrong rows, each explained', async ({
  page,
}, testInfo) => {
  const expected = await apiAudit({ combined: `${HEADLINES}dataset.csv` });
  const idOf = (i) => expected.dataset.extraColumns.find((c) => c.name === 'id').values[i];
  expect(expected.issues.slice(0, 5).map(idOf)).toEqual(['4', '3', '40', '7', '22']); // the README's story

  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);

  expect(await pageIssues(page)).toEqual(expected.issues);
  expect(await tableIndices(page)).toEqual(expected.issues);
  const ids = await app(page).locator('.vt-spacer .vt-row .vt-c-index').allTextContents();
  expect(ids.slice(0, 5)).toEqual(['4', '3', '40', '7', '22']);

  // Summary: 6 of 49 flagged, truth known for every row.
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('6');
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  await expect(app(page).locator('.truth')).toContainText('5 rows are mislabelled');
  await expect(app(page).locator('[data-stat=precision]')).toContainText('5 of 6');
  await expect(app(page).locator('[data-stat=recall]')).toContainText('5 of 5');

  // The first row explains itself with the report's own numbers.
  const first = app(page).locator('.vt-row[data-position="0"]');
  await expect(first).toContainText('Slow-roasted lamb');
  await expect(first.locator('.secondary')).toHaveText(
    'Labelled technology; the model gives cooking 0.94, above cooking’s threshold 0.74; technology only 0.02.',
  );
  await expect(first.locator('.vt-c-truth')).toHaveText('error');
  // Id 10 is the model's mistake: flagged, but its label is right.
  await expect(app(page).locator('.vt-row[data-index="9"] .vt-c-truth')).toHaveText('correct');
  // The detail pane shows the selected row with every class probability.
  await expect(app(page).locator('.detail')).toContainText(
    'Known truth: a label error — the correct label is cooking.',
  );
  await expect(app(page).locator('.detail .prob')).toHaveCount(4);

  await screenshot(page, testInfo, 'headlines-desktop', { fullPage: true });
});

test('MNIST demo: the lesson’s 0.15 percent, and how many flags reviewers confirmed', async ({ page }, testInfo) => {
  const expected = await apiAudit({ labels: `${MNIST}labels.csv`, predProbs: `${MNIST}pred_probs.npy` });
  const confirmed = new Set(
    truthRows(`${MNIST}truth.csv`)
      .filter((r) => r.isError)
      .map((r) => r.index),
  );
  const reviewed = new Map(truthRows(`${MNIST}candidates.csv`).map((r) => [r.index, r.isError]));
  const flaggedConfirmed = expected.issues.filter((i) => confirmed.has(i)).length;
  const flaggedCorrect = expected.issues.filter((i) => reviewed.get(i) === false).length;
  expect(confirmed.size).toBe(15);

  await openApp(page);
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await waitReady(page);

  expect(await pageIssues(page)).toEqual(expected.issues);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('10,000');
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText(String(expected.issues.length));
  const truth = app(page).locator('.truth');
  await expect(truth).toContainText('confirmed 15 label errors — 0.15% of the 10,000 examples');
  await expect(truth).toContainText(
    `reviewers confirmed ${flaggedConfirmed} of them as errors and judged ${flaggedCorrect} correctly labelled`,
  );
  await expect(app(page).locator('[data-stat=known-errors]')).toContainText('15');
  await expect(app(page).locator('[data-stat=known-errors]')).toContainText('0.15% of 10,000');
  await expect(app(page).locator('[data-stat=precision]')).toContainText(
    `${flaggedConfirmed} of ${expected.issues.length}`,
  );
  await expect(app(page).locator('[data-stat=recall]')).toContainText(`${flaggedConfirmed} of 15`);

  // Which file was taken as which.
  const roles = await app(page)
    .locator('.file')
    .evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('.file-name').textContent, r.querySelector('select').value]),
    );
  expect(roles).toEqual([
    ['labels.csv', 'labels'],
    ['pred_probs.npy', 'predProbs'],
    ['classes.txt', 'classNames'],
    ['truth.csv', 'truth'],
    ['candidates.csv', 'truth'],
  ]);

  // "Known errors not flagged" lists the confirmed errors labelscope missed.
  await app(page).getByLabel('Show', { exact: true }).selectOption('missed');
  await expect(app(page).locator('.row-count')).toContainText(`${15 - flaggedConfirmed} rows`);

  await screenshot(page, testInfo, 'mnist-desktop', { fullPage: true });
});

test('?demo=mnist opens the MNIST demo straight away', async ({ page }) => {
  await page.goto('/?demo=mnist');
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('10,000');
});
