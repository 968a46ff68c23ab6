// Page polish found by a fresh-eyes trial: card titles say what the card is, and numbers read the
// same way everywhere on the page.
import { app, expect, openApp, test, waitReady } from './fixtures.mjs';

test('multi-label results: the title says what the card is; the detection is a plain note', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  const panel = app(page).locator('.ml-panel');
  await expect(panel.locator('.ml-announce')).toHaveText('Label sets: 48 rows, 7 classes, 8 flagged');
  await expect(panel.locator('.ml-summary')).toContainText(
    '31 rows have more than one label, so the labels are read as sets',
  );
});

test('row numbers read the same in the review table and the detail pane (grouped: 4,819)', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="mnist"]').click();
  await waitReady(page);
  const rows = app(page).locator('.vt-spacer .vt-row');
  await expect(rows.first()).toBeVisible();
  const indices = await rows.evaluateAll((list) => list.map((r) => Number(r.dataset.index)));
  const index = indices.find((i) => i + 1 >= 1000);
  expect(index, 'a flagged row past 1,000 is on screen').toBeDefined();
  const grouped = (index + 1).toLocaleString('en-US');
  const row = app(page).locator(`.vt-spacer .vt-row[data-index="${index}"]`);
  await expect(row.locator('.vt-c-index')).toHaveText(grouped);
  await row.click();
  await expect(app(page).locator('.detail-heading')).toContainText(`row ${grouped}`);
});

test('simulated noise: badges say flipped / not flipped, and the card says unflipped flags may be real errors', async ({
  page,
}) => {
  await page.goto('/examples/embed.html');
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const el = document.createElement('label-scope');
        el.id = 'sim';
        el.setAttribute('demo', 'headlines');
        el.setAttribute('simulate-noise', '0.2');
        el.setAttribute('seed', '1');
        el.addEventListener('labelscope-result', resolve, { once: true });
        el.addEventListener('labelscope-error', (e) => reject(new Error(e.detail.message)), { once: true });
        document.querySelector('main').prepend(el);
      }),
  );
  const el = page.locator('label-scope#sim');
  const flipped = new Set(await el.evaluate((e) => Array.from(e.simulation.flippedRows)));
  const rows = el.locator('.vt-spacer .vt-row');
  await expect(rows.first()).toBeVisible();
  const indices = await rows.evaluateAll((list) => list.map((r) => Number(r.dataset.index)));
  const kept = indices.find((i) => !flipped.has(i));
  const flip = indices.find((i) => flipped.has(i));
  expect(kept, 'a flag on a row the simulation did not flip is on screen').toBeDefined();
  await expect(el.locator(`.vt-row[data-index="${kept}"] .vt-c-truth`)).toHaveText('not flipped');
  await expect(el.locator(`.vt-row[data-index="${flip}"] .vt-c-truth`)).toHaveText('flipped');
  await expect(el.locator('.truth')).toContainText('may still be real errors in the original labels');
  await expect(el.locator('.truth')).not.toContainText('labelled correctly');
  await el.locator(`.vt-row[data-index="${kept}"]`).click();
  await expect(el.locator('.detail')).toContainText(
    'Not flipped by the simulation — the original label may still be wrong.',
  );
  await expect(el.locator('.detail')).not.toContainText('the label is correct');
});

test('demo buttons wrap beside "Try a demo:", never under it (1280 px)', async ({ page }) => {
  await openApp(page);
  const label = app(page).locator('.demos-label');
  const labelBox = await label.boundingBox();
  const boxes = await app(page)
    .locator('button[data-demo]')
    .evaluateAll((list) => list.map((b) => b.getBoundingClientRect().left));
  expect(boxes.length).toBeGreaterThan(2);
  for (const left of boxes) expect(left).toBeGreaterThan(labelBox.x + labelBox.width);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('a demo chosen on a phone folds the Files panel so the results come first', async ({ page }) => {
    await openApp(page);
    await app(page).locator('button[data-demo="news"]').click();
    await waitReady(page);
    await expect(app(page).locator('.ml-row').first()).toBeVisible();
    await expect(app(page).locator('details.files')).not.toHaveAttribute('open', '');
  });
});

test('hide-truth: the estimated noise stays hidden with the other truth numbers until Reveal, which the text names', async ({
  page,
}) => {
  await page.goto('/examples/embed.html');
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const el = document.createElement('label-scope');
        el.id = 'sim';
        for (const [k, v] of Object.entries({
          demo: 'headlines',
          'simulate-noise': '0.2',
          seed: '1',
          'hide-truth': '',
        }))
          el.setAttribute(k, v);
        el.addEventListener('labelscope-result', resolve, { once: true });
        el.addEventListener('labelscope-error', (e) => reject(new Error(e.detail.message)), { once: true });
        document.querySelector('main').prepend(el);
      }),
  );
  const el = page.locator('label-scope#sim');
  await expect(el.locator('[data-stat="flagged"]')).toBeVisible();
  // An exercise on the data it names: no drop zone, demo buttons or file list (which names the truth file).
  await expect(el.locator('.drop')).toBeHidden();
  await expect(el.locator('button[data-demo]').first()).toBeHidden();
  await expect(el.locator('details.files')).toBeHidden();
  await expect(el.locator('[data-stat="noise"]')).toBeHidden();
  await expect(el.locator('[data-stat="health"]')).toBeHidden();
  await expect(el.locator('.lz-sim')).toContainText('press Reveal the truth');
  await expect(el.locator('.lz-sim')).not.toContainText('until you have decided every flagged row');
  await el.getByRole('button', { name: 'Reveal the truth' }).first().click();
  await expect(el.locator('[data-stat="noise"]')).toBeVisible();
});
