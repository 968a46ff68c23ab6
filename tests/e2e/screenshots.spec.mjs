// Screenshots for people to look at (test-results/), one per demo, light and dark, desktop and phone,
// with a review under way (three decisions).
// LABELSCOPE_UPDATE_SCREENSHOT=1 also rewrites examples/screenshot.png, the README's picture.
import { app, expect, openApp, ROOT, screenshot, test, waitReady } from './fixtures.mjs';

async function showDemo(page, name) {
  await openApp(page);
  await app(page).locator(`button[data-demo=${name}]`).click();
  await waitReady(page);
  // A review under way: two suggestions accepted, one label kept (the keys a person would press).
  await app(page).locator('[role=grid]').focus();
  for (const key of ['a', 'a', 'k']) await page.keyboard.press(key);
  await expect(app(page).locator('.review-progress-text')).toContainText('3 of');
  // Start the view at the numbers, so the summary, the truth and the table's top rows show together.
  await app(page)
    .locator('.summary-slot')
    .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  await expect(app(page).locator('.vt-row[data-position="0"]')).toBeVisible();
}

for (const demo of ['headlines', 'mnist']) {
  for (const scheme of ['light', 'dark']) {
    test(`${demo} results, desktop, ${scheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await showDemo(page, demo);
      await screenshot(page, testInfo, `${demo}-${scheme}`);
      if (demo === 'headlines' && scheme === 'light' && process.env.LABELSCOPE_UPDATE_SCREENSHOT === '1') {
        // Tall enough for the numbers, the review bar and the top rows with their decisions.
        await page.setViewportSize({ width: 1280, height: 1040 });
        await expect(app(page).locator('.vt-row[data-position="4"]')).toBeVisible();
        await page.screenshot({ path: `${ROOT}examples/screenshot.png` });
      }
    });
  }
}

test('headlines review, phone, light and dark', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await showDemo(page, 'headlines');
    await app(page)
      .locator('.decision-bar')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await screenshot(page, testInfo, `headlines-review-phone-${scheme}`);
    await app(page)
      .locator('.detail')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await screenshot(page, testInfo, `headlines-detail-phone-${scheme}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('empty page, phone, dark', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(app(page).locator('.guide')).toBeVisible();
  await screenshot(page, testInfo, 'empty-phone-dark');
});
