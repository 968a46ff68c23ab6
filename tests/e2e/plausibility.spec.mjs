// Probabilities that look like features (finding 1, the false all-clear), in the page: the reader
// refuses them ('implausible_probabilities') with what to do, no result is shown, and "These are
// probabilities — analyse anyway" reads again with allowUnnormalized, the warning kept.
import { app, dropFiles, expect, openApp, test, waitReady } from './fixtures.mjs';

// Four feature columns scaled to [0, 1] and an integer label: rows sum to anything but 1.
const FEATURES = [
  'label,f1,f2,f3,f4',
  ...Array.from({ length: 40 }, (_, i) => [i % 4, ...[0, 1, 2, 3].map((k) => ((i * 7 + k * 13) % 10) / 10)].join(',')),
].join('\n');

test('features given as probabilities are refused with what to do; "analyse anyway" is the person\'s choice', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('labelscope-error', (e) => window.__errors.push(e.detail.code));
  });
  await openApp(page);
  await dropFiles(page, [{ name: 'features.csv', text: FEATURES }]);
  const alert = app(page).locator('.alert');
  await expect(alert).toContainText('look like features');
  await expect(alert).toContainText('cross_val_predict');
  await expect(app(page)).toHaveAttribute('data-state', 'error');
  await expect(app(page).locator('.results')).toBeHidden(); // no "Flagged 0, Health score 1.00"
  expect(await page.evaluate(() => window.__errors)).toEqual(['implausible_probabilities']);
  // The other way on: compute probabilities from these features here (tests/e2e/cross-val.spec.mjs runs it).
  await expect(alert.getByRole('button', { name: 'Compute out-of-sample probabilities here' })).toHaveCount(1);

  await alert.getByLabel('These are probabilities — analyse anyway').click(); // reads again at once
  await waitReady(page);
  await expect(alert).toBeHidden();
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('40');
  await expect(app(page).locator('.warnings')).toBeVisible(); // the reader's warning stays with the result
});
