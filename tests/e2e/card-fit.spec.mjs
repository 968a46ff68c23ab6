// A second newcomer trial (eyes6) on a phone and in a lesson's column: the per-class card's words fit their
// box at every width (not cut, not shrunk with a scaled SVG); the table gives its width to the text, not to an
// id that repeats the row number; the compact view says "Row N" like the rest of the page; the heatmap has
// one touch hint that says what a tap does.
import { app, expect, openApp, screenshot, test, waitReady } from './fixtures.mjs';

async function openDemo(page, name) {
  await openApp(page);
  await app(page)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await waitReady(page);
}

/** Every word of the per-class card inside its box, at least 12 px high: [] when all fit. */
function cardOverflows(page) {
  return app(page)
    .locator('.chart-card', { hasText: 'Label quality per class' })
    .evaluate((card) => {
      const bad = [];
      for (const el of card.querySelectorAll('.bar .value, .bar .bar-name, .bar .tick')) {
        // Its box: the drawing it is in (an SVG clips what leaves it), else the card.
        const box = (el.ownerSVGElement ?? card).getBoundingClientRect();
        const r = el.getBoundingClientRect();
        if (r.right > box.right + 0.5 || r.left < box.left - 0.5 || el.scrollWidth > el.clientWidth + 1) {
          const where = `${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(box.left)}..${Math.round(box.right)}`;
          bad.push(`${el.textContent}: ${where}`);
        } else if (r.height < 12) bad.push(`${el.textContent}: ${Math.round(r.height)} px high`);
      }
      const scroll = card.querySelector('.chart-scroll');
      if (scroll.scrollWidth > scroll.clientWidth + 1)
        bad.push(`scrolls: ${scroll.scrollWidth} > ${scroll.clientWidth}`);
      return bad;
    });
}

for (const demo of ['Headlines', 'MNIST']) {
  test(`${demo}: the per-class card's words fit at 390 px and in a 720 px column`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemo(page, demo);
    const card = app(page).locator('.chart-card', { hasText: 'Label quality per class' });
    await expect(card.locator('.bar .value').first()).toContainText('flagged');
    expect(await cardOverflows(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: testInfo.outputPath(`card-${demo}-phone.png`) });
    await page.setViewportSize({ width: 1280, height: 800 });
    await app(page).evaluate((el) => {
      el.style.display = 'block';
      el.style.maxWidth = '720px';
    });
    await expect.poll(() => cardOverflows(page)).toEqual([]);
    await card.screenshot({ path: testInfo.outputPath(`card-${demo}-720.png`) });
  });
}

test('Headlines on a desktop: no id column repeating the row number; the text gets the width', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDemo(page, 'Headlines');
  const head = app(page).locator('.vt-head');
  await expect(head).toContainText('Row');
  await expect(head.locator('.vt-c-id')).toHaveCount(0);
  const first = app(page).locator('.vt-row').first();
  const width = async (key) => (await first.locator(`.vt-c-${key}`).boundingBox()).width;
  // Wider than the label columns together's former share: 52+56+56+150+100+110 of 886 px before.
  expect(await width('example')).toBeGreaterThan(220);
  expect(await width('given')).toBeLessThan(100);
  // The detail pane's heading says the row once: 'Rank 1 · row 4', not 'id 4 · row 4'.
  await first.click();
  await expect(app(page).locator('.detail-heading')).toContainText(/row 4/i);
  await expect(app(page).locator('.detail-heading .detail-id')).toHaveCount(0);
  await screenshot(page, testInfo, 'table-headlines-desk');
});

test('the compact single-label view says Row N, and no id that is the row number', async ({ page }) => {
  await page.goto('/examples/embed.html');
  const scope = page.locator('label-scope[compact]');
  await expect(scope.locator('.compact-item')).toHaveCount(6);
  for (const text of await scope.locator('.compact-id').allTextContents()) expect(text).toMatch(/^Row \d+$/);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the heatmap has one touch hint, and a tap does what it says', async ({ page }, testInfo) => {
    await openDemo(page, 'Headlines');
    const card = app(page).locator('.matrix-card');
    const words = await card.innerText();
    expect(words.match(/Tap a cell/g)).toHaveLength(1);
    await expect(card.locator('.help')).toContainText('Tap a cell to see its value and list those rows.');
    const cell = card.locator('.hm-cell.off').first();
    await cell.tap();
    await expect(card.locator('.readout')).toContainText('but the model confidently says');
    // ...and the table lists those rows: its Given filter is the cell's row class.
    await expect(app(page).getByLabel('Given', { exact: true }).locator('option:checked')).not.toHaveText('any');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'heatmap-touch');
  });
});
