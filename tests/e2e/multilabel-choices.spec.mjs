// Label sets remember the person's choices as single labels do (web/ui/choices.js): dropping the same table of
// sets again (after a reload, under another name) brings back the set column picked by hand, the settings and the
// folds, and computes again without asking; "Forget everything" forgets them. The one-vs-rest compute has the
// page's folds control (web/ui/folds.js): a Folds select beside it, and "Compute with N folds" when the table has
// fewer rows than folds.
import { app, dropFiles, expect, openApp, openSettings, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';
import { articlesCsv } from './multilabel-articles.mjs';

const TAGGED = articlesCsv().replace('id,headline,words,length,labels', 'id,headline,words,length,tags');
const panel = (page) => app(page).locator('.ml-panel');
const filterBy = (page) => app(page).getByLabel('Find issues with filter_by');
const restored = (page) => panel(page).locator('.ml-restored');
const computedFolds = (page) => app(page).evaluate((el) => el.multiLabel?.model.computed?.folds.length ?? null);
const flagged = (page) => app(page).evaluate((el) => el.multiLabel?.model.rows.map((r) => r.example) ?? null);
const decided = (page) => app(page).evaluate((el) => el.multiLabel?.decisions.map((d) => [d.index, d.decision]));

async function dropTagged(page, name = 'articles.csv') {
  await dropFiles(page, [{ name, mimeType: 'text/csv', buffer: Buffer.from(TAGGED) }]);
}

async function forgetEverything(page) {
  const privacy = app(page).locator('.privacy');
  await privacy.locator('.forget-everything').click();
  const confirm = privacy.locator('.forget-confirm').getByRole('button', { name: 'Forget everything' });
  if (await confirm.isVisible()) await confirm.click(); // asked first when decisions would go
  await expect(app(page)).toContainText('Forgotten: this browser no longer keeps');
}

test('set column, folds and settings chosen for a table of sets: dropped again, all come back, computed at once', async ({
  page,
}, testInfo) => {
  await openApp(page); // the page saves decisions (its save-decisions attribute)
  await dropTagged(page);
  await app(page).locator('select.label-column').selectOption('tags');
  // The compute offer has the folds control: the button names the folds chosen.
  await panel(page).locator('.cv-folds-select').selectOption('3');
  await expect(panel(page).locator('.ml-compute')).toContainText('3-fold cross-validated');
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  expect(await computedFolds(page)).toBe(3);
  await openSettings(page);
  await filterBy(page).selectOption('both');
  await expect.poll(() => app(page).evaluate((el) => el.multiLabel?.model.options.filterBy)).toBe('both');
  const first = await flagged(page);
  await app(page).evaluate((el) => el.multiLabel.decide(el.multiLabel.model.rows[0].example, 'keep'));
  const made = await decided(page);

  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropTagged(page, 'articles (copy).csv');
  await waitReady(page);
  // No column to pick, no compute to ask for: computed at once with the 3 folds, audited with filter_by both.
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toBeVisible();
  expect(await computedFolds(page)).toBe(3);
  expect(await app(page).evaluate((el) => el.settings.filterBy)).toBe('both');
  expect(await flagged(page)).toEqual(first);
  expect(await decided(page)).toEqual(made);
  await expect(app(page).locator('select.label-column')).toHaveValue('tags');
  await expect(restored(page)).toHaveText(
    'Restored your choices: label column ‘tags’, one-vs-rest probabilities computed here with 3 folds and ' +
      'filter_by both.',
  );
  await screenshotsAtSizes(page, testInfo, 'ml-restored', { show: () => panel(page).scrollIntoViewIfNeeded() });

  // "Forget everything": dropped again after a reload, the column is asked for again.
  await forgetEverything(page);
  await page.reload();
  await expect(app(page)).toHaveAttribute('data-core', 'ready');
  await dropTagged(page);
  await expect(app(page).locator('select.label-column')).toHaveValue('');
  await expect(restored(page)).toHaveCount(0);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toHaveCount(0);
});

test('a table of sets with fewer rows than folds: "Compute with 4 folds" computes with them', async ({
  page,
}, testInfo) => {
  const tiny = [
    'id,headline,words,length,labels',
    '1,Vote on the match,4,310,politics;sport',
    '2,New chip app,3,420,tech',
    '3,Vaccine study today,3,515,health;news',
    '4,Coach wins the league,4,630,sport',
  ].join('\n');
  await openApp(page);
  await dropFiles(page, [{ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(`${tiny}\n`) }]);
  await panel(page).locator('.ml-compute').click();
  const fewer = panel(page).getByRole('button', { name: 'Compute with 4 folds' });
  await expect(fewer).toBeVisible();
  await expect(panel(page)).toContainText('The table has too few rows for 5 folds');
  await screenshotsAtSizes(page, testInfo, 'ml-fewer-folds', { show: () => panel(page).scrollIntoViewIfNeeded() });
  await fewer.click();
  await waitReady(page);
  expect(await computedFolds(page)).toBe(4);
});
