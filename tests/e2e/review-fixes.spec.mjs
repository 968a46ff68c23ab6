// Findings of a fresh-eyes review (session 4): Forget everything asks first and answers where it
// was pressed; simulated noise is described truthfully (Files panel, flip wording, progress by the
// button); the Truth badge fits the table; the lesson's first answer is not shown above its question;
// Resume is in view after a reload.
import { readFileSync } from 'node:fs';
import { app, expect, HEADLINES, openApp, openHeadlines, test, waitReady } from './fixtures.mjs';

const decisionsOf = (page) => app(page).evaluate((el) => el.decisions.length);

test('Forget everything with decisions asks first (how many, export first or forget), and answers beside the button', async ({
  page,
}) => {
  await openHeadlines(page);
  const issues = await app(page).evaluate((el) => Array.from(el.report.issues));
  await app(page).evaluate((el, [a, b]) => {
    el.decide(a, 'accept');
    el.decide(b, 'keep');
  }, issues);
  await expect.poll(() => decisionsOf(page)).toBe(2);

  const line = app(page).locator('.privacy');
  await line.getByRole('button', { name: 'Forget everything' }).click();
  const confirm = line.locator('.forget-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('your 2 decisions on the data shown (not exported yet)');
  await expect(confirm).toBeInViewport();
  expect(await decisionsOf(page)).toBe(2); // nothing forgotten yet

  // Export first: the decisions file is downloaded, the question now says they were exported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Export decisions first' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/decisions\.csv$/);
  await expect(confirm).toContainText('(exported)');
  await expect(confirm.getByRole('button', { name: 'Export decisions first' })).toHaveCount(0);

  // Cancel keeps everything.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await decisionsOf(page)).toBe(2);

  await line.getByRole('button', { name: 'Forget everything' }).click();
  await confirm.getByRole('button', { name: 'Forget everything' }).click();
  const result = line.locator('.privacy-result');
  await expect(result).toContainText('Forgotten: this browser no longer keeps any file, decision or name');
  await expect(result).toContainText('Your 2 decisions went too.');
  await expect(result).toBeInViewport();
  await expect.poll(() => decisionsOf(page)).toBe(0);
});

test('Forget everything without decisions forgets at once and says so beside the button', async ({ page }) => {
  await openHeadlines(page);
  const line = app(page).locator('.privacy');
  await line.getByRole('button', { name: 'Forget everything' }).click();
  await expect(line.locator('.forget-confirm')).toBeHidden();
  await expect(line.locator('.privacy-result')).toContainText('Forgotten:');
  await expect(line.locator('.privacy-result')).toBeInViewport();
});

test('after a reload scrolled down, the Resume offer is brought into view', async ({ page }) => {
  await openHeadlines(page);
  await app(page).evaluate((el) => el.decide(el.report.issues[0], 'accept'));
  await expect(app(page).locator('.save-state')).toHaveText(
    'All decisions saved in this browser (on this device only).',
  );
  await app(page).locator('.privacy').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
  await page.reload();
  const resume = app(page).locator('.resume');
  await expect(resume).toContainText(/Resume/);
  await expect(resume).toBeInViewport();
});

test('lesson: the analysis that answers Question 1 stays hidden until the question is answered (or the learner asks)', async ({
  page,
}) => {
  await page.goto('/examples/lesson.html');
  const real = page.locator('label-scope#real');
  const q1 = page.locator('form.quiz[data-quiz="real-flagged"]');
  // the hidden element computed its choices
  await expect(q1.getByRole('button', { name: 'Check my answer' })).toBeEnabled();
  await expect(real).toHaveAttribute('data-state', 'ready');
  await expect(real).toBeHidden();
  await expect(page.getByText(/rows look mislabelled/)).toBeHidden();
  // The question comes before the analysis on the page.
  const order = await page.evaluate(() => {
    const form = document.querySelector('form.quiz[data-quiz="real-flagged"]');
    return form.compareDocumentPosition(document.querySelector('label-scope#real')) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await q1.locator('input').first().check();
  await q1.getByRole('button', { name: 'Check my answer' }).click();
  await expect(real).toBeVisible();
  await expect(real.locator('.compact')).toContainText('rows look mislabelled');
  await expect(page.locator('.gate-note')).toBeHidden();
});

test('lesson: "Show it now" shows the analysis without answering', async ({ page }) => {
  await page.goto('/examples/lesson.html');
  const real = page.locator('label-scope#real');
  await expect(real).toBeHidden();
  await page.getByRole('button', { name: 'Show it now' }).click();
  await expect(real).toBeVisible();
  await expect(real).toHaveAttribute('data-state', 'ready');
});

test('flipping labels with retraining: progress and Cancel beside the button, Flip disabled while it runs', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Fashion-MNIST/ })
    .click();
  await expect(app(page)).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
  const form = app(page).locator('.lz-make');
  await form.locator('summary').click();
  const flip = form.getByRole('button', { name: 'Flip labels' });
  await flip.click();
  const running = form.locator('.lz-run');
  await expect(running).toBeVisible();
  await expect(running).toContainText(/training/i);
  await expect(running).toBeInViewport();
  await expect(flip).toBeDisabled();
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  await expect(running).toBeHidden();
  await expect(flip).toBeEnabled();
});

