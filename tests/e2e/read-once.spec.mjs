// A big labelled table without a model (newcomer trial, session 6: 155 MB read twice): dropped, refused as
// probabilities from its first rows, then computed: the worker parses the whole file once (web/controllers/first-rows.js).
// The page's requests to the worker are recorded as posted: method and the size of the table each one reads.
import { app, dropFiles, expect, openApp, test, waitReady } from './fixtures.mjs';

/** A CSV of `rows` rows: id, label c0..c2, four numeric features (over 2 MiB at 60,000 rows). */
function table(rows) {
  const lines = ['id,label,x0,x1,x2,x3'];
  for (let i = 0; i < rows; i++) {
    const c = i % 3;
    const x = [0, 1, 2, 3].map((j) => (c * (j % 2) + (((i * 7919 + j * 104729) % 2000) / 1000 - 1)).toFixed(4));
    lines.push(`${i},c${i % 7 === 0 ? (c + 1) % 3 : c},${x.join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs in the page before it loads: every request posted to a worker is recorded with the size of its table. */
function recordRequests() {
  window.__requests = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    const input = message?.args?.input; // worker-client.js: {input, options} for a method of files
    if (message?.method) window.__requests.push([message.method, input?.combined?.size ?? input?.size ?? null]);
    return post.call(this, message, ...rest);
  };
}

/** The methods of the requests that read the whole table (`size` bytes); sniffFile reads its first bytes only. */
const wholeReads = (page, size) =>
  page.evaluate(
    (n) => window.__requests.filter(([m, bytes]) => bytes === n && m !== 'sniffFile').map(([method]) => method),
    size,
  );

test('a big table of features dropped then computed is read whole once, by the cross-validation', async ({ page }) => {
  const text = table(60_000);
  const size = Buffer.byteLength(text);
  await page.addInitScript(recordRequests);
  await openApp(page);
  await dropFiles(page, [{ name: 'big.csv', text }]);
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('big.csv is a labelled table');
  expect(await wholeReads(page, size)).toEqual([]);
  await alert.getByRole('button', { name: /Compute out-of-sample probabilities here/ }).click();
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('60,000');
  expect(await wholeReads(page, size)).toEqual(['crossValProbs']);
});
