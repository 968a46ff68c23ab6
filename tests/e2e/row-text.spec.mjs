// A table computed here shows each row's own words: the column the trainer read as free text and the
// one it took for an id (its feature report), whatever their names, in the ranked table (the text cut
// to one line, all of it in the cell's title) and in the detail pane (all of it), as the multi-label
// cards do. Here the id is `review_id` and the text `comment`: neither name is one the page guesses.
import { readFileSync } from 'node:fs';
import { app, dropFiles, expect, openApp, parseCsv, screenshot, test, waitReady } from './fixtures.mjs';

const POSITIVE = ['great', 'love', 'excellent', 'nice', 'happy', 'good'];
const NEGATIVE = ['bad', 'awful', 'hate', 'poor', 'sad', 'broken'];
const FILLER = ['the', 'it', 'was', 'very', 'really', 'quite'];

/** 80 reviews: an id, a long comment, a star count and the label (every tenth given the other class). */
function reviewsCsv() {
  let seed = 11;
  const pick = (list) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[Math.floor((seed / 2147483648) * list.length)];
  };
  const lines = ['review_id,comment,stars,label'];
  const comments = [];
  for (let i = 0; i < 80; i++) {
    const truth = i % 2 ? 'pos' : 'neg';
    const words = truth === 'pos' ? POSITIVE : NEGATIVE;
    const comment =
      Array.from({ length: 16 }, (_, w) => pick(w % 3 ? words : FILLER)).join(' ') +
      ` (customer review number ${i + 1})`;
    comments.push(comment);
    const given = i % 10 === 0 ? (truth === 'pos' ? 'neg' : 'pos') : truth;
    lines.push(`R-${1000 + i},${comment},${1 + (i % 5)},${given}`);
  }
  return { text: `${lines.join('\n')}\n`, comments };
}

const grid = (page) => app(page).locator('[role=grid]');

async function computeReviews(page) {
  const { text, comments } = reviewsCsv();
  await openApp(page);
  await dropFiles(page, [{ name: 'reviews.csv', text }]);
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  return comments;
}

test('the ranked table and the detail pane show the comment and the review id', async ({ page }, testInfo) => {
  const comments = await computeReviews(page);
  const header = grid(page).locator('.vt-head');
  await expect(header.locator('.vt-c-example')).toHaveText('comment');
  // The row number stays (how a person finds the row in the spreadsheet), the id in its own column.
  await expect(header.locator('.vt-c-index')).toHaveText('Row');
  await expect(header.locator('.vt-c-id')).toHaveText('review_id');
  const first = grid(page).locator('.vt-row[data-position="0"]');
  const index = Number(await first.getAttribute('data-index'));
  await expect(first.locator('.vt-c-index')).toHaveText(String(index + 1));
  await expect(first.locator('.vt-c-id')).toHaveText(`R-${1000 + index}`);
  const primary = first.locator('.vt-c-example .primary');
  await expect(primary).toHaveText(comments[index]);
  await expect(primary).toHaveAttribute('title', comments[index]);
  // One line in the table: the comment is cut (an ellipsis), not wrapped.
  const cut = await primary.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    height: el.clientHeight,
  }));
  expect(cut.scroll).toBeGreaterThan(cut.client);
  await first.click();
  const detail = app(page).locator('.detail');
  await expect(detail.locator('.detail-text')).toHaveText(comments[index]);
  await expect(detail.locator('.detail-heading')).toContainText(`review_id R-${1000 + index}`);
  // Every cell of the row below, in file order (the comment and the id too: the row as the file has it).
  await expect(detail.locator('.detail-extra dt')).toHaveText(['review_id', 'comment', 'stars', 'label']);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await grid(page).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await screenshot(page, testInfo, `row-text-desktop-${scheme}`);
  }
});

test('phone width: the comment and the id stay readable in the cards and the detail pane', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const comments = await computeReviews(page);
  const first = grid(page).locator('.vt-row[data-position="0"]');
  const index = Number(await first.getAttribute('data-index'));
  await expect(first.locator('.vt-c-example .primary')).toHaveText(comments[index]);
  await expect(first.locator('.vt-c-index')).toHaveText(String(index + 1));
  await expect(first.locator('.vt-c-id')).toHaveText(`R-${1000 + index}`);
  await first.click();
  await expect(app(page).locator('.detail .detail-text')).toHaveText(comments[index]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await grid(page).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await screenshot(page, testInfo, `row-text-phone-cards-${scheme}`);
    await app(page)
      .locator('.detail')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await screenshot(page, testInfo, `row-text-phone-detail-${scheme}`);
  }
});

test('the decisions export carries the review id and the comment', async ({ page }) => {
  const comments = await computeReviews(page);
  await grid(page).focus();
  await page.keyboard.press('a');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).locator('.decision-bar').getByRole('button', { name: 'Export decisions (CSV)' }).click(),
  ]);
  const [header, row] = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(header.slice(0, 4)).toEqual(['index', 'row', 'review_id', 'comment']);
  const index = Number(row[0]);
  expect(row[1]).toBe(String(index + 1));
  expect(row.slice(2, 4)).toEqual([`R-${1000 + index}`, comments[index]]);
});
