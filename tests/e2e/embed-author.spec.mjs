// <label-scope> as a quiz or lesson author embeds it on a page of their own (a newcomer trial's findings):
// with src or labels-src the author's data is the point — no drop zone, no demo buttons a learner could replace it
// with (allow-drop brings the drop zone back); src pointing at a labelled table of features (no probabilities)
// shows the analysis, its probabilities computed in the page as the page's Compute does, not an error.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { expect, HEADLINES, ROOT, screenshotsAtSizes, test } from './fixtures.mjs';

const LEARN = `${ROOT}tests/fixtures/learn/`;
// Training in the page on a busy 2-core machine: the waits are longer.
test.describe.configure({ timeout: 180_000 });
const AUDIT = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }; // the element's defaults

let core = null;
/** crossValProbs + audit in Node, as the element should compute them. */
async function expected(name, bytes, options = {}) {
  const ls = await (core ??= createLabelScope());
  const cv = await ls.crossValProbs({ combined: { name, data: new Uint8Array(bytes) } }, options);
  return Array.from(ls.audit(cv, AUDIT).issues);
}

/**
 * Opens an author's page at /quiz/page.html holding `tag`, its files served from /quiz/ (same origin), recording
 * the element's labelscope-result and labelscope-error events.
 */
async function openQuiz(page, tag, files) {
  await page.route('**/quiz/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'page.html') {
      return route.fulfill({
        contentType: 'text/html',
        body:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiz</title>' +
          '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">' +
          '<script type="module" src="/label-scope.js"></script></head>' +
          `<body><h1>Quiz</h1><main>${tag}</main><script>window.results = []; window.errors = [];` +
          "document.addEventListener('labelscope-result', (e) => window.results.push(e.detail));" +
          "document.addEventListener('labelscope-error', (e) => window.errors.push(e.detail));</script></body></html>",
      });
    }
    return files[name] ? route.fulfill({ contentType: 'text/csv', body: files[name] }) : route.fulfill({ status: 404 });
  });
  await page.goto('/quiz/page.html');
  const scope = page.locator('label-scope');
  await expect(scope).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  return scope;
}

test('src: the author’s data alone — no drop zone, no demo buttons; allow-drop brings the drop zone back', async ({
  page,
}, testInfo) => {
  const dataset = readFileSync(`${HEADLINES}dataset.csv`);
  const scope = await openQuiz(page, '<label-scope src="dataset.csv" max-rows="3"></label-scope>', {
    'dataset.csv': dataset,
  });
  await expect(scope.locator('.results')).toBeVisible();
  await expect(scope.locator('.drop')).toBeHidden();
  await expect(scope.locator('button.demo')).toHaveCount(4);
  for (const demo of await scope.locator('button.demo').all()) await expect(demo).toBeHidden();
  await expect(scope.locator('.guide')).toBeHidden();
  expect(await page.evaluate(() => window.results.map((r) => r.numExamples))).toEqual([49]);
  await screenshotsAtSizes(page, testInfo, 'author-src');

  // The author lets learners drop their own files: the drop zone shows, the demos still do not.
  await scope.evaluate((el) => el.setAttribute('allow-drop', ''));
  await expect(scope.locator('.drop')).toBeVisible();
  for (const demo of await scope.locator('button.demo').all()) await expect(demo).toBeHidden();
  await screenshotsAtSizes(page, testInfo, 'author-allow-drop');
  await scope.evaluate((el) => el.removeAttribute('allow-drop'));
  await expect(scope.locator('.drop')).toBeHidden();
});

test('labels-src alone: no drop zone either; a page without source attributes keeps its intake', async ({ page }) => {
  const scope = await openQuiz(page, '<label-scope labels-src="dataset.csv"></label-scope>', {
    'dataset.csv': readFileSync(`${HEADLINES}dataset.csv`),
  });
  await expect(scope.locator('.drop')).toBeHidden();
  await scope.evaluate((el) => el.removeAttribute('labels-src'));
  await expect(scope.locator('.drop')).toBeVisible(); // no data of the author's: the person brings theirs
});

test('src at a labelled table of features: probabilities computed in the page, the analysis shown', async ({
  page,
}, testInfo) => {
  const iris = readFileSync(`${LEARN}iris.csv`);
  const issues = await expected('iris.csv', iris);
  const scope = await openQuiz(page, '<label-scope src="iris.csv"></label-scope>', { 'iris.csv': iris });
  await expect(scope.locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  const results = await page.evaluate(() => window.results);
  expect(results).toHaveLength(1);
  expect(results[0]).toMatchObject({ numExamples: 150, numClasses: 3, issues });
  expect(await page.evaluate(() => window.errors)).toEqual([]);
  await expect(scope.locator('.alert')).toBeHidden(); // no error, no offer to take: the analysis shows
  await screenshotsAtSizes(page, testInfo, 'author-features');
});

test('compact, src at a features table with an empty cell: computed with it imputed, and said so', async ({
  page,
}, testInfo) => {
  // Row 11's sepal_width left empty, as a table of real measurements often has.
  const lines = readFileSync(`${LEARN}iris.csv`, 'utf8').split('\n');
  const cells = lines[11].split(',');
  cells[2] = '';
  lines[11] = cells.join(',');
  const table = Buffer.from(lines.join('\n'));
  const issues = await expected('gaps.csv', table, { impute: true });
  const scope = await openQuiz(page, '<label-scope src="gaps.csv" compact max-rows="3"></label-scope>', {
    'gaps.csv': table,
  });
  const results = await page.evaluate(() => window.results);
  expect(results).toHaveLength(1);
  expect(results[0]).toMatchObject({ numExamples: 150, issues });
  expect(await page.evaluate(() => window.errors)).toEqual([]);
  await expect(scope.locator('.compact-item')).toHaveCount(Math.min(3, issues.length));
  await expect(
    scope.getByText('gaps.csv has missing values: each was replaced by the training fold’s mean'),
  ).toBeVisible();
  await expect(scope.locator('.cv-panel details.cv-columns')).not.toHaveAttribute('open'); // the page chose them
  await screenshotsAtSizes(page, testInfo, 'author-features-compact');
});

test('compact, src at a table with a class of 3 rows: computed with 3 folds, as the page offers', async ({ page }) => {
  const table = readFileSync(`${LEARN}small_class.csv`); // virginica: 3 rows, fewer than the 5 folds
  const issues = await expected('small_class.csv', table, { folds: 3 });
  const scope = await openQuiz(page, '<label-scope src="small_class.csv" compact></label-scope>', {
    'small_class.csv': table,
  });
  expect(await page.evaluate(() => window.results.map((r) => [r.numExamples, r.issues]))).toEqual([[103, issues]]);
  expect(await page.evaluate(() => window.errors)).toEqual([]);
  await expect(scope.locator('.cv-panel')).toContainText('3-fold cross-validated logistic regression');
});
