// A table whose probabilities are computed here is shown and exported as its file wrote it (a newcomer's
// trial: "36.0" showed as 36, a free-text column the trainer did not read was missing). The detail pane
// reads the row again from the dropped file: every cell, 30.0 / 1e-3 / 0.50 as typed, a quoted cell with a
// comma and a line break. "Download all rows + audit" writes each row's own bytes between index, row and
// labelscope's columns, with the person's decision and final_label.
// LABELSCOPE_E2E_WASM_DIR=DIR serves DIR's core (fixtures.mjs), e.g. a build newer than dist/.
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { app, dropFiles, expect, openApp, parseCsv, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

const HEADER = 'visit_id,age,dose,score,comment,remark,outcome';
const OUTCOMES = ['admitted', 'discharged', 'icu'];

/** 90 visits, CRLF line ends; every 9th outcome mislabelled. The comment is a second text column: not read. */
function visits() {
  const rows = [];
  for (let i = 0; i < 90; i++) {
    const t = i % 3;
    rows.push([
      `V${1000 + i}`,
      `${30 + t * 10 + (i % 4)}.0`,
      i % 5 ? `${t + 1}e-3` : '0.010',
      `0.${t}0`,
      `"note ${i}, seen\nagain ""twice"""`,
      `remark ${i} about the ${['cough', 'fracture', 'stroke'][t]} and words ${i % 11}`,
      OUTCOMES[i % 9 === 4 ? (t + 1) % 3 : t],
    ]);
  }
  return { rows, text: `${[HEADER, ...rows.map((r) => r.join(','))].join('\r\n')}\r\n` };
}

const grid = (page) => app(page).locator('[role=grid]');
const fileRow = (page, name) =>
  app(page).locator('.file-list li', { has: page.locator('.file-name', { hasText: name }) });
const unquote = (cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

async function computeVisits(page) {
  const data = visits();
  await openApp(page);
  await dropFiles(page, [{ name: 'visits.csv', text: data.text }]);
  await fileRow(page, 'visits.csv').locator('select.label-column').selectOption('outcome');
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await expect(app(page).locator('.cv-panel')).toHaveAttribute('data-state', 'done');
  return data;
}

test('the detail pane shows every cell of the row as the file wrote it', async ({ page }, testInfo) => {
  const { rows } = await computeVisits(page);
  await app(page).getByLabel('Show').selectOption('all');
  await app(page).getByLabel('Sort by').selectOption('index');
  await grid(page).locator('.vt-row[data-index="5"]').click();
  const cells = app(page).locator('.detail .detail-cell');
  await expect(cells.locator('dt')).toHaveText(HEADER.split(','));
  await expect(cells.locator('.missing')).toHaveCount(0); // nothing "not kept", nothing "reading…"
  const values = await cells.locator('dd bdi').evaluateAll((list) => list.map((el) => el.textContent));
  expect(values).toEqual(rows[5].map(unquote));
  expect(values.slice(1, 4)).toEqual(['51.0', '0.010', '0.20']);
  expect(values[4]).toBe('note 5, seen\nagain "twice"');
  await expect(cells.nth(4).locator('.detail-use')).toHaveText('not used');
  await screenshotsAtSizes(page, testInfo, 'written-rows-detail', {
    show: () =>
      app(page)
        .locator('.detail .detail-row')
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8)),
  });

  // Another row: read again from the file.
  await grid(page).locator('.vt-row[data-index="6"]').click();
  await expect(cells.nth(2).locator('bdi')).toHaveText('1e-3');
  await expect(cells.nth(4).locator('bdi')).toContainText('note 6, seen');
});

