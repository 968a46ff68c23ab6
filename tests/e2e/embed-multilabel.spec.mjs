// <label-scope> showing label sets (the News topics demo) in a lesson page: what a host reads (el.data, el.truth
// describe what is shown, not the headlines shown before) and the layout attributes (compact, max-rows) redraw the
// label-set view as they redraw single labels'.
import { expect, screenshotsAtSizes, test } from './fixtures.mjs';

/** Loads a demo into the element and waits for its result event (label sets or not, as `multiLabel` says). */
function loadDemo(scope, name, multiLabel) {
  return scope.evaluate(
    (el, [demo, sets]) =>
      new Promise((resolve) => {
        el.addEventListener('labelscope-result', (e) => Boolean(e.detail.multiLabel) === sets && resolve(e.detail));
        el.loadDemo(demo);
      }),
    [name, multiLabel],
  );
}

test('label sets shown: el.data and el.truth are not the headlines’; compact and max-rows redraw them', async ({
  page,
}, testInfo) => {
  await page.goto('/examples/embed.html'); // a compact element, max-rows="6", the headlines with their truth
  const scope = page.locator('label-scope');
  await expect(scope).toHaveAttribute('data-state', 'ready');
  expect(await scope.evaluate((el) => el.data?.numExamples)).toBe(49);
  expect(await scope.evaluate((el) => el.truth != null)).toBe(true);

  await page.locator('#analysis').evaluate((details) => (details.open = true)); // the element's folded section
  const detail = await loadDemo(scope, 'news', true);
  expect(detail).toMatchObject({ multiLabel: true, numExamples: 48 });
  // A host reading the data or the truth gets nothing of the headlines: label sets are on el.multiLabel.
  expect(await scope.evaluate((el) => el.data)).toBeNull();
  expect(await scope.evaluate((el) => el.truth)).toBeNull();
  expect(await scope.evaluate((el) => el.multiLabel?.model.numExamples)).toBe(48);

  // Compact: the label sets' summary and top rows; the headlines' compact summary is gone.
  const panel = scope.locator('.ml-panel');
  await expect(panel).toHaveClass(/ml-compact/);
  await expect(scope.locator('.compact-item')).toHaveCount(0);
  await expect(panel.locator('.ml-row')).toHaveCount(Math.min(6, detail.numIssues));

  // max-rows changed: fewer rows.
  await scope.evaluate((el) => el.setAttribute('max-rows', '2'));
  await expect(panel.locator('.ml-row')).toHaveCount(2);
  await screenshotsAtSizes(page, testInfo, 'embed-multilabel-compact', {
    show: () => panel.evaluate((p) => p.scrollIntoView()),
  });

  // compact removed: the full label-set review (decisions, settings), not the compact summary.
  await scope.evaluate((el) => {
    el.removeAttribute('compact');
    el.removeAttribute('max-rows');
  });
  await expect(panel).not.toHaveClass(/ml-compact/);
  await expect(panel.locator('.ml-row')).toHaveCount(detail.numIssues);
  await expect(scope.locator('.compact-slot')).toBeHidden();
  await expect(panel.locator('.settings-card')).toBeVisible(); // the page's settings steer the label sets
  await screenshotsAtSizes(page, testInfo, 'embed-multilabel-full', {
    show: () => panel.evaluate((p) => p.scrollIntoView()),
  });

  // compact again: the summary again.
  await scope.evaluate((el) => el.setAttribute('compact', ''));
  await expect(panel).toHaveClass(/ml-compact/);
  await expect(panel.locator('.ml-row')).toHaveCount(Math.min(5, detail.numIssues));
  await expect(panel.locator('.settings-card')).toHaveCount(0);

  // Single labels again: the headlines' data and truth.
  await loadDemo(scope, 'headlines', false);
  expect(await scope.evaluate((el) => el.data?.numExamples)).toBe(49);
  expect(await scope.evaluate((el) => el.multiLabel)).toBeNull();
});
