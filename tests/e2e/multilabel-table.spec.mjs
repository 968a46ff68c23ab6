// A person's own table of label sets with id and headline columns and numeric features (the
// newcomer's articles table): the one-vs-rest compute is offered without the reader's error, the
// flagged rows show their id and headline as single-label reviews do, and the downloads are the whole
// table corrected in its own notation (with original_label), the flagged rows and the decisions, both
// with the id and headline columns.
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { app, dropFiles, expect, openApp, parseCsv, screenshot, test, waitReady } from './fixtures.mjs';
import { articlesCsv } from './multilabel-articles.mjs';

const CSV = articlesCsv();
const ROWS = parseCsv(CSV).slice(1);
const panel = (page) => app(page).locator('.ml-panel');
const card = (page, example) => panel(page).locator(`.ml-row[data-row="${example + 1}"]`);
const flagged = (page) =>
  panel(page)
    .locator('.ml-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.dataset.row) - 1));

async function dropArticles(page) {
  await openApp(page);
  await dropFiles(page, [{ name: 'articles_labels.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }]);
  await expect(panel(page).locator('.ml-compute')).toBeVisible();
}

async function computed(page) {
  await dropArticles(page);
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  await expect(panel(page).locator('[data-testid="ml-computed"]')).toBeVisible();
}

async function downloaded(page, name) {
  const waiting = page.waitForEvent('download');
  await panel(page).getByRole('button', { name }).click();
  const download = await waiting;
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test("the compute is offered, not the reader's error; the flagged rows show their id and headline", async ({
  page,
}) => {
  await dropArticles(page);
  await expect(panel(page)).toContainText('Compute one-vs-rest probabilities here');
  await expect(panel(page)).not.toContainText('The reader said');
  await expect(panel(page)).not.toContainText('matches no class');
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  const rows = await flagged(page);
  expect(rows.length).toBeGreaterThan(0);
  for (const example of rows.slice(0, 5)) {
    await expect(card(page, example).locator('.ml-rownum')).toHaveText(`Row ${example + 1} · id ${ROWS[example][0]}`);
    await expect(card(page, example).locator('.ml-text')).toHaveText(ROWS[example][1]);
  }
});

test(
  'downloads: the whole table corrected (a;b, original_label), the flagged rows and the decisions with id and ' +
    'headline',
  async ({ page }) => {
    await computed(page);
    const [first, second] = await flagged(page);
    await card(page, first).getByRole('button', { name: 'Accept suggested set' }).click();
    await card(page, second).getByRole('button', { name: 'Keep given set' }).click();
    const decided = new Map(await app(page).evaluate((el) => el.multiLabel.decisions.map((d) => [d.index, d.labels])));
    expect([...decided.keys()].sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b));

    const corrected = await downloaded(page, /Download corrected labels \(sets as a;b\)/);
    expect(corrected.name).toBe('articles_labels-corrected.csv');
    const table = parseCsv(corrected.text);
    expect(table[0]).toEqual(['id', 'headline', 'words', 'length', 'labels', 'original_label']);
    expect(table.length - 1).toBe(ROWS.length);
    for (let i = 0; i < ROWS.length; i++) {
      const row = table[i + 1];
      expect(row.slice(0, 4), `row ${i + 1}`).toEqual(ROWS[i].slice(0, 4));
      expect(row[5], `row ${i + 1}: original_label`).toBe(ROWS[i][4]);
      const want = decided.has(i) ? decided.get(i) : ROWS[i][4].split(';');
      expect(row[4].split(';').filter(Boolean).sort(), `row ${i + 1}: the set`).toEqual(
        [...want].filter(Boolean).sort(),
      );
    }
    expect(table[first + 1][4]).not.toBe(ROWS[first][4]); // the accepted suggestion differs from the given set

    const issues = parseCsv((await downloaded(page, 'Download flagged rows (CSV)')).text);
    expect(issues[0]).toEqual([
      'rank',
      'index',
      'row',
      'given_label',
      'suggested_label',
      'probably_missing',
      'probably_extra',
      'label_quality',
      'id',
      'headline',
      'decision',
      'final_label',
    ]);
    expect(issues[1].slice(8, 11)).toEqual([ROWS[first][0], ROWS[first][1], 'accept']);

    const decisions = await downloaded(page, 'Download decisions (CSV)');
    expect(decisions.name).toBe('articles_labels-decisions.csv');
    const lines = parseCsv(decisions.text);
    // index, row first as in every export (src/js/exports.js).
    expect(lines[0]).toEqual([
      'index',
      'row',
      'id',
      'headline',
      'given_label',
      'suggested_label',
      'decision',
      'final_label',
      'label_quality',
      'rank',
      'decided_at',
    ]);
    expect(lines.slice(1).map((l) => [Number(l[0]), l[2], l[6]])).toEqual(
      [
        [first, ROWS[first][0], 'accept'],
        [second, ROWS[second][0], 'keep'],
      ].sort((a, b) => a[0] - b[0]),
    );
  },
);

test('screenshots: the offer and the review, desktop and phone, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const sizes = [
    [1280, 800, 'desktop', 'light'],
    [1280, 800, 'desktop', 'dark'],
    [390, 844, 'phone', 'light'],
    [390, 844, 'phone', 'dark'],
  ];
  // One drop: the same bytes dropped again are computed at once (the choice is kept, ui/choices.js), not offered.
  await dropArticles(page);
  for (const [width, height, tag, scheme] of sizes) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await panel(page).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `ml-table-offer-${tag}-${scheme}`);
  }
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  const [first] = await flagged(page);
  await card(page, first).getByRole('button', { name: 'Accept suggested set' }).click();
  for (const [width, height, tag, scheme] of sizes) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await card(page, first).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `ml-table-review-${tag}-${scheme}`);
    await panel(page).locator('.ml-exports').scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `ml-table-exports-${tag}-${scheme}`);
  }
});

