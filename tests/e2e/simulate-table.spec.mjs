// Simulated noise on ONE labelled table of feature columns (iris: id, 4 measurements, species):
// dropped, "Compute out-of-sample probabilities here", then "Simulate label noise" with the
// probabilities trained again: the worker retrains on the noisy labels in place of the table's
// label column, and the result event's numbers are the JS API's simulateNoisyData({ combined }).
// LABELSCOPE_E2E_WASM_DIR=DIR serves DIR's labelscope-core.{mjs,wasm} instead of dist/wasm's (page and test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';
import { app, dropFiles, expect, openApp, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

const IRIS = `${ROOT}tests/fixtures/learn/iris.csv`;
const table = () => ({ name: 'iris.csv', data: new Uint8Array(readFileSync(IRIS)) });
const WASM_DIR = process.env.LABELSCOPE_E2E_WASM_DIR;

/**
 * The JS API's numbers for the page's defaults (prune_by_noise_rate): recomputed, and with the first probabilities
 * kept.
 */
async function expected(rate, seed) {
  const moduleFactory = WASM_DIR
    ? (await import(pathToFileURL(join(WASM_DIR, 'labelscope-core.mjs')).href)).default
    : undefined;
  const ls = await createLabelScope({ threads: false, moduleFactory });
  const dataset = await ls.datasetFromCrossVal(await ls.crossValProbs({ combined: table() }));
  const score = async (probabilities) => {
    const r = await ls.simulateNoisyData({ dataset, rate, seed, combined: table(), probabilities });
    const { indices } = ls.findLabelIssues({
      labels: r.labels,
      predProbs: r.predProbs,
      numClasses: r.numClasses,
      filterBy: 'prune_by_noise_rate',
    });
    const s = ls.scoreDetection({ simulation: r.simulation, flagged: indices });
    return { rate, seed, flipped: s.flipped, found: s.found, precision: s.precision, recall: s.recall };
  };
  const out = {
    recomputed: await score('recompute'),
    kept: await score('keep'),
    sweep: await ls.sweepNoisyData({ dataset, rates: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3], seed, combined: table() }),
  };
  dataset.free();
  return out;
}

/** Routes dist/wasm's core to LABELSCOPE_E2E_WASM_DIR when given. */
async function routeCore(page) {
  if (!WASM_DIR) return;
  await page.context().route(/\/dist\/wasm\/labelscope-core\.(mjs|wasm)$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    return route.fulfill({
      path: join(WASM_DIR, name),
      contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
    });
  });
}

test('a dropped table, computed here, then noise with the probabilities trained again on the noisy labels', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await routeCore(page);
  const want = await expected(0.1, 7);
  await openApp(page);
  await dropFiles(page, [IRIS]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');

  const form = app(page).locator('details.lz-make');
  await form.locator('summary').click();
  await form.getByLabel('Labels to flip (%)').fill('10');
  await form.getByLabel('Seed').fill('7');
  // The table's own columns can be trained on again: the choice is offered, honest by default.
  await expect(form.getByLabel('Probabilities')).toBeVisible();
  await expect(form.getByLabel('Probabilities')).toHaveValue('recompute');
  const next = app(page).evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation ?? null), { once: true });
      }),
  );
  await form.getByRole('button', { name: 'Flip labels' }).click();
  expect(await next).toEqual(want.recomputed);
  await waitReady(page);
  const note = app(page).locator('.lz-probs');
  await expect(note).toHaveAttribute('data-probabilities', 'recomputed');
  await expect(note).toContainText('computed again on the noisy labels');
  await expect(app(page).locator('.lz-kept')).toContainText(
    `would find ${want.kept.found} of ${want.kept.flipped} flips`,
  );
  // The table's id column stays with the noisy labels.
  expect(await app(page).evaluate((el) => el.data.extraColumns.map((c) => c.name))).toContain('id');
  testInfo.annotations.push({ type: 'numbers', description: JSON.stringify(want) });
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await app(page).locator('.lz-sim').scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `table-recomputed-${name}-${scheme}`, { fullPage: false });
    }
  }
});

test("an embedded element with lesson: the honest sweep trains the table again at every rate, the API's numbers", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await routeCore(page);
  const want = await expected(0.1, 7);
  await page.goto('/examples/embed.html');
  await page.evaluate(() => {
    const el = document.createElement('label-scope');
    el.id = 'app';
    el.setAttribute('lesson', '');
    document.querySelector('main').prepend(el);
  });
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropFiles(page, [IRIS]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  const next = app(page).evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => resolve(e.detail.simulation ?? null), { once: true });
      }),
  );
  await app(page).evaluate((el) => {
    el.setAttribute('seed', '7');
    el.setAttribute('simulate-noise', '0.1');
  });
  expect(await next).toEqual(want.recomputed);
  const run = app(page).getByRole('button', { name: 'Sweep again, training at every rate (7 trainings)' });
  await run.click();
  await expect(app(page).locator('.lz-sweep-note')).toContainText('the honest sweep', { timeout: 120_000 });
  await expect(run).toHaveCount(0);
  const text = await app(page).locator('.lz-sweep p.help').first().textContent();
  const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
  for (const p of want.sweep)
    expect(text).toContain(`${pct(p.rate)} → precision ${pct(p.precision)}, recall ${pct(p.recall)}`);
});
