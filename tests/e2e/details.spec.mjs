// Smaller things people noticed (findings 4, 10, 15): numbers that say what they mean, one row
// numbering, the phone review flow, readable charts in both colour schemes, ids that keep their
// case, grammar, focus after a demo chosen by keyboard, and re-ranking after a column sort.
import {
  app,
  dropFiles,
  expect,
  HEADLINES,
  openApp,
  openHeadlines,
  openSettings,
  tableIndices,
  test,
  waitReady,
} from './fixtures.mjs';

test('each headline number and setting says what it means, cleanlab names visible (finding 10)', async ({ page }) => {
  await openHeadlines(page);
  await expect(app(page).locator('[data-stat=flagged] .stat-help')).toContainText('filter_by = prune_by_noise_rate');
  await expect(app(page).locator('[data-stat=noise] .stat-help')).toContainText('num_label_issues');
  await expect(app(page).locator('[data-stat=health] .stat-help')).toContainText('overall_label_health_score');
  await openSettings(page);
  for (const name of ['filter_by', 'rank_by', 'frac_noise', 'min_examples_per_class']) {
    await expect(app(page).locator('.settings label code', { hasText: name })).toBeVisible();
  }
  await app(page).getByLabel('Rank by').selectOption('normalized_margin');
  await waitReady(page);
  await expect(app(page).locator('.settings')).toContainText('strongest other class');
});

test('rows are numbered from 1 (header not counted) in the table, the detail pane and the compact view (finding 4)', async ({
  page,
}) => {
  await openApp(page);
  await dropFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  const [first] = await tableIndices(page);
  await expect(app(page).locator(`.vt-row[data-index="${first}"] .vt-c-index`)).toHaveText(String(first + 1));
  await app(page).locator(`.vt-row[data-index="${first}"]`).click();
  await expect(app(page).locator('.detail-heading')).toContainText(`row ${first + 1}`);
  await expect(app(page).locator('.detail-quality')).toContainText(
    `row ${first + 1} of labels.csv (header not counted)`,
  );
});

test('ids keep their case; "1 row matches"; Rank by reorders after a column sort (finding 15)', async ({ page }) => {
  await openApp(page);
  const csv = [
    'id,label,cat,dog',
    'img_0001,cat,0.9,0.1',
    'IMG_0002,cat,0.2,0.8',
    'img_0003,dog,0.3,0.7',
    'img_0004,dog,0.6,0.4',
    'img_0005,cat,0.7,0.3',
    'img_0006,dog,0.1,0.9',
  ].join('\n');
  await dropFiles(page, [{ name: 'pets.csv', text: csv }]);
  await waitReady(page);
  await app(page).locator('.vt-row[data-position="0"]').click();
  const heading = app(page).locator('.detail-heading .detail-id');
  await expect(heading).toHaveCSS('text-transform', 'none');
  await expect(heading).toContainText(/id img_000\d|id IMG_0002/);
  // Filter to one row: singular verb.
  await app(page).getByLabel('Given', { exact: true }).selectOption({ label: 'cat' });
  await expect(app(page).locator('.row-count')).toHaveText('1 row matches these filters (flagged rows).');

  await app(page).getByLabel('Given', { exact: true }).selectOption({ label: 'any' });
  await app(page).getByLabel('Show').selectOption('all');
  await app(page).getByRole('button', { name: 'Quality' }).click(); // sort by a column
  await openSettings(page);
  await app(page).getByLabel('Rank by').selectOption('normalized_margin');
  await waitReady(page);
  await expect(app(page).getByLabel('Sort by')).toHaveValue('rank');
  const order = await tableIndices(page);
  const expected = await app(page).evaluate((el) => {
    const rank = new Map(Array.from(el.report.issues, (i, r) => [i, r]));
    const q = el.report.labelQuality;
    return [...Array(el.report.numExamples).keys()].sort(
      (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || q[a] - q[b] || a - b,
    );
  });
  expect(order).toEqual(expected);
});

test('a demo chosen by keyboard moves focus to the results table (finding 15)', async ({ page }) => {
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .focus();
  await page.keyboard.press('Enter');
  await waitReady(page);
  await expect(app(page).locator('[role=grid]')).toBeFocused();
});

test('the noise matrix shows its numbers; the histogram has 4+ y ticks and an unobstructed label (finding 15)', async ({
  page,
}) => {
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await waitReady(page);
  const matrix = app(page).locator('.matrix-card');
  await matrix.getByRole('button', { name: 'Noise matrix' }).click();
  await expect(matrix.locator('.hm-value').first()).toBeVisible();
  expect(await matrix.locator('.hm-value').count()).toBeGreaterThanOrEqual(10); // at least the diagonal
  await expect(matrix.locator('.hm-value').first()).toHaveText(/^(\d+%|<1%|>99%)$/);

  const histogram = app(page).locator('svg.histogram');
  const yTicks = await histogram.locator('text.tick[text-anchor=end]').count();
  expect(yTicks).toBeGreaterThanOrEqual(4);
  // The flagged range's label sits above the plot area, so no bar can cover it.
  const { labelBottom, plotTop } = await histogram.evaluate((svg) => ({
    labelBottom: svg.querySelector('.band-label').getBBox().y + svg.querySelector('.band-label').getBBox().height,
    plotTop: Math.min(...[...svg.querySelectorAll('.hist-all')].map((r) => r.y.baseVal.value)),
  }));
  expect(labelBottom).toBeLessThanOrEqual(plotTop);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('heatmap numbers on strong cells are dark on the light dark-mode accent (finding 15)', async ({ page }) => {
    await openHeadlines(page);
    const strong = app(page).locator('.hm-value.on-strong').first();
    await expect(strong).toBeVisible();
    const fill = await strong.evaluate((node) => getComputedStyle(node).fill);
    expect(fill).toBe('rgb(13, 20, 32)'); // --ls-on-accent in dark mode, not white
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true });
  test('tapping a card brings Accept/Keep into view; decision buttons are at least 44 px tall (finding 15)', async ({
    page,
  }) => {
    await openHeadlines(page);
    await app(page).locator('.vt-row[data-position="1"]').tap();
    const accept = app(page).locator('.decide-accept');
    await expect(accept).toBeInViewport();
    await expect(app(page).locator('.decide-keep')).toBeInViewport();
    for (const button of await app(page).locator('.decide button:visible').all()) {
      const box = await button.boundingBox();
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await accept.tap();
    await expect(app(page).locator('.review-progress-text')).toHaveText('1 of 6 flagged rows reviewed');
  });
});
