// Plausible-looking wrong answers are questioned on the page (newcomer trial eyes7): a Titanic-like table whose
// label column 'class' was guessed by its name, with 'pclass' a copy of it, computed to 100% held-out accuracy and
// 0 flagged, now says that 'pclass' determines the label and that 'survived' could be the label; a table whose
// classes differ only in capitals says so where its error offers fewer folds.
// LABELSCOPE_E2E_WASM_DIR=DIR serves DIR's core (fixtures.mjs), e.g. a build newer than dist/.
import { tickets, titanic } from '../js/model-trust-data.mjs';
import { app, dropFiles, expect, openApp, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

test("a copy of the label is named with the results; the guessed label column's other candidates too", async ({
  page,
}, testInfo) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'titanic_like.csv', text: titanic() }]);
  await expect(app(page).locator('.file-reason')).toContainText(
    "Guessed from: a 'class' column next to numbers that look like features; a guess by its name: 'survived'",
  );
  await screenshotsAtSizes(page, testInfo, 'model-trust-guess');
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  const warnings = app(page).locator('.warnings');
  await expect(warnings).toContainText("The column 'pclass' determines the label exactly");
  await expect(warnings).toContainText('Leave it out of the features, or choose another label column');
  await screenshotsAtSizes(page, testInfo, 'model-trust-leak', { show: () => warnings.scrollIntoViewIfNeeded() });
});

test('classes that differ only in capitals are named where too few rows stop the folds', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'tickets.csv', text: tickets(120) }]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await expect(app(page)).toContainText(
    /differ only in capitals or spacing are read apart here: 'billing', '(Billing|BILLING)' and/,
  );
});
