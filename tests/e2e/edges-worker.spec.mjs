// Issue 12: after the analysis engine (the Web Worker) dies — out of memory, a crash, closed — the
// page says so and the next action starts a new one; it never answers "Fix the file" until a reload.
import { app, expect, openApp, test, waitReady } from './fixtures.mjs';

/** Ends the page's labelscope worker from inside, as running out of memory would: no message, no event. */
async function killWorker(page) {
  const workers = page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'));
  expect(workers).toHaveLength(1);
  const gone = new Promise((resolve) => workers[0].once('close', resolve));
  await workers[0].evaluate(() => self.close());
  await gone;
}

test('a worker that died is restarted: the data is read again and the analysis works', async ({ page }) => {
  await openApp(page);
  await app(page).evaluate((el) => el.loadDemo('headlines'));
  await waitReady(page);
  const flagged = app(page).locator('[data-stat=flagged] .stat-value');
  await expect(flagged).toHaveText('6');

  await killWorker(page);
  // A new setting needs the engine: the dataset it held is gone.
  await app(page).evaluate((el) => el.setAttribute('filter-by', 'both'));
  const alert = app(page).locator('.alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('The analysis engine stopped (probably out of memory) and was restarted');
  await expect(alert).not.toContainText('Fix the file');

  // The next request goes to a new worker.
  await app(page).evaluate((el) => el.loadDemo('headlines'));
  await waitReady(page);
  await expect(alert).toBeHidden();
  await expect(flagged).not.toHaveText('');
  expect(page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'))).toHaveLength(1);
});

test('a worker that dies during a request fails that request with the same message, then files work again', async ({ page }) => {
  await openApp(page);
  const [worker] = page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'));
  await worker.evaluate(() => { self.onmessage = () => {}; }); // busy: takes requests, answers none
  await page.evaluate(async () => {
    const { sharedClient } = await import('/ui/shared-client.js');
    const client = await sharedClient();
    window.pendingRead = client.readDataset({ combined: new Blob(['label,a,b\n0,0.9,0.1\n1,0.2,0.8\n']) })
      .then(() => 'read', (e) => `${e.code}: ${e.message}`);
  });
  await killWorker(page);
  // Answered as soon as the worker is gone, not left waiting for ever.
  expect(await page.evaluate(() => window.pendingRead)).toMatch(/^engine_stopped: The analysis engine stopped \(probably out of memory\) and was restarted;/);

  await app(page).evaluate((el) => el.loadDemo('headlines'));
  await waitReady(page);
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('6');
});
