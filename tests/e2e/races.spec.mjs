// Races between loads (finding 11), made deterministic: the worker's answers (and a demo's file
// download) are held back by the test and released only after the newer action, so the older
// load always finishes last — the page must end showing the newer data with no leftover error,
// and the host page must get no labelscope-error.
import { app, chooseFiles, expect, HEADLINES, openApp, test, waitReady } from './fixtures.mjs';
import { hold, heldCount, holdWorker, releaseHeld } from './hold-worker.mjs';

/** The host page's view: every labelscope-error and each result's row count (installed before the page loads). */
function recordEvents() {
  window.__errors = [];
  window.__results = [];
  document.addEventListener('labelscope-error', (e) => window.__errors.push(e.detail));
  document.addEventListener('labelscope-result', (e) => window.__results.push(e.detail.numExamples));
}

test.beforeEach(async ({ page }) => {
  await holdWorker(page, ['readDataset', 'audit']);
  await page.addInitScript(recordEvents);
});

test('MNIST demo clicked, then a file chosen at once: the file wins, no error beside it', async ({ page }) => {
  await openApp(page);
  await hold(page, true);
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await expect.poll(() => heldCount(page)).toBe(1); // MNIST's read is done; its answer is held
  await hold(page, false);
  await chooseFiles(page, [`${HEADLINES}dataset.csv`]);
  await waitReady(page);
  await releaseHeld(page); // MNIST's answer arrives last
  await page.waitForTimeout(300);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  await expect(app(page).locator('.alert')).toBeHidden();
  await expect(app(page).locator('.file-name')).toHaveText(['dataset.csv']);
  expect(await page.evaluate(() => window.__errors)).toEqual([]);
  expect(await page.evaluate(() => window.__results)).toEqual([49]);
});

test('<label-scope demo=mnist> switched to src while the demo downloads: src wins, no labelscope-error', async ({
  page,
}) => {
  // The demo's probabilities download is held until after the switch.
  let releaseDownload;
  const downloadHeld = new Promise((resolve) => {
    releaseDownload = resolve;
  });
  await page.route('**/examples/mnist/pred_probs.npy', async (route) => {
    await downloadHeld;
    await route.continue().catch(() => {}); // aborted by the page meanwhile: fine
  });
  await page.goto('/examples/embed.html');
  await page.evaluate(() => {
    const el = document.createElement('label-scope');
    el.id = 'switch';
    el.setAttribute('demo', 'mnist');
    document.querySelector('main').prepend(el);
  });
  const el = page.locator('label-scope#switch');
  await expect(el).toHaveAttribute('data-state', 'loading');
  await page.evaluate(() => {
    const node = document.getElementById('switch');
    node.removeAttribute('demo');
    node.setAttribute('src', '../examples/headlines/dataset.csv');
  });
  await expect(el).toHaveAttribute('data-state', 'ready');
  releaseDownload();
  await page.waitForTimeout(300);
  expect(await el.evaluate((node) => node.report.numExamples)).toBe(49);
  await expect(el.locator('.alert')).toBeHidden();
  expect(await page.evaluate(() => window.__errors)).toEqual([]);
});

test('<label-scope demo=mnist> switched to src while MNIST is read: the late MNIST answer is ignored', async ({
  page,
}) => {
  await page.goto('/examples/embed.html');
  await expect(page.locator('label-scope')).toHaveAttribute('data-state', 'ready'); // the lesson's own element
  await hold(page, true);
  await page.evaluate(() => {
    const el = document.createElement('label-scope');
    el.id = 'switch';
    el.setAttribute('demo', 'mnist');
    document.querySelector('main').prepend(el);
  });
  const el = page.locator('label-scope#switch');
  await expect.poll(() => heldCount(page)).toBe(1);
  await hold(page, false);
  await page.evaluate(() => {
    const node = document.getElementById('switch');
    node.removeAttribute('demo');
    node.setAttribute('src', '../examples/headlines/dataset.csv');
  });
  await expect(el).toHaveAttribute('data-state', 'ready');
  await releaseHeld(page);
  await page.waitForTimeout(300);
  expect(await el.evaluate((node) => [node.report.numExamples, node.data.numExamples])).toEqual([49, 49]);
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.alert')).toBeHidden();
  expect(await page.evaluate(() => window.__errors)).toEqual([]);
});
