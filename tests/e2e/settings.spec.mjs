// Settings re-run the audit on the data already in the worker — never a second read — and the
// table can be sorted and filtered without touching the analysis.
import {
  apiAudit,
  app,
  expect,
  HEADLINES,
  MNIST,
  openApp,
  openSettings,
  pageIssues,
  pageStats,
  tableIndices,
  test,
  waitReady,
} from './fixtures.mjs';

const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];

test('every filter_by method re-ranks without re-reading, and matches the JS API', async ({ page }) => {
  const files = { labels: `${MNIST}labels.csv`, predProbs: `${MNIST}pred_probs.npy` };
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await waitReady(page);
  const before = await pageStats(page);
  expect(before.reads).toBe(1);

  await expect(app(page).locator('.settings-current')).toHaveText(
    'prune_by_noise_rate · ranked by self_confidence · frac_noise 1.00 · min 1 per class',
  );
  await openSettings(page);
  const select = app(page).getByLabel('Find issues with');
  await expect(select.locator('option')).toHaveText(
    FILTERS.map((f) => (f === 'prune_by_noise_rate' ? `${f} (default)` : f)),
  );
  for (const filterBy of ['predicted_neq_given', 'low_self_confidence', 'both']) {
    const expected = await apiAudit(files, {}, { filterBy });
    const audits = (await pageStats(page)).audits;
    await select.selectOption(filterBy);
    await expect.poll(async () => (await pageStats(page)).audits).toBe(audits + 1);
    await waitReady(page);
    expect(await pageIssues(page)).toEqual(expected.issues);
    await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText(String(expected.issues.length));
  }
  // frac_noise and min_examples_per_class only apply to the prune methods.
  await select.selectOption('predicted_neq_given');
  await expect(app(page).getByLabel('Fraction of noise')).toBeDisabled();
  await expect(app(page).locator('.settings-current')).toHaveText('predicted_neq_given · ranked by self_confidence');
  expect((await pageStats(page)).reads).toBe(1);
});

test('rank by, frac_noise and min_examples_per_class apply at once', async ({ page }) => {
  const file = `${HEADLINES}dataset.csv`;
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);

  await openSettings(page);
  const byMargin = await apiAudit({ combined: file }, {}, { rankBy: 'normalized_margin' });
  await app(page).getByLabel('Rank by').selectOption('normalized_margin');
  await expect.poll(() => pageIssues(page)).toEqual(byMargin.issues);
  expect(await tableIndices(page)).toEqual(byMargin.issues);

  const unranked = await apiAudit({ combined: file }, {}, { rankBy: 'none' });
  await app(page).getByLabel('Rank by').selectOption('none');
  await expect.poll(() => pageIssues(page)).toEqual(unranked.issues);
  expect([...unranked.issues].sort((a, b) => a - b)).toEqual(unranked.issues);

  const half = await apiAudit({ combined: file }, {}, { rankBy: 'none', fracNoise: 0.5 });
  await app(page).getByLabel('Fraction of noise').fill('0.5');
  await expect.poll(() => pageIssues(page)).toEqual(half.issues);
  await expect(app(page).locator('.range-value')).toHaveText('0.50');

  const strict = await apiAudit({ combined: file }, {}, { rankBy: 'none', fracNoise: 0.5, minExamplesPerClass: 12 });
  await app(page).getByLabel('Min. examples per class').fill('12');
  await app(page).getByLabel('Min. examples per class').press('Enter');
  await expect.poll(() => pageIssues(page)).toEqual(strict.issues);
  expect((await pageStats(page)).reads).toBe(1);
});

test('sorting by a column and filtering by class change the table, not the analysis', async ({ page }) => {
  const { issues, report, dataset } = await apiAudit({ combined: `${HEADLINES}dataset.csv` });
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
  const audits = (await pageStats(page)).audits;

  // Quality, highest first (ties by row).
  await app(page).getByRole('button', { name: 'Quality' }).click();
  await app(page).getByRole('button', { name: 'Quality' }).click();
  await expect(app(page).locator('[role=columnheader][data-key=quality]')).toHaveAttribute('aria-sort', 'descending');
  const byQuality = [...issues].sort((a, b) => report.labelQuality[b] - report.labelQuality[a] || a - b);
  expect(await tableIndices(page)).toEqual(byQuality);

  // Only rows suggested as weather.
  const weather = dataset.classNames.indexOf('weather');
  await app(page).getByLabel('Suggested', { exact: true }).selectOption('weather');
  const suggestedWeather = byQuality.filter((i) => report.suggestedLabel[i] === weather);
  expect(await tableIndices(page)).toEqual(suggestedWeather);
  await expect(app(page).locator('.row-count')).toContainText(`${suggestedWeather.length} rows match these filters`);

  // All rows: 49, flagged first.
  await app(page).getByRole('button', { name: 'Clear filters' }).click();
  await app(page).getByLabel('Show', { exact: true }).selectOption('all');
  await app(page).getByLabel('Sort by').selectOption('rank');
  await expect(app(page).locator('.row-count')).toContainText('49 rows');
  expect((await tableIndices(page)).slice(0, issues.length)).toEqual(issues);

  // A heatmap cell lists its rows: given sports, the model says weather.
  await app(page).getByLabel('Show', { exact: true }).selectOption('flagged');
  const sports = dataset.classNames.indexOf('sports');
  await app(page).locator(`.hm-cell[data-row="${sports}"][data-col="${weather}"]`).click();
  await expect(app(page).getByLabel('Given', { exact: true })).toHaveValue(String(sports));
  await expect(app(page).getByLabel('Suggested', { exact: true })).toHaveValue(String(weather));
  expect(await tableIndices(page)).toEqual(
    issues.filter((i) => dataset.labels[i] === sports && report.suggestedLabel[i] === weather),
  );

  expect((await pageStats(page)).audits).toBe(audits);
});