test('the News topics demo: the corrected labels are news.csv whole, the cards show id and text', async ({ page }) => {
  await openApp(page);
  await app(page).locator('button[data-demo="news"]').click();
  await waitReady(page);
  const news = parseCsv(readFileSync(new URL('../../examples/multilabel/news.csv', import.meta.url), 'utf8'));
  const [first] = await flagged(page);
  await expect(card(page, first).locator('.ml-rownum')).toHaveText(`Row ${first + 1} · id ${news[first + 1][0]}`);
  await expect(card(page, first).locator('.ml-text')).toHaveText(news[first + 1][1]);
  await card(page, first).getByRole('button', { name: 'Accept suggested set' }).click();
  const corrected = await downloaded(page, /Download corrected labels/);
  const table = parseCsv(corrected.text);
  expect(table[0]).toEqual([...news[0], 'original_label']);
  expect(table.length).toBe(news.length);
  expect(table.slice(1).map((r) => r.slice(0, 2))).toEqual(news.slice(1).map((r) => r.slice(0, 2)));
  expect(table.slice(1).map((r) => r[3])).toEqual(news.slice(1).map((r) => r[2]));
  expect(table[first + 1][2]).not.toBe(news[first + 1][2]);
});

test("a set column named tags, chosen by the person: the one-vs-rest compute is offered, not the reader's error", async ({
  page,
}, testInfo) => {
  await openApp(page);
  const tagged = CSV.replace('id,headline,words,length,labels', 'id,headline,words,length,tags');
  await dropFiles(page, [{ name: 'articles.csv', mimeType: 'text/csv', buffer: Buffer.from(tagged) }]);
  await app(page).locator('select.label-column').selectOption('tags');
  await expect(panel(page).locator('.ml-compute')).toBeVisible();
  await expect(app(page)).not.toContainText('matches no class');
  await expect(app(page).getByText('What you need')).toBeHidden(); // the offer, not the beginner's guide
  await screenshot(page, testInfo, 'ml-tags-offer-desktop-light');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await panel(page).scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'ml-tags-offer-phone-dark');
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  const [first] = await flagged(page);
  await expect(card(page, first).locator('.ml-text')).toHaveText(ROWS[first][1]);
  const corrected = parseCsv((await downloaded(page, /Download corrected labels/)).text);
  expect(corrected[0]).toEqual(['id', 'headline', 'words', 'length', 'tags', 'original_label']);
});

test('a Parquet table of sets and features: computed here, the corrected labels are the whole table as CSV', async ({
  page,
}, testInfo) => {
  const parquet = Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ROWS.map((r) => Number(r[0])), type: 'INT32' },
        { name: 'headline', data: ROWS.map((r) => r[1]), type: 'STRING' },
        { name: 'words', data: ROWS.map((r) => Number(r[2])), type: 'INT32' },
        { name: 'length', data: ROWS.map((r) => Number(r[3])), type: 'INT32' },
        { name: 'labels', data: ROWS.map((r) => r[4]), type: 'STRING' },
      ],
    }),
  );
  await openApp(page);
  await dropFiles(page, [{ name: 'articles.parquet', mimeType: 'application/octet-stream', buffer: parquet }]);
  await expect(panel(page).locator('.ml-compute')).toBeVisible();
  await panel(page).locator('.ml-compute').click();
  await waitReady(page);
  const [first] = await flagged(page);
  await card(page, first).getByRole('button', { name: 'Accept suggested set' }).click();
  await expect(panel(page).locator('.ml-exports button.primary')).toHaveText(
    'Download corrected labels (Parquet as CSV, sets as a;b)',
  );
  for (const [width, height, tag, scheme] of [
    [1280, 800, 'desktop', 'light'],
    [390, 844, 'phone', 'dark'],
  ]) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await panel(page).locator('.ml-exports').scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `ml-parquet-exports-${tag}-${scheme}`);
  }
  const corrected = await downloaded(page, /Download corrected labels/);
  expect(corrected.name).toBe('articles-corrected.csv');
  const table = parseCsv(corrected.text);
  expect(table[0]).toEqual(['id', 'headline', 'words', 'length', 'labels', 'original_label']);
  expect(table.slice(1).map((r) => r.slice(0, 4))).toEqual(ROWS.map((r) => r.slice(0, 4)));
  expect(table.slice(1).map((r) => r[5])).toEqual(ROWS.map((r) => r[4]));
  expect(table[first + 1][4]).not.toBe(ROWS[first][4]);
});
