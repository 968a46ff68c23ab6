// Issue 12: a combined CSV whose first row (the header) is longer than the 64 KB the page sniffs
// is still read as one table of labels and probabilities, not taken for a labels-only file.
import { app, chooseFiles, expect, openApp, test, waitReady } from './fixtures.mjs';

test('a combined CSV with a 70 KB header is read as labels + probabilities', async ({ page }) => {
  const K = 100;
  const names = Array.from({ length: K }, (_, c) => `class ${String(c).padStart(3, '0')} ${'x'.repeat(690)}`);
  const rows = Array.from({ length: 2 * K }, (_, i) => {
    const label = i % K;
    const probs = Array.from({ length: K }, (_, c) => (c === label ? 0.901 : 0.099 / (K - 1)));
    return [names[label], ...probs].join(',');
  });
  const text = `label,${names.join(',')}\n${rows.join('\n')}\n`;
  expect(text.indexOf('\n')).toBeGreaterThan(64 * 1024);
  await openApp(page);
  await chooseFiles(page, [{ name: 'wide.csv', text }]);
  await waitReady(page);
  await expect(app(page).locator('.alert')).toBeHidden();
  const read = await app(page).evaluate((el) => ({
    n: el.data.numExamples,
    k: el.data.numClasses,
    first: el.data.classNames[0],
  }));
  expect(read).toEqual({ n: 2 * K, k: K, first: names[0] });
});