/** Headlines with `percent` % of labels flipped (the page's Simulate label noise form). */
async function flipHeadlines(page, percent = 20) {
  await openHeadlines(page);
  const form = app(page).locator('.lz-make');
  await form.locator('summary').click();
  await form.getByLabel('Labels to flip (%)').fill(String(percent));
  await form.getByRole('button', { name: 'Flip labels' }).click();
  await expect(app(page).locator('.lz-sim')).toBeVisible();
  await waitReady(page);
}

test('the Truth badges of simulated noise ("not flipped") fit in their column at 1280 px', async ({ page }) => {
  await flipHeadlines(page);
  const cells = app(page).locator('.vt-c-truth .badge');
  await expect(cells.filter({ hasText: 'not flipped' }).first()).toBeVisible();
  const overflow = await cells.evaluateAll((badges) =>
    badges
      .map((b) => {
        const cell = b.parentElement.getBoundingClientRect();
        const grid = b.closest('[role=grid]').getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return { text: b.textContent, out: Math.max(0, r.right - Math.min(cell.right, grid.right)) };
      })
      .filter((x) => x.out > 0.5),
  );
  expect(overflow).toEqual([]);
});

test('simulated noise on data with its own truth: "before the flip", the known errors said, one share on screen', async ({
  page,
}) => {
  // dataset.csv: id,text,label,<4 probabilities>,true_label (text may be quoted, with commas).
  const cells = (line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]);
  const rows = readFileSync(`${HEADLINES}dataset.csv`, 'utf8').trim().split('\n').slice(1).map(cells);
  const knownErrors = rows.filter((r) => r[2] !== r[7]).length;
  expect(knownErrors).toBeGreaterThan(0);
  await flipHeadlines(page);
  const card = app(page).locator('.lz-sim');
  // One share: the card's is flipped / rows, as the truth card counts it, and the rate asked for beside it.
  await expect(card.locator('.lz-sim-what')).toContainText(
    '10 of 49 labels were flipped (20.4% of all rows; 20.0% asked for',
  );
  await expect(app(page).locator('.truth')).toContainText('20.4%');
  await expect(card.locator('.lz-own-truth')).toContainText(
    `own known truth (the true_label column): ${knownErrors} of the 49 given labels are known errors`,
  );
  await card.locator('.lz-flips summary').click();
  const lists = card.locator('.lz-flip-lists');
  await expect(lists).toContainText('before the flip:');
  await expect(lists).not.toContainText('truly');
  await expect(lists).not.toContainText('wrong label');
});

test('the Files panel after simulated noise describes the files read and the flips, and its label column works', async ({
  page,
}) => {
  await flipHeadlines(page);
  const files = app(page).locator('.files');
  await files.locator('.files-summary').click();
  const summary = files.locator('.read-summary');
  await expect(summary).toContainText('Label column: label, one probability column per class.');
  await expect(summary).toContainText('Simulated noise: 10 of these 49 labels flipped in memory (rate 0.2, seed 7)');
  await expect(summary).toContainText('A true_label column (set aside while noise is simulated).');
  await expect(files.locator('.label-column')).toHaveValue('label');
  await summary.locator('.notes summary').click();
  const notes = summary.locator('.notes');
  await expect(notes).not.toContainText('simulated');
  await expect(notes).not.toContainText('.npy');
  await expect(notes).not.toContainText('no header row');
  // The label column is a real choice: another column is read (and flipped) instead.
  await files.locator('.label-column').selectOption('true_label');
  await waitReady(page);
  await expect(summary).toContainText('Label column: true_label');
  await expect(files.locator('.label-column')).toHaveValue('true_label');
});
