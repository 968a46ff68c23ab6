// A table of label sets beside a text column, dropped without probabilities (examples/multilabel/news.csv:
// id, text, labels = politics;business): the page offers to compute one-vs-rest probabilities here, as the CLI's
// `cross-val --multi-label` does, instead of asking for a probabilities file; the ranked results are those of the
// JS API's multiLabel.crossValProbs + audit. news.csv beside pred_probs.csv (the News topics demo) stays as it was.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, openApp, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

const NEWS = `${ROOT}examples/multilabel/`;
const CSV = readFileSync(`${NEWS}news.csv`, 'utf8');
const panel = (page) => app(page).locator('.ml-panel');
const rowNumbers = (page) =>
  panel(page)
    .locator('.ml-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.dataset.row) - 1));

let core = null;

test('news.csv alone: one-vs-rest probabilities computed here, ranked as the JS API ranks them', async ({
  page,
}, testInfo) => {
  const ls = await (core ??= createLabelScope());
  const cv = await ls.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: CSV } });
  const report = ls.multiLabel.audit({ labels: cv.labels, predProbs: cv.probs, numClasses: cv.numClasses });
  expect(report.issues.length).toBeGreaterThan(0);

  await openApp(page);
  await dropFiles(page, [`${NEWS}news.csv`]);
  await expect(panel(page).locator('.ml-compute')).toBeVisible();
  // Not a dead end: no probabilities file asked for, no reader's error.
  await expect(app(page)).not.toContainText('Now add the predicted probabilities');
  await expect(app(page)).not.toContainText('No probability columns found');
  for (const [name, viewport, colorScheme] of [
    ['desktop-light', { width: 1280, height: 800 }, 'light'],
    ['desktop-dark', { width: 1280, height: 800 }, 'dark'],
    ['phone-light', { width: 390, height: 844 }, 'light'],
    ['phone-dark', { width: 390, height: 844 }, 'dark'],
  ]) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, `news-alone-offer-${name}`, { fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toBeVisible();
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
  expect(await app(page).evaluate((el) => el.multiLabel.model.classNames)).toEqual(cv.classNames);
  // The models computed here learned little (news.csv's headlines alone): the page says so, as the API does.
  const weak = cv.warnings.find((w) => w.code === 'weak_model');
  expect(weak).toBeTruthy();
  await expect(panel(page).locator('.ml-warnings')).toContainText(weak.message);
  for (const [name, viewport, colorScheme] of [
    ['desktop-light', { width: 1280, height: 800 }, 'light'],
    ['phone-dark', { width: 390, height: 844 }, 'dark'],
  ]) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, `news-alone-computed-${name}`, { fullPage: true });
  }
});

test('news.csv beside pred_probs.csv, dropped together: the given probabilities are analysed, nothing computed', async ({
  page,
}) => {
  const ls = await (core ??= createLabelScope());
  const dataset = await ls.multiLabel.readDataset({
    labels: { name: 'news.csv', data: CSV },
    predProbs: { name: 'pred_probs.csv', data: readFileSync(`${NEWS}pred_probs.csv`, 'utf8') },
  });
  const report = ls.multiLabel.audit(dataset, {});
  await openApp(page);
  await dropFiles(page, [`${NEWS}news.csv`, `${NEWS}pred_probs.csv`]);
  await waitReady(page);
  await expect(panel(page).locator('.ml-compute')).toHaveCount(0);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toHaveCount(0);
  expect(await rowNumbers(page)).toEqual(Array.from(report.issues));
});

test('the News topics demo after news.csv alone: the demo’s probabilities, as before', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [`${NEWS}news.csv`]);
  await expect(panel(page).locator('.ml-compute')).toBeVisible();
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  await expect(panel(page).locator('.ml-compute')).toHaveCount(0);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toHaveCount(0);
  await expect(panel(page).locator('.ml-row').first()).toBeVisible();
});
