// The page's Cancel button during the analysis (not only while reading). The worker's audit
// answer is held back (a Worker wrapper, installed before the page loads), so Cancel is always
// pressed while the analysis is still running — no race with a fast machine.
import {
  app,
  chooseFiles,
  expect,
  HEADLINES,
  MNIST,
  openApp,
  openSettings,
  pageStats,
  test,
  waitReady,
} from './fixtures.mjs';
import { hold, heldCount, holdWorker, releaseHeld } from './hold-worker.mjs';

test.beforeEach(async ({ page }) => {
  await holdWorker(page, ['audit']);
});

test('Cancel during a re-analysis for new settings keeps the results and the settings they came from', async ({
  page,
}) => {
  await openApp(page);
  await chooseFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  const flagged = await app(page).locator('[data-stat=flagged] .stat-value').textContent();
  const issues = await app(page).evaluate((el) => Array.from(el.report.issues));

  await hold(page, true);
  await openSettings(page);
  await app(page).getByLabel('Find issues with').selectOption('predicted_neq_given');
  await expect(app(page)).toHaveAttribute('data-state', 'analysing');
  await expect.poll(() => heldCount(page)).toBe(1); // the analysis ran; its answer is held
  await expect(app(page).locator('.progress')).toContainText('Analysing');
  await app(page).getByRole('button', { name: 'Cancel' }).click();

  await expect(app(page).locator('.notice')).toHaveText('Cancelled. Showing the results of the previous settings.');
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  await expect(app(page).locator('.progress')).toBeHidden();
  await expect(app(page).getByLabel('Find issues with')).toHaveValue('prune_by_noise_rate');
  await expect(app(page).locator('.settings-current')).toContainText('prune_by_noise_rate');
  await releaseHeld(page);
  await expect(app(page).locator('[data-stat=flagged] .stat-value')).toHaveText(flagged);
  expect(await app(page).evaluate((el) => Array.from(el.report.issues))).toEqual(issues);

  // The worker and the dataset are still usable: the same change now runs to the end.
  await hold(page, false);
  const before = await pageStats(page);
  await app(page).getByLabel('Find issues with').selectOption('predicted_neq_given');
  await expect.poll(async () => (await pageStats(page)).audits).toBe(before.audits + 1);
  await waitReady(page);
  await expect(app(page).locator('.settings-current')).toContainText('predicted_neq_given');
  expect((await pageStats(page)).reads).toBe(before.reads);
});

test('Cancel during the first analysis of new files hides the old results and offers to analyse', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, [`${HEADLINES}labels.csv`, `${HEADLINES}pred_probs.csv`]);
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('49');
  await app(page).locator('.keep-files').getByRole('button', { name: 'Keep them here' }).click();

  await hold(page, true);
  await chooseFiles(page, [`${MNIST}labels.csv`, `${MNIST}pred_probs.npy`]);
  await expect.poll(() => heldCount(page)).toBe(1);
  await expect(app(page).locator('.progress')).toContainText('Analysing');
  await app(page).getByRole('button', { name: 'Cancel' }).click();

  const notice = app(page).locator('.notice');
  await expect(notice).toContainText('Analysis cancelled. The files are read; nothing was lost.');
  await expect(app(page)).toHaveAttribute('data-state', 'idle');
  await expect(app(page).locator('.results')).toBeHidden(); // the 49-row results belonged to other files
  expect(await app(page).evaluate((el) => el.report)).toBeNull();
  // Seen without scrolling: no beginner's guide above it once files are read.
  await expect(app(page).locator('.guide')).toBeHidden();
  await expect(notice.getByRole('button', { name: 'Analyse' })).toBeInViewport();
  await releaseHeld(page);
  await expect(app(page).locator('.results')).toBeHidden();

  // "Analyse" runs it on the data already read: no second read.
  await hold(page, false);
  const reads = (await pageStats(page)).reads;
  await notice.getByRole('button', { name: 'Analyse' }).click();
  await waitReady(page);
  await expect(app(page).locator('[data-stat=examples] .stat-value')).toHaveText('10,000');
  await expect(notice).toBeHidden();
  expect((await pageStats(page)).reads).toBe(reads);

  // Saved for the next visit as any analysed files are (the person chose to keep files).
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await expect(app(page).locator('.resume')).toContainText(/Resume labels\.csv and pred_probs\.npy/);
});
