// Multi-label data as one 0/1 column per class (label_<class>) in a table with other columns: the
// corrected labels download is the whole table, every other column kept in order, the 0/1 columns
// corrected and an original_label column with the given set, as the other corrected exports are.
import { readFileSync } from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';
import { suggestedSet } from '../../web/controllers/multilabel-model.js';
import { app, dropFiles, expect, openApp, parseCsv, screenshot, test, waitReady } from './fixtures.mjs';

const NAMES = ['news', 'sport', 'tech'];

/** 40 articles: id, a text with a comma, label_<class> 0/1 (rows 5, 14, ... with one class wrong), votes, p_<class>. */
function articlesCsv() {
  let seed = 5;
  const r = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['id,text,label_news,label_sport,label_tech,votes,p_news,p_sport,p_tech'];
  for (let i = 0; i < 40; i++) {
    const truth = NAMES.map(() => (r() < 0.4 ? 1 : 0));
    const given = [...truth];
    if (i % 9 === 4) given[i % 3] = 1 - given[i % 3];
    const p = truth.map((t) => (t ? 0.75 + 0.2 * r() : 0.05 + 0.2 * r()).toFixed(3));
    const about = NAMES.filter((_, k) => truth[k]).join(' and ') || 'nothing';
    lines.push([`a${i + 1}`, `"Article ${i + 1}, about ${about}"`, ...given, i % 4, ...p].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const panel = (page) => app(page).locator('.ml-panel');

test('a table of label_<class> columns: the corrected file is the whole table with original_label', async ({
  page,
}, testInfo) => {
  const csv = articlesCsv();
  await openApp(page);
  await dropFiles(page, [{ name: 'articles.csv', text: csv }]);
  await waitReady(page);
  await expect(panel(page).locator('.ml-summary')).toContainText('0/1 column per class');
  const card = panel(page).locator('.ml-row').first();
  const example = Number(await card.getAttribute('data-row')) - 1;
  await card.getByRole('button', { name: 'Accept suggested set' }).click();
  // The set accepted: what ls.multiLabel.audit suggests for that row in Node.
  const ls = await createLabelScope({ threads: false });
  const dataset = await ls.multiLabel.readDataset({ combined: { name: 'articles.csv', data: csv } });
  const suggested = suggestedSet(ls.multiLabel.audit(dataset, {}).rows.find((r) => r.example === example));
  dataset.free();
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await panel(page)
        .locator('.ml-exports')
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
      await screenshot(page, testInfo, `ml-columns-${width}-${scheme}`);
    }
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download corrected labels (0/1 columns)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('articles-corrected.csv');
  const [header, ...rows] = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.join('') !== '');
  const [sourceHeader, ...source] = parseCsv(csv).filter((r) => r.join('') !== '');
  expect(header).toEqual([...sourceHeader, 'original_label']);
  expect(rows).toHaveLength(40);
  const setOf = (row) => NAMES.filter((_, k) => row[2 + k] === '1').join(';');
  rows.forEach((row, i) => {
    const given = source[i];
    // Every column but the label columns as read, in order; original_label the given set.
    expect([...row.slice(0, 2), ...row.slice(5, 9)]).toEqual([...given.slice(0, 2), ...given.slice(5, 9)]);
    expect(row[9]).toBe(setOf(given));
    if (i !== example) expect(row.slice(2, 5)).toEqual(given.slice(2, 5));
  });
  // The accepted row holds the suggested set, which differs from the given one.
  expect(setOf(rows[example])).toBe(suggested.map((k) => NAMES[k]).join(';'));
  expect(setOf(rows[example])).not.toBe(rows[example][9]);
});
