// Probabilities that look like features (findings 1, 2), the page side: the reader's refusal
// ('implausible_probabilities') is shown with what to do, and "These are probabilities — analyse
// anyway" reads again with allowUnnormalized. Until the reader's check lands everywhere, the
// refusal is produced by a Worker wrapper for one file name, exactly as the worker would send it.
import { app, dropFiles, expect, openApp, test, waitReady } from './fixtures.mjs';

function refuseFeatures() {
  const NativeWorker = window.Worker;
  window.__reads = [];
  window.Worker = class RefusingWorker extends NativeWorker {
    #handler = null;
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => this.#handler?.(event));
    }
    get onmessage() { return this.#handler; }
    set onmessage(handler) { this.#handler = handler; }
    postMessage(message, transfer) {
      const combined = message?.args?.input?.combined;
      if (message?.method === 'readDataset' && combined?.name === 'features.csv') {
        window.__reads.push(Boolean(message.args.options.allowUnnormalized));
        if (!message.args.options.allowUnnormalized) {
          const error = {
            code: 'implausible_probabilities', file: 'features.csv',
            message: 'The columns f1, f2 do not look like probabilities: most rows do not sum to 1.',
          };
          setTimeout(() => this.#handler?.(new MessageEvent('message', { data: { id: message.id, error } })), 0);
          return;
        }
      }
      super.postMessage(message, transfer);
    }
  };
}

test('implausible probabilities: the message, the way on, and "analyse anyway"', async ({ page }) => {
  await page.addInitScript(refuseFeatures);
  await openApp(page);
  const csv = ['label,f1,f2', '0,0.9,0.3', '1,0.2,0.7', '0,0.8,0.1', '1,0.3,0.9', '0,0.7,0.2', '1,0.1,0.8'].join('\n');
  await dropFiles(page, [{ name: 'features.csv', text: csv }]);
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('do not look like probabilities');
  await expect(alert).toContainText('cross_val_predict');
  await expect(app(page)).toHaveAttribute('data-state', 'error');
  // Not wired yet: no button that would do nothing.
  await expect(alert.getByRole('button', { name: 'Compute out-of-sample probabilities here' })).toHaveCount(0);
  await alert.getByLabel('These are probabilities — analyse anyway').click(); // reads again at once (the alert goes)
  await waitReady(page);
  await expect(alert).toBeHidden();
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('6');
  expect(await page.evaluate(() => window.__reads)).toEqual([false, true]);
});
