// Exports: the CSVs a person downloads hold exactly the analysis, RFC 4180-quoted, and exporting
// leaves everything on screen as it was.
import { readFileSync } from 'node:fs';
import {
  apiAudit,
  app,
  expect,
  HEADLINES,
  openApp,
  openSettings,
  pageStats,
  parseCsv,
  tableIndices,
  test,
  waitReady,
} from './fixtures.mjs';

async function downloadCsv(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByRole('button', { name: buttonName }).click(),
  ]);
  return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(await download.path(), 'utf8')) };
}

test('flagged rows and the full dataset download as CSV, without losing the view', async ({ page }) => {
  const { issues, report, dataset } = await apiAudit({ combined: `${HEADLINES}dataset.csv` }, {}, { filterBy: 'both' });
  const source = parseCsv(readFileSync(`${HEADLINES}dataset.csv`, 'utf8'));
  const names = dataset.classNames;

  await openApp(page);
  await app(page)
    .getByRole('button', { name: /Headlines/ })
    .click();
  await waitReady(page);
  await openSettings(page);
  await app(page).getByLabel('Find issues with').selectOption('both');
  await expect(app(page)).toHaveAttribute('data-state', 'ready');
  await app(page).locator('.vt-row[data-position="2"]').click();
  const before = { rows: await tableIndices(page), detail: await app(page).locator('.detail').textContent() };

  // Flagged rows, rank order: the CLI's audit CSV columns, known truth and every class probability.
  const flagged = await downloadCsv(page, 'Download flagged rows (CSV)');
  expect(flagged.name).toBe('headlines-demo-flagged.csv');
  const [header, ...rows] = flagged.rows;
  expect(header).toEqual([
    'rank',
    'index',
    'row',
    'given_label',
    'suggested_label',
    'label_quality',
    'given_probability',
    'suggested_probability',
    'id',
    'text',
    'is_error',
    'p_sports',
    'p_weather',
    'p_cooking',
    'p_technology',
  ]);
  expect(rows.map((r) => Number(r[1]))).toEqual(issues);
  rows.forEach((row, r) => {
    const i = issues[r];
    expect(row[0]).toBe(String(r + 1));
    expect(row[2]).toBe(String(i + 1)); // row N = the N-th data row
    expect(row[3]).toBe(names[dataset.labels[i]]);
    expect(row[4]).toBe(names[report.suggestedLabel[i]]);
    expect(Number(row[5])).toBe(report.labelQuality[i]); // exact: shortest round-trip numbers
    expect(Number(row[6])).toBe(report.givenProbability[i]);
    expect(Number(row[7])).toBe(report.suggestedProbability[i]);
    expect(row[9]).toBe(source[i + 1][1]); // the text, as in the file
    expect(row.slice(11).map(Number)).toEqual(source[i + 1].slice(3, 7).map(Number));
  });
  expect([rows[0][8], rows[0][9], rows[0][3], rows[0][4]]).toEqual([
    '4',
    'Slow-roasted lamb with garlic and rosemary in five steps',
    'technology',
    'cooking',
  ]);
  expect(rows[0][10]).toBe('1');

  // The full dataset with p_<class>, known truth, suggested_label and is_label_issue; quoted text survives.
  const full = await downloadCsv(page, 'Download all rows + audit (CSV)');
  expect(full.name).toBe('headlines-demo-all-rows-with-audit.csv');
  const [fullHeader, ...all] = full.rows;
  expect(fullHeader).toEqual([
    'index',
    'row',
    'id',
    'text',
    'label',
    'p_sports',
    'p_weather',
    'p_cooking',
    'p_technology',
    'true_label',
    'is_error',
    'suggested_label',
    'is_label_issue',
    'label_quality',
    'decision',
    'final_label',
  ]);
  expect(all).toHaveLength(49);
  all.forEach((row, i) => {
    expect(row.slice(0, 2)).toEqual([String(i), String(i + 1)]);
    expect(row.slice(2, 4)).toEqual(source[i + 1].slice(0, 2));
    expect(row[4]).toBe(source[i + 1][2]);
    expect(row.slice(5, 9).map(Number)).toEqual(source[i + 1].slice(3, 7).map(Number));
    expect(row[9]).toBe(source[i + 1][7]);
    expect(row[10]).toBe(source[i + 1][7] === source[i + 1][2] ? '0' : '1');
    expect(row[11]).toBe(names[report.suggestedLabel[i]]);
    expect(row[12]).toBe(report.isLabelIssue[i] ? 'true' : 'false');
    expect(Number(row[13])).toBe(report.labelQuality[i]);
    expect(row.slice(14)).toEqual(['', '']); // nothing decided yet
  });
  const quoted = all.filter((row) => /[",]/.test(row[3]));
  expect(quoted.length).toBeGreaterThanOrEqual(2); // ids 14 and 45 hold a comma and quotes

  // Nothing moved: same settings, same rows, same selected row, no new read or audit.
  await expect(app(page).getByLabel('Find issues with')).toHaveValue('both');
  expect(await tableIndices(page)).toEqual(before.rows);
  await expect(app(page).locator('.detail')).toHaveText(before.detail);
  expect(await pageStats(page)).toEqual({ reads: 1, audits: 2 });
});
