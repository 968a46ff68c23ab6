// Threads in the page: where it is cross-origin isolated (scripts/serve.mjs --isolate, as
// `npm start` serves it) the worker reads with the threaded core's helper; an embedding page that
// is not isolated gets the single-threaded core. Both flag exactly what the JS API flags.
import os from 'node:os';

import { apiAudit, app, chooseFiles, expect, openApp, pageIssues, test } from './fixtures.mjs';

// playwright.config.mjs: PORT + 1, --isolate
const ISOLATED = `http://127.0.0.1:${(Number(process.env.LABELSCOPE_E2E_PORT) || 8123) + 1}`;
const ROWS = 150_000; // x 10 classes: 12 MB of values, above the helper's 8 MiB minimum
const K = 10;

function bigFiles() {
  const labels = ['label'];
  const probs = [];
  for (let r = 0; r < ROWS; r++) {
    const cls = (r * 7) % K;
    const p = Array.from({ length: K }, (_, c) => (c === cls ? 600 : ((r * 31 + c * 17) % 97) + 1));
    const sum = p.reduce((a, b) => a + b, 0);
    probs.push(p.map((v) => (v / sum).toFixed(6)).join(','));
    labels.push(String(r % 41 === 0 ? (cls + 3) % K : cls)); // ~2.4% disagree with the model
  }
  return [
    { name: 'labels.csv', buffer: Buffer.from(`${labels.join('\n')}\n`) },
    { name: 'pred_probs.csv', buffer: Buffer.from(`${probs.join('\n')}\n`) },
  ];
}

for (const [where, url, threads] of [
  ['cross-origin isolated: the worker reads with 2 threads', ISOLATED, os.cpus().length > 1 ? '2' : '1'],
  ['not isolated (as an embedding page): 1 thread', '', '1'],
]) {
  test(`${where}, and flags what the JS API flags`, async ({ page }) => {
    test.setTimeout(120_000);
    const files = bigFiles();
    const expected = await apiAudit({ labels: files[0], predProbs: files[1] });
    expect(expected.issues.length).toBeGreaterThan(1000);
    await openApp(page, `${url}/`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(url === ISOLATED);
    await expect(app(page)).toHaveAttribute('data-threads', threads);
    await chooseFiles(page, files);
    await expect(app(page)).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    expect(await pageIssues(page)).toEqual(expected.issues);
  });
}
