// A million rows: read in the worker with progress, a virtualized table that still reaches the
// last row, and the same flags as the JS API.
import { apiAudit, app, chooseFiles, expect, openApp, pageIssues, test } from './fixtures.mjs';

const N = 1_000_000;
const K = 3;

/** Labels CSV and a float32 .npy of probabilities; about 2% of the labels disagree with the model. */
function millionRows() {
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 3), }";
  const padded = `${header.padEnd(117, ' ')}\n`; // magic(6) + version(2) + length(2) + 118 = 128 bytes
  const npy = Buffer.alloc(128 + N * K * 4);
  npy.write('\x93NUMPY', 0, 'latin1');
  npy[6] = 1;
  npy[7] = 0;
  npy.writeUInt16LE(padded.length, 8);
  npy.write(padded, 10, 'latin1');
  const labels = ['label'];
  for (let i = 0; i < N; i++) {
    const cls = Math.floor(random() * K);
    const top = 0.55 + random() * 0.4;
    const rest = (1 - top) / 2;
    for (let c = 0; c < K; c++) npy.writeFloatLE(c === cls ? top : rest, 128 + (i * K + c) * 4);
    labels.push(String(random() < 0.02 ? (cls + 1) % K : cls));
  }
  return [
    { name: 'labels.csv', buffer: Buffer.from(`${labels.join('\n')}\n`) },
    { name: 'pred_probs.npy', buffer: npy },
  ];
}

test('one million rows: progress while reading, a virtualized table, the JS API’s flags', async ({ page }) => {
  test.setTimeout(180_000);
  const files = millionRows();
  const expected = await apiAudit({ labels: files[0], predProbs: files[1] });
  await openApp(page);
  // Record what the progress line says while the worker reads.
  await app(page).evaluate((el) => {
    window.progressTexts = [];
    new MutationObserver(() => {
      const text = el.shadowRoot.querySelector('.progress-label')?.textContent;
      if (text && window.progressTexts.at(-1) !== text) window.progressTexts.push(text);
    }).observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
  });
  await chooseFiles(page, files);
  await expect(app(page)).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });

  const progress = await page.evaluate(() => window.progressTexts);
  expect(progress.some((t) => /^Reading pred_probs\.npy… [\d.]+ MB of 13 MB$/.test(t))).toBe(true);
  expect(progress).toContain('Analysing…');

  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('1,000,000');
  expect(await pageIssues(page)).toEqual(expected.issues);

  // All rows: a million in the grid, a few dozen in the DOM; End reaches the last one.
  await app(page).getByLabel('Show', { exact: true }).selectOption('all');
  const grid = app(page).locator('[role=grid]');
  await expect(grid).toHaveAttribute('aria-rowcount', String(N + 1));
  expect(await app(page).locator('.vt-spacer .vt-row').count()).toBeLessThan(40);
  await grid.focus();
  await page.keyboard.press('End');
  await expect(app(page).locator('.vt-row.active')).toHaveAttribute('data-position', String(N - 1));
  await expect(app(page).locator('.vt-row.active')).toBeInViewport();
  expect(await app(page).locator('.vt-spacer .vt-row').count()).toBeLessThan(40);
  await page.keyboard.press('Home');
  await expect(app(page).locator('.vt-row.active')).toHaveAttribute('data-position', '0');
});
