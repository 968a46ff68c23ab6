// Findings of a newcomer trial on examples/lesson.html: hide-truth hides the per-class estimate of wrong
// labels too (until the reveal); the noise sweep under pair noise says whose labels its axis counts; the
// question on the real labels does not hinge on a few examples; the rankings table says why
// confidence_weighted_entropy ranks so few flips; tiny scores read as powers of ten; the lesson's tables
// fit a phone's width.
import { readFileSync } from 'node:fs';
import { expect, MNIST, screenshotsAtSizes, test } from './fixtures.mjs';

async function openLesson(page) {
  await page.goto('/examples/lesson.html');
  for (const id of ['real', 'noisy', 'steps'])
    await expect(page.locator(`label-scope#${id}`)).toHaveAttribute('data-state', 'ready');
  for (const form of await page.locator('form.quiz').all()) await expect(form.locator('button')).toBeEnabled();
}

/** The "Label quality per class" card of an element. */
const classCard = (el) =>
  el.locator('.chart-card').filter({ has: el.page().getByRole('heading', { name: 'Label quality per class' }) });

test('hide-truth: the per-class card keeps each class’s quality but shows no estimated-wrong count until the reveal', async ({
  page,
}, testInfo) => {
  await openLesson(page);
  const el = page.locator('label-scope#noisy');
  const card = classCard(el);
  await expect(card.locator('.bar')).toHaveCount(10);
  // Everything the card holds, tooltips and SVG titles too.
  const cardText = () => card.evaluate((node) => node.outerHTML);
  const estimates = await el.evaluate((node) => node.report.classQuality.map((q) => Math.round(q.labelIssues)));
  expect(estimates.reduce((a, b) => a + b, 0)).toBeGreaterThan(500);
  let html = await cardText();
  expect(html).not.toMatch(/estimated wrong/i);
  expect(html).toMatch(/0\.88/); // the quality stays
  await expect(card.locator('.bar').first()).toContainText('flagged');
  await expect(card).toContainText('once the truth is revealed');
  await screenshotsAtSizes(page, testInfo, 'class-card-hidden', { show: () => card.scrollIntoViewIfNeeded() });

  await el.getByRole('button', { name: 'Reveal the truth' }).first().click();
  await expect(el.locator('.lz-scores')).toBeVisible();
  html = await cardText();
  expect(html).toMatch(/estimated wrong/);
  for (const n of estimates) expect(html).toContain(`~${n.toLocaleString('en-US')} estimated wrong`);
  await screenshotsAtSizes(page, testInfo, 'class-card-revealed', { show: () => card.scrollIntoViewIfNeeded() });
});

test('the noise sweep under pair noise counts the two classes’ rows on its axis, and says what that is of all rows', async ({
  page,
}, testInfo) => {
  await openLesson(page);
  const el = page.locator('label-scope#steps');
  const sweep = el.locator('.lz-sweep');
  await expect(sweep).toBeVisible({ timeout: 60_000 });
  const title = sweep.locator('.lz-sweep-chart .axis-title');
  await expect(title).toHaveText('share of the 4 and 9 rows flipped');
  const flipped = await el.evaluate((node) => node.simulation.flipped);
  const n = await el.evaluate((node) => node.report.numExamples);
  const share = `${((flipped / n) * 100).toFixed(1)}%`;
  // The 20% point is the run the card reports: 20% of the 4s and 9s, that share of all rows.
  await expect(sweep.locator('.help').first()).toContainText(`20.0% (${flipped} labels, ${share} of all) → precision`);
  await expect(sweep.locator('.help').first()).toContainText('Each rate is a share of the 4 and 9 rows');
  await expect(el.locator('.lz-sim-what')).toContainText(`${flipped} of ${n.toLocaleString('en-US')} labels`);
  await screenshotsAtSizes(page, testInfo, 'sweep-pair', { show: () => sweep.scrollIntoViewIfNeeded() });
});

