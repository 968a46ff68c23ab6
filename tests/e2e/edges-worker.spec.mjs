// Issue 12: after the analysis engine (the Web Worker) dies — out of memory, a crash, closed — the
// page says so and the next action starts a new one; it never answers "Fix the file" until a reload.
import { apiAudit, app, expect, HEADLINES, openApp, test, waitReady } from './fixtures.mjs';

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
  await expect(alert.locator('.alert-title')).toHaveText('The analysis engine stopped');
  await expect(alert).toContainText('The analysis engine stopped (probably out of memory) and was restarted');
  await expect(alert).toContainText('Your files are still here: read them again.');
  await expect(alert).not.toContainText('Fix the file');

  // The files are still in the page: one button reads them again, in the new worker.
  await alert.getByRole('button', { name: 'Read the files again' }).click();
  await waitReady(page);
  await expect(alert).toBeHidden();
  const expected = await apiAudit({ combined: `${HEADLINES}dataset.csv` }, {}, { filterBy: 'both' });
  expect(await app(page).evaluate((el) => Array.from(el.report.issues))).toEqual(expected.issues);
  expect(page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'))).toHaveLength(1);
});

test('a worker that dies during a request fails that request with the same message, then files work again', async ({
  page,
}) => {
  await openApp(page);
  const [worker] = page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'));
  await worker.evaluate(() => {
    self.onmessage = () => {};
  }); // busy: takes requests, answers none
  await page.evaluate(async () => {
    const { sharedClient } = await import('/ui/shared-client.js');
    const client = await sharedClient();
    window.pendingRead = client.readDataset({ combined: new Blob(['label,a,b\n0,0.9,0.1\n1,0.2,0.8\n']) }).then(
      () => 'read',
      (e) => `${e.code}: ${e.message}`,
    );
  });
  await killWorker(page);
  // Answered as soon as the worker is gone, not left waiting for ever.
  expect(await page.evaluate(() => window.pendingRead)).toMatch(
    /^engine_stopped: The analysis engine stopped \(probably out of memory\) and was restarted;/,
  );

  await app(page).evaluate((el) => el.loadDemo('headlines'));
  await waitReady(page);
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText('6');
});

test('an error the page did not expect is worded for people; the raw message is only the folded technical detail', async ({
  page,
}) => {
  await openApp(page);
  await app(page).evaluate((el) => el.loadDemo('headlines'));
  await waitReady(page);
  const [worker] = page.workers().filter((w) => w.url().endsWith('/src/js/worker.js'));
  // The next audit fails inside the worker with a JavaScript error, not a LabelScopeError.
  await worker.evaluate(() => {
    const handle = self.onmessage;
    self.onmessage = (event) => {
      const { id, method } = event.data;
      if (method !== 'audit') return handle(event);
      return self.postMessage({
        id,
        error: { code: 'internal_error', message: 'Cannot read properties of ' + "undefined (reading 'length')" },
      });
    };
  });
  await app(page).evaluate((el) => el.setAttribute('filter-by', 'both'));
  const alert = app(page).locator('.alert');
  await expect(alert.locator('.alert-title')).toHaveText('Something went wrong inside labelscope');
  await expect(alert.locator('.alert-message')).toHaveText(
    'labelscope ran into a problem it did not expect; your files are not the cause.',
  );
  await expect(alert).toContainText('Reload the page and try again.');
  const detail = alert.locator('details.technical-detail');
  await expect(detail.locator('code')).toBeHidden(); // folded
  await detail.locator('summary').click();
  await expect(detail.locator('code')).toHaveText("Cannot read properties of undefined (reading 'length')");
});
