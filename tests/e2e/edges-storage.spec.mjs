// Issue 12: IndexedDB that never answers (indexedDB.open neither succeeds nor fails). The page must
// not show "Saving…" for ever: after a few seconds it warns that decisions are not being saved and
// that exporting keeps them, and leaving the page asks first while unsaved decisions exist.
import { app, expect, openApp, test, waitReady } from './fixtures.mjs';

const grid = (page) => app(page).locator('[role=grid]');

/** Whether leaving the page now would ask first (the element's beforeunload handler cancels). */
const leaving = (page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

test('indexedDB.open that never answers: a warning within seconds, decisions kept, leaving asks', async ({ page }) => {
  await page.addInitScript(() => {
    window.openCalls = 0;
    // A request whose success and error events never come.
    IDBFactory.prototype.open = function open() {
      window.openCalls += 1;
      return {};
    };
  });
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);

  const warning = app(page).locator('.save-warning');
  const state = app(page).locator('.save-state');
  // The open is given a few seconds (the expectation waits up to 15 s).
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Your decisions are not being saved');
  await expect(warning).toContainText('did not answer');
  await expect(warning).toContainText('Export decisions');
  await expect(state).toHaveText('Decisions are not being saved.');
  expect(await leaving(page)).toBe(false); // nothing to lose yet

  await grid(page).focus();
  await page.keyboard.press('a');
  await expect(app(page).locator('.review-progress-text')).toHaveText('1 of 6 flagged rows reviewed');
  // Saving is tried again, but the warning stays up (never "Saving…") and leaving asks first.
  await expect(state).toHaveText('Decisions are not being saved.');
  await expect(warning).toBeVisible();
  expect(await leaving(page)).toBe(true);
  await page.keyboard.press('k');
  expect(await leaving(page)).toBe(true);
  await expect(state).toHaveText('Decisions are not being saved.');
  expect(await page.evaluate(() => window.openCalls)).toBeGreaterThan(0);
});

test('a save that never finishes: leaving asks at once, and the warning comes within seconds', async ({ page }) => {
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    // Once window.hang is set, write transactions neither complete nor fail (a stuck browser's storage).
    IDBDatabase.prototype.transaction = function hangingTransaction(stores, mode, ...rest) {
      if (!window.hang || mode !== 'readwrite') return transaction.call(this, stores, mode, ...rest);
      return { objectStore: () => ({ put: () => ({}), delete: () => ({}) }), abort() {} };
    };
  });
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
  const state = app(page).locator('.save-state');
  await expect(state).toContainText('saved in this browser');
  await page.evaluate(() => {
    window.hang = true;
  });

  await grid(page).focus();
  await page.keyboard.press('a');
  expect(await leaving(page)).toBe(true); // not written yet: leaving would lose it
  const warning = app(page).locator('.save-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('did not answer');
  await expect(state).toHaveText('Decisions are not being saved.');
  expect(await leaving(page)).toBe(true);
});
