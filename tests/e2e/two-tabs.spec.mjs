// The same dataset open in two tabs (finding 13): a decision made in one shows in the other at
// once and both are kept — neither tab's save drops the other's rows.
import { app, expect, openHeadlines, test } from './fixtures.mjs';

const decisionsOf = (page) => app(page).evaluate((el) => el.decisions.map(({ index, decision }) => [index, decision]));

async function saved(page) {
  await expect(app(page).locator('.save-state')).toHaveText(
    'All decisions saved in this browser (on this device only).',
  );
}

test('decisions in two tabs on the same data merge per row, on screen and in storage', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openHeadlines(a);
  await openHeadlines(b);
  const issues = await app(a).evaluate((el) => Array.from(el.report.issues));

  // Decided through the element's API: which row a key acts on while the other tab's decision
  // re-renders this table is another matter (keyboard decisions: decisions.spec).
  await app(a).evaluate((el, i) => el.decide(i, 'accept'), issues[0]);
  await app(b).evaluate((el, i) => el.decide(i, 'keep'), issues[2]);

  const both = [
    [issues[0], 'accept'],
    [issues[2], 'keep'],
  ].sort((x, y) => x[0] - y[0]);
  await expect.poll(() => decisionsOf(a)).toEqual(both);
  await expect.poll(() => decisionsOf(b)).toEqual(both);
  // Tab A's table shows B's decision without a reload.
  await expect(app(a).locator(`.vt-row[data-index="${issues[2]}"] .vt-c-decision`)).toContainText('Kept');
  await saved(a);
  await saved(b);

  // A clear in B reaches A too.
  await app(b).evaluate((el, i) => el.decide(i, null), issues[0]);
  await expect.poll(() => decisionsOf(a)).toEqual([[issues[2], 'keep']]);
  await saved(a);
  await saved(b);

  // What is stored is the merged set: a third tab reads it back.
  const c = await context.newPage();
  await openHeadlines(c);
  await expect(app(c).locator('.restored-note')).toContainText('Restored 1 decision');
  expect(await decisionsOf(c)).toEqual([[issues[2], 'keep']]);
});

test("Forget everything in one tab clears the other tab's decisions too (no save brings them back)", async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openHeadlines(a);
  await openHeadlines(b);
  await app(a).locator('[role=grid]').focus();
  await a.keyboard.press('a');
  await expect.poll(() => decisionsOf(b)).toHaveLength(1);
  await saved(a);
  await app(a).locator('.privacy').getByRole('button', { name: 'Forget everything' }).click();
  // asked first: 1 decision
  await app(a).locator('.forget-confirm').getByRole('button', { name: 'Forget everything' }).click();
  await expect.poll(() => decisionsOf(b)).toEqual([]);
  await expect(app(b).locator('.vt-c-decision .decision-badge')).toHaveCount(0);
});

// A decision arriving from another tab re-renders this tab's table: the row the person selected
// (and that the keys act on) must stay the same data row.
async function selectRow(page, position) {
  await app(page).locator(`.vt-row[data-position="${position}"]`).click();
  await app(page).locator('[role=grid]').focus();
}

const selectedIndex = (page) => app(page).locator('.vt-row.active').getAttribute('data-index').then(Number);

for (const decided of ['any', 'undecided']) {
  test(`a decision from another tab keeps this tab's selected row (Decision filter: ${decided})`, async ({
    context,
  }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openHeadlines(a);
    await openHeadlines(b);
    const issues = await app(a).evaluate((el) => Array.from(el.report.issues));
    if (decided !== 'any') await app(b).getByLabel('Decision', { exact: true }).selectOption(decided);
    await selectRow(b, 2);
    expect(await selectedIndex(b)).toBe(issues[2]);

    // Another tab decides on a row above the selected one.
    await app(a).evaluate((el, i) => el.decide(i, 'keep'), issues[0]);
    await expect.poll(() => decisionsOf(b)).toEqual([[issues[0], 'keep']]);
    expect(await selectedIndex(b)).toBe(issues[2]);
    await expect(app(b).locator('[role=grid]')).toBeFocused();
    await expect(app(b).locator('.detail-heading')).toHaveText(new RegExp(`row ${issues[2] + 1}$`));

    // The key acts on the row the person selected.
    await b.keyboard.press('k');
    await expect
      .poll(() => decisionsOf(b))
      .toEqual(
        [
          [issues[0], 'keep'],
          [issues[2], 'keep'],
        ].sort((x, y) => x[0] - y[0]),
      );
  });
}

test('a decision from another tab on the selected row itself: the next row takes its place', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openHeadlines(a);
  await openHeadlines(b);
  const issues = await app(a).evaluate((el) => Array.from(el.report.issues));
  await app(b).getByLabel('Decision', { exact: true }).selectOption('undecided');
  await selectRow(b, 2);
  await app(a).evaluate((el, i) => el.decide(i, 'keep'), issues[2]);
  await expect.poll(() => decisionsOf(b)).toEqual([[issues[2], 'keep']]);
  // The decided row left this list; the row after it moved up into its place, as after a decision here.
  expect(await selectedIndex(b)).toBe(issues[3]);
  await expect(app(b).locator('.vt-row.active')).toHaveAttribute('data-position', '2');
  await expect(app(b).locator('[role=grid]')).toBeFocused();
  await expect(app(b).locator('.detail-heading')).toHaveText(new RegExp(`row ${issues[3] + 1}$`));
  await b.keyboard.press('k');
  await expect
    .poll(() => decisionsOf(b))
    .toEqual(
      [
        [issues[2], 'keep'],
        [issues[3], 'keep'],
      ].sort((x, y) => x[0] - y[0]),
    );
});
