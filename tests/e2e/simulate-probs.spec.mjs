// <label-scope simulate-noise noise-probabilities> on data with features (the Fashion-MNIST demo:
// pixels in): by default the probabilities are computed again on the noisy labels in the page, with
// progress and Cancel, and the result event's numbers are the JS API's simulateNoisyData
// (recompute); noise-probabilities="keep" keeps the first ones, and the page says which it did.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { expect, ROOT, screenshot, test } from './fixtures.mjs';

const FASHION = `${ROOT}examples/fashion-mnist/`;
const named = (path) => ({ name: path.split('/').pop(), data: new Uint8Array(readFileSync(path)) });
const TRAINING = { timeout: 240_000 };

let base = null;
/** The demo's probabilities as the page computes them first (crossValProbs on the given labels). */
async function demoDataset() {
  base ??= (async () => {
    const ls = await createLabelScope();
    const cv = await ls.crossValProbs({
      labels: named(`${FASHION}labels.csv`),
      features: named(`${FASHION}pixels.npy`),
    });
    return { ls, dataset: await ls.datasetFromCrossVal(cv) };
  })();
  return base;
}

/** What the JS API says: the flips, the probabilities recomputed or kept, the default method's score. */
async function expected({ rate, seed, probabilities }) {
  const { ls, dataset } = await demoDataset();
  const r = await ls.simulateNoisyData({ dataset, rate, seed, features: named(`${FASHION}pixels.npy`), probabilities });
  const { indices } = ls.findLabelIssues({
    labels: r.labels,
    predProbs: r.predProbs,
    numClasses: r.numClasses,
    filterBy: 'prune_by_noise_rate',
  });
  const s = ls.scoreDetection({ simulation: r.simulation, flagged: indices });
  return { rate, seed, flipped: s.flipped, found: s.found, precision: s.precision, recall: s.recall };
}

/** Adds the Fashion-MNIST demo element with these attributes; resolves with the result's simulation. */
function addFashion(page, attributes) {
  return page.evaluate((attrs) => {
    const el = document.createElement('label-scope');
    el.id = 'sim';
    for (const [k, v] of Object.entries({ demo: 'fashion', ...attrs })) el.setAttribute(k, v);
    window.simResult = new Promise((resolve) => {
      el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation), { once: true });
    });
    document.querySelector('main').prepend(el);
  }, attributes);
}
const sim = (page) => page.locator('label-scope#sim');

test("recompute (the default with features): trained again in the page, the JS API's numbers", async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  const want = await expected({ rate: 0.1, seed: 7, probabilities: 'recompute' });
  const kept = await expected({ rate: 0.1, seed: 7, probabilities: 'keep' });
  await page.goto('/examples/embed.html');
  await addFashion(page, { 'simulate-noise': '0.1', seed: '7', lesson: '' });
  // Progress of the second training, with its Cancel.
  await expect(sim(page).getByText(/training again on the noisy labels/)).toBeVisible(TRAINING);
  await expect(sim(page).getByRole('button', { name: 'Cancel' })).toBeVisible();
  const got = await page.evaluate(() => window.simResult);
  expect(got).toEqual(want);
  await expect(sim(page).locator('.lz-probs')).toHaveAttribute('data-probabilities', 'recomputed');
  await expect(sim(page).locator('.lz-probs')).toContainText('computed again on the noisy labels');
  await expect(sim(page).locator('.lz-kept')).toContainText(`would find ${kept.found} of ${kept.flipped} flips`);
  // The sweep says its probabilities are the first ones (one training per rate would be needed otherwise).
  await expect(sim(page).locator('.lz-sweep-note')).toContainText('first probabilities, kept', TRAINING);
  // The demo's thumbnails stay with the noisy labels.
  await expect(sim(page).locator('canvas, img').first()).toBeVisible();
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await sim(page).locator('.lz-sim').scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `recomputed-${name}-${scheme}`, { fullPage: false });
    }
  }
});

test('noise-probabilities="keep": the first probabilities, and the page says why that flatters', async ({ page }) => {
  test.setTimeout(420_000);
  const want = await expected({ rate: 0.1, seed: 7, probabilities: 'keep' });
  await page.goto('/examples/embed.html');
  await addFashion(page, { 'simulate-noise': '0.1', seed: '7', 'noise-probabilities': 'keep' });
  expect(await page.evaluate(() => window.simResult)).toEqual(want);
  await expect(sim(page).locator('.lz-probs')).toHaveAttribute('data-probabilities', 'kept');
  await expect(sim(page).locator('.lz-probs')).toContainText('never saw the flipped ones');
  await expect(sim(page).locator('.lz-probs')).toContainText('train again on the noisy labels');
  await expect(sim(page).locator('.lz-kept')).toHaveCount(0);
});

test('Cancel while training again: the element stays usable, and another seed computes', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto('/examples/embed.html');
  await addFashion(page, { 'simulate-noise': '0.1', seed: '7' });
  await expect(sim(page).getByText(/training again on the noisy labels/)).toBeVisible(TRAINING);
  await sim(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(sim(page)).not.toHaveAttribute('data-state', /computing|error/);
  await expect(sim(page).getByText(/training again on the noisy labels/)).toBeHidden();
  await expect(sim(page).getByRole('status').first()).toContainText('Cancelled.');
  const want = await expected({ rate: 0.1, seed: 8, probabilities: 'recompute' });
  const got = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('label-scope#sim');
        el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation), { once: true });
        el.setAttribute('seed', '8');
      }),
  );
  expect(got).toEqual(want);
});

test('the lesson page runs the honest check on demand: Fashion-MNIST trained again on the noisy labels', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const want = await expected({ rate: 0.1, seed: 7, probabilities: 'recompute' });
  await page.goto('/examples/lesson.html');
  await expect(page.locator('label-scope#honest')).toHaveCount(0); // nothing trains until asked
  const result = page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('labelscope-result', (e) => {
          if (e.target.id === 'honest') resolve(e.detail.simulation);
        });
      }),
  );
  await page.getByRole('button', { name: 'Run the honest check on Fashion-MNIST' }).click();
  expect(await result).toEqual(want);
  const honest = page.locator('label-scope#honest');
  await expect(honest.locator('.lz-probs')).toHaveAttribute('data-probabilities', 'recomputed');
  await expect(honest.locator('.lz-kept')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done: see the card below' })).toBeDisabled();
});

test("the honest sweep: trained again at every rate in the page, the JS API's sweepNoisyData numbers", async ({
  page,
}) => {
  test.setTimeout(900_000);
  const { ls, dataset } = await demoDataset();
  const rates = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
  const want = await ls.sweepNoisyData({ dataset, rates, seed: 7, features: named(`${FASHION}pixels.npy`) });
  await page.goto('/examples/embed.html');
  await addFashion(page, { 'simulate-noise': '0.1', seed: '7', lesson: '' });
  await page.evaluate(() => window.simResult);
  const run = sim(page).getByRole('button', { name: 'Sweep again, training at every rate (7 trainings)' });
  await run.click();
  await expect(sim(page).locator('.lz-honest [role=status]')).toContainText(/Training at \d+% noise/, TRAINING);
  await expect(sim(page).locator('.lz-sweep-note')).toContainText('the honest sweep', { timeout: 600_000 });
  await expect(run).toHaveCount(0);
  const text = await sim(page).locator('.lz-sweep p.help').first().textContent();
  const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
  for (const p of want)
    expect(text).toContain(`${pct(p.rate)} → precision ${pct(p.precision)}, recall ${pct(p.recall)}`);
});
