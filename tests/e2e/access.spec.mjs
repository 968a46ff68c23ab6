// Keyboard, phone width, dark theme and offline use.
import { app, chooseFiles, expect, HEADLINES, MNIST, openApp, screenshot, test, waitReady } from './fixtures.mjs';

/** Tabs until the deep active element (through shadow roots) matches; returns its description. */
async function tabTo(page, matches, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((source) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return new Function('el', `return (${source})(el)`)(el) ? el.outerHTML.slice(0, 80) : null;
    }, matches.toString());
    if (found) return found;
  }
  throw new Error(`Tab never reached ${matches}`);
}

test('keyboard only: drop zone, demo, table rows, heatmap cells', async ({ page }) => {
  await openApp(page);
  // The drop zone is reachable and opens the file picker with Enter. (Listen first: turning on
  // file-chooser interception takes a round trip that a key press can overtake.)
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, (el) => el.classList.contains('drop'));
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(true);

  await tabTo(page, (el) => el.dataset.demo === 'headlines');
  await page.keyboard.press('Enter');
  await waitReady(page);

  // The table takes focus and moves its active row with the arrow keys; the detail pane follows.
  await tabTo(page, (el) => el.getAttribute('role') === 'grid');
  await expect(app(page).locator('.detail-heading')).toContainText('Rank 1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(app(page).locator('.detail-heading')).toContainText('Rank 3');
  await expect(app(page).locator('.vt-row.active')).toHaveAttribute('data-position', '2');
  const grid = app(page).locator('[role=grid]');
  const active = await grid.getAttribute('aria-activedescendant');
  await expect(app(page).locator(`.vt-row.active`)).toHaveAttribute('id', active);
  await page.keyboard.press('End');
  await expect(app(page).locator('.detail-heading')).toContainText('Rank 6');

  // Heatmap cells: one tab stop, arrows move, the value is read out on focus.
  await tabTo(page, (el) => el.classList?.contains('hm-cell'));
  await expect(app(page).locator('.readout')).toContainText(
    'Labelled sports, but the model confidently says weather: 2 rows',
  );
  await page.keyboard.press('ArrowDown');
  await expect(app(page).locator('.readout')).toContainText('Labelled weather, and the model agrees');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(app(page).getByLabel('Given', { exact: true })).toHaveValue('1');
  await expect(app(page).getByLabel('Suggested', { exact: true })).toHaveValue('0');
});

test('phone width: nothing overflows the page, rows become cards', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(app(page).locator('[role=grid]')).toHaveClass(/narrow/);
  await expect(app(page).locator('.vt-head')).toBeHidden();
  await expect(app(page).locator('.vt-row[data-position="0"] .vt-c-suggested')).toBeVisible();
  await screenshot(page, testInfo, 'headlines-phone-top');
  await app(page).locator('.review').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'headlines-phone-table');
});

test('dark theme follows the system', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await waitReady(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 21, 27)');
  const text = await app(page)
    .locator('.stat-value')
    .first()
    .evaluate((el) => getComputedStyle(el).color);
  expect(text).toBe('rgb(231, 233, 238)');
  await screenshot(page, testInfo, 'mnist-dark', { fullPage: true });
});

test('works offline once loaded: files are analysed with no network at all', async ({ page, context }) => {
  await openApp(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await chooseFiles(page, [`${MNIST}labels.csv`, `${MNIST}pred_probs.npy`, `${MNIST}truth.csv`]);
  await waitReady(page);
  await expect(app(page).locator('[data-stat=known-errors] .stat-value')).toHaveText('15');
  expect(requests).toEqual([]);
  await context.setOffline(false);
});

test('Cancel stops a load in progress and keeps the previous results', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  // Hold the MNIST probabilities on their way, so the load is still running when Cancel is pressed.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/examples/mnist/pred_probs.npy', async (route) => {
    await held;
    await route.abort().catch(() => {});
  });
  await app(page)
    .getByRole('button', { name: /^MNIST/ })
    .click();
  await expect(app(page)).toHaveAttribute('data-state', 'loading');
  await expect(app(page).locator('.progress')).toContainText('Loading the mnist demo');
  await app(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(app(page).locator('.notice')).toHaveText('Cancelled. Showing the previous results.');
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  await expect(app(page).locator('.progress')).toBeHidden();
  release();
});