test('question 2 on the real labels has one clear answer, and the lesson text agrees with it', async ({ page }) => {
  await openLesson(page);
  const form = page.locator('form.quiz[data-quiz="perfect-grade"]');
  await expect(page.locator('form.quiz[data-quiz="confused-pair"]')).toHaveCount(0);
  const [head, ...rows] = readFileSync(`${MNIST}truth.csv`, 'utf8').trim().split('\n');
  const column = head.split(',').indexOf('is_error');
  const errors = rows.filter((line) => line.split(',')[column] === '1').length;
  expect(errors).toBe(15);
  const right = await form.getAttribute('data-answer');
  expect(right).toBe('99.85');
  const values = await form.locator('input').evaluateAll((inputs) => inputs.map((i) => Number(i.value)));
  expect(values).toHaveLength(4);
  // The right choice and its nearest neighbour differ by at least 0.1 percentage point (10 of 10,000 rows).
  const gaps = values.filter((v) => v !== Number(right)).map((v) => Math.abs(v - Number(right)));
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0.1);
  await form.locator(`input[value="${right}"]`).check();
  await form.getByRole('button', { name: 'Check my answer' }).click();
  await expect(form.locator('.feedback')).toHaveClass(/right/);
  await expect(form.locator('.feedback')).toContainText(`${right}%`);
  await expect(form.locator('.feedback')).toContainText(`each of the ${errors} images whose label is wrong`);
  // Section 1 gives the reviewers' count the question is built on.
  await expect(page.locator('#what + p + p')).toContainText('15 errors');
});

test('the rankings table says why confidence_weighted_entropy finds so few flips; tiny scores read as powers of ten', async ({
  page,
}) => {
  await openLesson(page);
  const el = page.locator('label-scope#steps');
  const note = el.locator('.lz-rank-note');
  await expect(note).toBeVisible({ timeout: 60_000 });
  await expect(note).toContainText('confidence_weighted_entropy');
  await expect(note).toContainText('all but certain');
  const ranking = el.locator('.lz-step[data-step="ranking"]');
  await expect(ranking).not.toContainText(/\de-\d/);
  await expect(ranking.locator('.lz-row')).toContainText(/\d × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/);
});

test('on a phone (390 px) the lesson’s tables fit their column; one that cannot says it scrolls', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page);
  const el = page.locator('label-scope#steps');
  await expect(el.locator('.lz-rankings')).toBeVisible({ timeout: 60_000 });
  const boxes = () =>
    el.evaluate((node) =>
      [...node.shadowRoot.querySelectorAll('.lz-scroll')].map((box) => ({
        what: box.getAttribute('aria-label'),
        scroll: box.scrollWidth,
        client: box.clientWidth,
        marked: box.hasAttribute('data-overflow'),
        hint:
          box.nextElementSibling?.matches('.lz-more') && getComputedStyle(box.nextElementSibling).display !== 'none',
      })),
    );
  const phone = await boxes();
  // The six tables of the steps and the comparison: the matrices, the methods and the rankings.
  expect(phone.length).toBeGreaterThanOrEqual(6);
  for (const box of phone) {
    expect(box.scroll, box.what).toBeLessThanOrEqual(box.client);
    expect(box.marked || box.hint, box.what).toBe(false);
  }
  // A column too narrow for them (a 250 px embedding): what cannot fit scrolls, and says so.
  await el.evaluate((node) => (node.style.width = '250px'));
  await expect
    .poll(async () => (await boxes()).filter((b) => b.scroll > b.client).every((b) => b.marked && b.hint))
    .toBe(true);
  expect((await boxes()).some((b) => b.scroll > b.client)).toBe(true);
  await el.locator('.lz-step[data-step="noise-matrix"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('narrow-250-scroll-hint.png') });
  await el.evaluate((node) => (node.style.width = ''));
  await expect.poll(async () => (await boxes()).some((b) => b.marked || b.hint)).toBe(false);

  for (const [name, locator] of [
    ['pruning', el.locator('.lz-step[data-step="pruning"]')],
    ['noise', el.locator('.lz-step[data-step="noise-matrix"]')],
    ['methods', el.locator('.lz-compare .lz-table').first()],
    ['rankings', el.locator('.lz-rankings')],
  ]) {
    await screenshotsAtSizes(page, testInfo, `phone-table-${name}`, { show: () => locator.scrollIntoViewIfNeeded() });
  }
});
