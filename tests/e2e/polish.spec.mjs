// Page polish found by a fresh-eyes trial: card titles say what the card is, and numbers read the
// same way everywhere on the page.
import { app, expect, openApp, test, waitReady } from './fixtures.mjs';

test('multi-label results: the title says what the card is; the detection is a plain note', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  const panel = app(page).locator('.ml-panel');
  await expect(panel.locator('.ml-announce')).toHaveText('Label sets: 48 rows, 7 classes, 8 flagged');
  await expect(panel.locator('.ml-summary')).toContainText('31 rows have more than one label, so the labels are read as sets');
});