test('"Download all rows + audit" writes each row as written, then the audit and the decisions', async ({
  page,
}, testInfo) => {
  const { rows } = await computeVisits(page);
  // Accept the suggestion on the first flagged row.
  await grid(page).locator('.vt-row[data-position="0"]').click();
  const decided = Number(await grid(page).locator('.vt-row[data-position="0"]').getAttribute('data-index'));
  await grid(page).focus();
  await page.keyboard.press('a');
  await expect(grid(page).locator(`.vt-row[data-index="${decided}"] .vt-c-decision`)).not.toHaveText('');
  const button = app(page).getByRole('button', { name: 'Download all rows + audit (CSV)' });
  await expect(button).toHaveAttribute('title', /as written.*decision and final_label/);
  await screenshotsAtSizes(page, testInfo, 'written-rows-exports', {
    show: () =>
      app(page)
        .locator('.review-head')
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8)),
  });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('visits-all-rows-with-audit.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.split('\n');
  expect(lines[0].startsWith(`index,row,${HEADER},label,p_admitted,p_discharged,p_icu,`)).toBe(true);
  expect(lines[0].endsWith(',suggested_label,is_label_issue,label_quality,decision,final_label')).toBe(true);
  // Each row's own bytes, byte for byte (the quoted comment with its comma, line break and quotes too).
  rows.forEach((row, i) => {
    expect(text.includes(`\n${i},${i + 1},${row.join(',')},${row[6]},`), `row ${i + 1}`).toBe(true);
  });
  const [head, ...table] = parseCsv(text);
  expect(table).toHaveLength(rows.length);
  const at = (name) => head.indexOf(name);
  table.forEach((line, i) => {
    expect(line.slice(2, 9)).toEqual(rows[i].map(unquote));
    const decision = i === decided ? 'accept' : '';
    expect(line[at('decision')]).toBe(decision);
    if (i === decided) expect(line[at('final_label')]).toBe(line[at('suggested_label')]);
    else expect(line[at('final_label')]).toBe('');
  });
});

test('a Parquet table: its typed values, and the column the trainer did not read, in the pane and the export', async ({
  page,
}) => {
  const { rows } = visits();
  const column = (c) => rows.map((r) => unquote(r[c]));
  const parquet = Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'visit_id', data: column(0), type: 'STRING' },
        { name: 'age', data: column(1).map(Number), type: 'DOUBLE' },
        { name: 'comment', data: column(4), type: 'STRING' },
        { name: 'remark', data: column(5), type: 'STRING' },
        { name: 'outcome', data: column(6), type: 'STRING' },
      ],
    }),
  );
  await openApp(page);
  await dropFiles(page, [{ name: 'visits.parquet', mimeType: 'application/octet-stream', buffer: parquet }]);
  await fileRow(page, 'visits.parquet').locator('select.label-column').selectOption('outcome');
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  await app(page).getByLabel('Show').selectOption('all');
  await app(page).getByLabel('Sort by').selectOption('index');
  await grid(page).locator('.vt-row[data-index="5"]').click();
  const cells = app(page).locator('.detail .detail-cell');
  await expect(cells.locator('dt')).toHaveText(['visit_id', 'age', 'comment', 'remark', 'outcome']);
  await expect(cells.locator('.missing')).toHaveCount(0);
  const values = await cells.locator('dd bdi').evaluateAll((list) => list.map((el) => el.textContent));
  expect(values).toEqual(['V1005', '51', 'note 5, seen\nagain "twice"', rows[5][5], rows[5][6]]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByRole('button', { name: 'Download all rows + audit (CSV)' }).click(),
  ]);
  const [head, ...table] = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(head.slice(0, 8)).toEqual(['index', 'row', 'visit_id', 'age', 'comment', 'remark', 'outcome', 'label']);
  expect(table).toHaveLength(rows.length);
  expect(table[5].slice(2, 7)).toEqual(values);
});

test('a tab-separated table is exported tab-separated, as .tsv, each row as written', async ({ page }) => {
  const { rows } = visits();
  const tsv = rows.map((r) => r.map(unquote).map((c) => (c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c)));
  const text = `${[HEADER.split(','), ...tsv].map((r) => r.join('\t')).join('\n')}\n`;
  await openApp(page);
  await dropFiles(page, [{ name: 'visits.tsv', text }]);
  await fileRow(page, 'visits.tsv').locator('select.label-column').selectOption('outcome');
  await app(page)
    .getByRole('button', { name: /Compute out-of-sample probabilities here/ })
    .click();
  await waitReady(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByRole('button', { name: 'Download all rows + audit (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('visits-all-rows-with-audit.tsv');
  const out = readFileSync(await download.path(), 'utf8');
  expect(out.startsWith(`index\trow\t${HEADER.split(',').join('\t')}\tlabel\tp_admitted\t`)).toBe(true);
  tsv.forEach((row, i) => expect(out.includes(`\n${i}\t${i + 1}\t${row.join('\t')}\t`), `row ${i + 1}`).toBe(true));
});
