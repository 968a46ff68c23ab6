// <label-scope> embedded in a lesson page: compact view, its event, and a quiz that reads it.
import { apiAudit, expect, HEADLINES, screenshot, test } from './fixtures.mjs';

test('the compact element in examples/embed.html fires labelscope-result and the quiz reacts', async ({
  page,
}, testInfo) => {
  const expected = await apiAudit({ combined: `${HEADLINES}dataset.csv` });
  // Record the event from the very start (it bubbles and is composed, so the document sees it).
  await page.addInitScript(() => {
    window.labelscopeEvents = [];
    document.addEventListener('labelscope-result', (e) => window.labelscopeEvents.push(e.detail));
  });
  await page.goto('/examples/embed.html');
  const scope = page.locator('label-scope');
  await expect(scope).toHaveAttribute('data-state', 'ready');

  const details = await page.evaluate(() => window.labelscopeEvents);
  expect(details).toHaveLength(1);
  const [detail] = details;
  expect(detail).toMatchObject({
    numExamples: 49,
    numClasses: 4,
    numIssues: expected.issues.length,
    issues: expected.issues,
    classNames: ['sports', 'weather', 'cooking', 'technology'],
    filterBy: 'prune_by_noise_rate',
    rankBy: 'self_confidence',
    truth: { numErrors: 5, flaggedConfirmed: 5 },
  });
  expect(detail.ids.slice(0, 5)).toEqual(['4', '3', '40', '7', '22']);
  expect(detail.healthScore).toBeCloseTo(expected.report.healthScore, 12);

  // Compact: a summary and the top rows (max-rows="6"), no drop zone, no table.
  await expect(scope.locator('.drop')).toBeHidden();
  await expect(scope.locator('[role=grid]')).toHaveCount(0);

  // Wrong answer first, then the right one.
  await page.getByLabel('12').check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.locator('#feedback')).toContainText('Not quite: labelscope flags 6 of 49 headlines, not 12.');
  await expect(page.locator('#analysis')).toHaveAttribute('open', '');
  await page.getByLabel('6', { exact: true }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.locator('#feedback')).toHaveClass(/right/);
  await expect(page.locator('#feedback')).toContainText('5 of the 6 flags are real errors');

  await expect(scope.locator('.compact-item')).toHaveCount(6);
  await expect(scope.locator('.compact-item').first()).toContainText('Slow-roasted lamb');
  await expect(scope.locator('.compact-summary')).toContainText('6 of 49 rows');
  await screenshot(page, testInfo, 'embed-lesson', { fullPage: true });
});

test('attributes: src, filter-by, rank-by and max-rows on a compact element', async ({ page }) => {
  const expected = await apiAudit(
    { combined: `${HEADLINES}dataset.csv` },
    {},
    { filterBy: 'predicted_neq_given', rankBy: 'normalized_margin' },
  );
  await page.goto('/examples/embed.html');
  // Replace the lesson's element with one configured by attributes, as another page would write it.
  await page.evaluate(() => {
    const el = document.createElement('label-scope');
    el.id = 'custom';
    el.setAttribute('compact', '');
    el.setAttribute('src', '../examples/headlines/dataset.csv');
    el.setAttribute('filter-by', 'predicted_neq_given');
    el.setAttribute('rank-by', 'normalized_margin');
    el.setAttribute('max-rows', '3');
    el.addEventListener('labelscope-result', (e) => {
      window.customResult = e.detail;
    });
    document.querySelector('main').prepend(el);
  });
  const custom = page.locator('label-scope#custom');
  await expect(custom).toHaveAttribute('data-state', 'ready');
  const detail = await page.evaluate(() => window.customResult);
  expect(detail.issues).toEqual(expected.issues);
  expect(detail.filterBy).toBe('predicted_neq_given');
  await expect(custom.locator('.compact-item')).toHaveCount(3);
});

test('labels-src, pred-probs-src and truth-src load a pair of files with their truth', async ({ page }) => {
  await page.goto('/examples/embed.html');
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement('label-scope');
        el.setAttribute('compact', '');
        el.setAttribute('labels-src', '/examples/mnist/labels.csv');
        el.setAttribute('pred-probs-src', '/examples/mnist/pred_probs.npy');
        el.setAttribute('truth-src', '/examples/mnist/truth.csv');
        el.addEventListener('labelscope-result', (e) => resolve(e.detail));
        document.querySelector('main').prepend(el);
      }),
  );
  expect(detail).toMatchObject({ numExamples: 10000, numClasses: 10, truth: { numErrors: 15 } });
  expect(detail.ids).toBeNull(); // no id column: quiz pages use `issues` (row indices)
});

test('a cross-origin src is refused with a readable error, and no request is made', async ({ page }) => {
  await page.goto('/examples/embed.html');
  const errors = page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement('label-scope');
        el.setAttribute('compact', '');
        el.addEventListener('labelscope-error', (e) => resolve(e.detail));
        el.setAttribute('src', 'https://example.com/data.csv');
        document.querySelector('main').prepend(el);
      }),
  );
  expect(await errors).toMatchObject({ code: 'cross_origin', file: 'data.csv' });
  await expect(page.locator('label-scope').first().locator('.alert')).toContainText(
    'only loads files from this page’s own origin',
  );
});

test('el.report describes what is shown: null while label sets are shown, the headlines report again after', async ({
  page,
}) => {
  await page.goto('/examples/embed.html');
  const scope = page.locator('label-scope');
  await expect(scope).toHaveAttribute('data-state', 'ready');
  expect(await scope.evaluate((el) => el.report?.numExamples)).toBe(49);

  // The News topics demo (label sets): a host reading el.report must not get the headlines' report.
  const detail = await scope.evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => e.detail.multiLabel && resolve(e.detail));
        el.loadDemo('news');
      }),
  );
  expect(detail).toMatchObject({ multiLabel: true, numExamples: 48 });
  expect(await scope.evaluate((el) => el.multiLabel?.model.numExamples)).toBe(48);
  expect(await scope.evaluate((el) => el.report)).toBeNull();
  // Deciding on a single-label row is refused, naming where label sets are decided.
  const refusal = await scope.evaluate((el) => {
    try {
      el.decide(0, 'keep');
      return 'decided';
    } catch (error) {
      return error.message;
    }
  });
  expect(refusal).toContain('el.multiLabel.decide');

  // Single labels again: their report.
  await scope.evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => !e.detail.multiLabel && resolve());
        el.loadDemo('headlines');
      }),
  );
  expect(await scope.evaluate((el) => el.multiLabel)).toBeNull();
  expect(await scope.evaluate((el) => el.report?.numExamples)).toBe(49);
});
