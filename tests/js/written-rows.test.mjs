// A table whose probabilities are computed here is kept as its file wrote it: the detail pane shows
// every cell ("36.0", "1e-3", "0.50", a quoted cell with a comma and a line break, a text column the
// trainer did not read) and the all-rows export writes each row's own bytes with the audit and the
// person's decisions added, and reads back as the same data (src/js/written-rows.js,
// written-export.js, exports.js fullDatasetCsv, web/controllers/columns.js rowCells). Runs the web
// modules under Node (`node --import ./tests/js/web-layout.mjs --test`); LABELSCOPE_CORE=path/to/
// labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';
import { decisionsHeader, fullDatasetCsv } from '../../src/js/exports.js';
import { parseCsv } from '../../src/js/truth.js';
import { ParquetRows, rowsAsWritten } from '../../src/js/parquet-rows.js';
import { splitCells, WrittenRows } from '../../src/js/written-rows.js';
import { labelPlace, rowCells } from '../../web/controllers/columns.js';
import { computedFrom } from '../../web/ui/computed.js';
import { Decisions } from '../../web/ui/decisions.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const HEADER = 'visit_id,age,dose,score,comment,remark,risk,outcome';

/**
 * 60 visits, CRLF line ends: numbers as a person typed them (36.0, 1e-3, 0.50), a comment with a comma
 * and a line break (a second text column: the trainer reads only 'remark'), a risk score in [0, 1],
 * a formula-like remark on row 8; every 9th outcome mislabelled.
 */
function visits() {
  const rows = [];
  for (let i = 0; i < 60; i++) {
    const t = i % 3;
    rows.push([
      `V${i}`,
      `${30 + t * 10 + (i % 4)}.0`,
      i % 5 ? `${t + 1}e-3` : '0.010',
      `0.${t}0`,
      `"note ${i}, seen\nagain ""twice"""`,
      i === 7 ? '=SUM(1+1)' : `remark ${i} about the ${['cat', 'dog', 'owl'][t]} and words ${i % 11}`,
      `0.${((i * 37) % 90) + 10}`,
      ['a', 'b', 'c'][i % 9 === 4 ? (t + 1) % 3 : t],
    ]);
  }
  return { text: `\ufeff${[HEADER, ...rows.map((r) => r.join(','))].join('\r\n')}\r\n\r\n`, rows };
}

async function computed() {
  const { text, rows } = visits();
  const entries = [{ role: 'combined', file: { name: 'visits.csv' }, looksLikeFeatures: true, columns: [] }];
  const options = { labelColumn: 'outcome' };
  const result = await ls.crossValProbs({ combined: { name: 'visits.csv', data: text } }, options);
  const dataset = await ls.datasetFromCrossVal(result);
  dataset.computed = computedFrom(result, entries, options);
  return { dataset, rows, text, report: ls.audit(dataset, {}) };
}

const unquote = (cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('a table’s rows as its file wrote them', () => {
  test('every row’s cells, exactly, however the file is cut into pieces', async () => {
    const { text, rows } = visits();
    for (const chunkSize of [0, 1, 2, 3, 7, 64]) {
      const written = await WrittenRows.read({ name: 'visits.csv', data: text }, { chunkSize, expectedRows: 60 });
      assert.equal(written.numRows, 60);
      assert.deepEqual(
        written.header.map((c) => c.value),
        HEADER.split(','),
      );
      for (const i of [0, 4, 7, 59]) {
        const cells = await written.cells(i);
        assert.deepEqual(
          cells.map((c) => c.raw),
          rows[i],
          `row ${i + 1}, pieces of ${chunkSize}`,
        );
        assert.deepEqual(
          cells.map((c) => c.value),
          rows[i].map(unquote),
        );
      }
    }
    assert.equal((await (await WrittenRows.read({ data: text })).cells(0))[4].value, 'note 0, seen\nagain "twice"');
  });

  test('tabs and semicolons, LF and CR line ends, blank lines before the header', async () => {
    const tsv = 'id\tx\tlabel\n1\t"a\tb"\tu\r2\t1e-3\tv';
    const w = await WrittenRows.read({ data: tsv }, { expectedRows: 2 });
    assert.equal(w.delimiter, '\t');
    assert.deepEqual(
      (await w.cells(0)).map((c) => c.value),
      ['1', 'a\tb', 'u'],
    );
    assert.deepEqual(
      (await w.cells(1)).map((c) => c.value),
      ['2', '1e-3', 'v'],
    );
    const semi = await WrittenRows.read({ data: 'id;x;label\n1;0,50;u\n' });
    const blanks = await WrittenRows.read({ data: '\n \nid,x\n1,2\n\n' }, { expectedRows: 1 });
    assert.deepEqual(
      (await blanks.cells(0)).map((c) => c.raw),
      ['1', '2'],
    );
    assert.equal(semi.delimiter, ';');
    assert.deepEqual(
      (await semi.cells(0)).map((c) => c.value),
      ['1', '0,50', 'u'],
    );
    assert.deepEqual(
      splitCells('"a,""b""",,c', ',').map((c) => c.value),
      ['a,"b"', '', 'c'],
    );
  });

  test('indexing stops when its signal is aborted (another dataset came)', async () => {
    const stop = new AbortController();
    stop.abort(new Error('another dataset'));
    await assert.rejects(WrittenRows.read({ data: visits().text }, { signal: stop.signal }), /another dataset/);
  });

  test('a file that no longer has the rows the dataset had is refused, naming it', async () => {
    const { text } = visits();
    await assert.rejects(WrittenRows.read({ name: 'visits.csv', data: text }, { expectedRows: 61 }), (e) => {
      assert.equal(e.code, 'invalid_option');
      assert.match(e.message, /visits\.csv now has 60 data rows, not the 61/);
      return true;
    });
  });

  test('the detail pane’s cells: every column, as written, beside the trainer’s use', async () => {
    const { dataset, rows, text } = await computed();
    const written = await WrittenRows.read({ name: 'visits.csv', data: text }, { expectedRows: dataset.numExamples });
    const kept = rowCells(dataset, 0);
    // Without the file: the ignored comment is not kept, and the numbers are the reader's ("30.0" reads 30).
    assert.equal(kept.find((c) => c.name === 'comment').value, null);
    assert.equal(kept.find((c) => c.name === 'age').value, '30');
    const cells = rowCells(dataset, 0, await written.namedCells(0));
    assert.deepEqual(
      cells.map((c) => c.name),
      HEADER.split(','),
    );
    assert.deepEqual(
      cells.map((c) => c.value),
      rows[0].map(unquote),
    );
    assert.deepEqual(
      cells.slice(1, 4).map((c) => c.value),
      ['30.0', '0.010', '0.00'],
    );
    assert.equal(cells[4].value, 'note 0, seen\nagain "twice"');
    assert.equal(cells[4].use, 'not used');
    assert.equal(cells[1].use, 'number');
  });
});

describe('a column named like probabilities (p_score) is the table’s own', () => {
  test('computed here, shown as written, exported as data_p_score; read back, the probabilities are the model’s', async () => {
    const lines = ['id,x,p_score,label'];
    for (let i = 0; i < 60; i++)
      lines.push(`${i},${(i % 3) + (i % 7) / 10},0.${((i * 37) % 90) + 10}0,${'abc'[i % 3]}`);
    const text = `${lines.join('\n')}\n`;
    const result = await ls.crossValProbs({ combined: { name: 'scored.csv', data: text } }, {});
    const dataset = await ls.datasetFromCrossVal(result);
    assert.deepEqual(dataset.classNames, ['a', 'b', 'c']);
    assert.deepEqual(dataset.probabilityRows(0, 60), result.predProbs);
    const entries = [{ role: 'combined', file: { name: 'scored.csv' }, looksLikeFeatures: true, columns: [] }];
    dataset.computed = computedFrom(result, entries, {});
    const written = await WrittenRows.read({ data: text }, { expectedRows: 60 });
    assert.equal(rowCells(dataset, 1, await written.namedCells(1))[2].value, '0.470');
    const report = ls.audit(dataset, {});
    const out = await new Blob(
      await fullDatasetCsv({ dataset, report }, { labelColumn: labelPlace(dataset), written }),
    ).text();
    assert.ok(out.startsWith('index,row,id,x,data_p_score,label,p_a,p_b,p_c,'), out.slice(0, 80));
    const back = await ls.readDataset({ combined: { name: 'export.csv', data: out } });
    assert.deepEqual(back.probabilityRows(0, 60), result.predProbs);
  });
});

describe('a Parquet table: its typed values, every column', () => {
  test('the detail pane and the all-rows export keep the column the trainer did not read', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const { rows } = visits();
    const column = (c) => rows.map((r) => unquote(r[c]));
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'visit_id', data: column(0), type: 'STRING' },
          { name: 'age', data: column(1).map(Number), type: 'DOUBLE' },
          { name: 'dose', data: column(2).map(Number), type: 'DOUBLE' },
          { name: 'comment', data: column(4), type: 'STRING' },
          { name: 'remark', data: column(5), type: 'STRING' },
          { name: 'outcome', data: column(7), type: 'STRING' },
        ],
      }),
    );
    const source = { name: 'visits.parquet', data: bytes };
    const options = { labelColumn: 'outcome' };
    const result = await ls.crossValProbs({ combined: source }, options);
    const dataset = await ls.datasetFromCrossVal(result);
    const entries = [{ role: 'combined', format: 'parquet', file: { name: 'visits.parquet' }, columns: null }];
    dataset.computed = computedFrom(result, entries, options);
    assert.equal(dataset.computed.columns.find((c) => c.name === 'comment').use, 'ignored');
    const written = await WrittenRows.read(source, { expectedRows: 60 });
    // The pane reads one row at random (ParquetRows); the export writes the table out: the same text.
    const atRandom = await rowsAsWritten(source, { expectedRows: 60 });
    assert.ok(atRandom instanceof ParquetRows);
    for (const i of [0, 4, 59]) {
      assert.deepEqual(
        await atRandom.namedCells(i),
        (await written.namedCells(i)).map(({ name, value }) => ({ name, value })),
      );
    }
    assert.equal((await atRandom.table()).numRows, 60);
    await assert.rejects(rowsAsWritten(source, { expectedRows: 61 }), /now has 60 rows, not the 61/);
    const cells = rowCells(dataset, 4, await atRandom.namedCells(4));
    assert.deepEqual(
      cells.map((c) => [c.name, c.value]),
      [
        ['visit_id', 'V4'],
        ['age', '40'], // a double: its shortest form
        ['dose', '0.002'],
        ['comment', 'note 4, seen\nagain "twice"'],
        ['remark', rows[4][5]],
        ['outcome', dataset.classNames[dataset.labels[4]]],
      ],
    );
    const report = ls.audit(dataset, {});
    const out = await new Blob(
      await fullDatasetCsv({ dataset, report }, { labelColumn: labelPlace(dataset), written }),
    ).text();
    const [header, ...lines] = parseCsv(out);
    assert.deepEqual(header.slice(0, 9), [
      'index',
      'row',
      'visit_id',
      'age',
      'dose',
      'comment',
      'remark',
      'outcome',
      'label',
    ]);
    assert.deepEqual(lines[4].slice(2, 8), [
      'V4',
      '40',
      '0.002',
      'note 4, seen\nagain "twice"',
      rows[4][5],
      rows[4][7],
    ]);
    const back = await ls.readDataset({ combined: { name: 'export.csv', data: out } });
    assert.deepEqual(back.labels, dataset.labels);
  });
});

describe('the all-rows export of a table kept as written', () => {
  test('each row’s own bytes between index, row and the audit; decisions; reads back as the same data', async () => {
    const { dataset, report, rows, text } = await computed();
    const written = await WrittenRows.read({ name: 'visits.csv', data: text }, { expectedRows: dataset.numExamples });
    const decisions = new Decisions();
    const flagged = report.issues[0];
    decisions.set(flagged, 'accept', {
      given: dataset.labels[flagged],
      suggested: report.suggestedLabel[flagged],
      label: -1,
    });
    decisions.set(3, 'relabel', { given: dataset.labels[3], suggested: report.suggestedLabel[3], label: 2 });
    const labelColumn = labelPlace(dataset);
    const parts = await fullDatasetCsv({ dataset, report, decisions }, { labelColumn, written });
    const out = await new Blob(parts).text();
    const lines = out.split('\n');
    const names = dataset.classNames;
    assert.equal(
      lines[0],
      'index,row,visit_id,age,dose,score,comment,remark,risk,outcome,label,' +
        `${names.map((c) => `p_${c}`).join(',')},suggested_label,is_label_issue,label_quality,decision,final_label`,
    );
    // Row 1: its own bytes exactly (CRLF dropped: the export's lines end in LF), then the audit.
    const own = rows[0].join(',');
    assert.ok(out.includes(`\n0,1,${own},a,`), 'row 1 written byte for byte');
    assert.ok(out.includes(`\n5,6,${rows[5].join(',')},`), 'row 6 written byte for byte');
    // The formula-like remark of row 8 gets its leading ' (the one change to a cell), the rest as written.
    const guarded = rows[7].map((c) => (c === '=SUM(1+1)' ? "'=SUM(1+1)" : c)).join(',');
    assert.ok(out.includes(`\n7,8,${guarded},`), 'row 8 guarded');
    const table = parseCsv(out);
    assert.equal(table.length, 61);
    const col = (name) => table[0].indexOf(name);
    for (let i = 0; i < 60; i++) {
      const line = table[i + 1];
      assert.equal(line[col('index')], String(i));
      assert.equal(line[col('row')], String(i + 1));
      assert.deepEqual(line.slice(2, 10), i === 7 ? rows[i].map(unquote).with(5, "'=SUM(1+1)") : rows[i].map(unquote));
      assert.equal(line[col('suggested_label')], names[report.suggestedLabel[i]]);
      const entry = decisions.get(i);
      assert.equal(line[col('decision')], entry ? entry.decision : '');
      assert.equal(line[col('final_label')], entry ? names[entry.label] : '');
    }
    assert.equal(table[4][col('decision')], 'relabel');
    assert.equal(table[4][col('final_label')], names[2]);
    const back = await ls.readDataset({ combined: { name: 'export.csv', data: out } });
    assert.deepEqual(back.classNames, names);
    assert.deepEqual(back.labels, dataset.labels);
    assert.deepEqual(back.probabilityRows(0, back.numExamples), dataset.probabilityRows(0, dataset.numExamples));
    assert.deepEqual(ls.audit(back, {}).issues, report.issues);
  });

  test('a tab-separated table stays tab-separated; a clashing header name gets data_', async () => {
    const lines = ['id\tsize\tsuggested_label\tlabel'];
    for (let i = 0; i < 40; i++) lines.push(`${i}\t${(i % 4) + 1}.0\t"x ${i}"\t${['u', 'v'][(i >> 2) % 2]}`);
    const text = `${lines.join('\n')}\n`;
    const result = await ls.crossValProbs({ combined: { name: 't.tsv', data: text } }, { labelColumn: 'label' });
    const dataset = await ls.datasetFromCrossVal(result);
    const entries = [{ role: 'combined', file: { name: 't.tsv' }, looksLikeFeatures: true, columns: [] }];
    dataset.computed = computedFrom(result, entries, { labelColumn: 'label' });
    const report = ls.audit(dataset, {});
    const written = await WrittenRows.read({ data: text }, { expectedRows: 40 });
    const out = await new Blob(
      await fullDatasetCsv({ dataset, report }, { labelColumn: labelPlace(dataset), written }),
    ).text();
    const [header, first] = out.split('\n');
    assert.equal(header.split('\t').slice(0, 6).join(','), 'index,row,id,size,data_suggested_label,label');
    assert.ok(first.startsWith(`0\t1\t${lines[1]}\t`), first);
    const back = await ls.readDataset({ combined: { name: 'export.tsv', data: out } });
    assert.deepEqual(back.labels, dataset.labels);
  });

  test("a cell a spreadsheet would run as a formula gets its leading ', every other row is copied", async () => {
    const cells = [
      '-1',
      '-x',
      '+1 555',
      '@a',
      '"=b"',
      '\tq',
      'a-b',
      '1e-3',
      '-1e-3',
      '"-2"',
      '- 3',
      '"\rz"',
      '.5',
      '-.5e+2',
    ];
    const lines = ['id,value,label'];
    cells.forEach((cell, i) => lines.push(`${i},${cell},${i % 2 ? 'u' : 'v'}`));
    const text = `${lines.join('\n')}\n`;
    const n = cells.length;
    const dataset = {
      classNames: ['u', 'v'],
      labels: Int32Array.from(cells, (_, i) => (i % 2 ? 0 : 1)),
      numExamples: n,
      probabilityRows: (start, count) => new Float64Array(count * 2).fill(0.5),
    };
    const report = {
      suggestedLabel: dataset.labels,
      isLabelIssue: new Uint8Array(n),
      labelQuality: new Float64Array(n),
    };
    const written = await WrittenRows.read({ data: text }, { expectedRows: n });
    const labelColumn = { name: 'label', at: 1 };
    const out = await new Blob(await fullDatasetCsv({ dataset, report }, { labelColumn, written })).text();
    const table = parseCsv(out).slice(1);
    const unquoted = cells.map(unquote);
    const guarded = unquoted.filter((v, i) => table[i][3] !== v);
    assert.deepEqual(guarded, ['-x', '+1 555', '@a', '=b', '\tq', '- 3', '\rz']);
    table.forEach((row, i) => assert.equal(row[3], guarded.includes(unquoted[i]) ? `'${unquoted[i]}` : unquoted[i]));
    // Rows without one: their bytes as written.
    for (const i of [0, 6, 7, 8, 9, 12, 13]) assert.ok(out.includes(`\n${i},${i + 1},${lines[i + 1]},`), lines[i + 1]);
  });

  test('the other datasets: the decisions come after the audit', async () => {
    const { dataset, report } = await computed();
    const decisions = new Decisions();
    decisions.set(2, 'keep', { given: dataset.labels[2], suggested: report.suggestedLabel[2], label: -1 });
    const text = (await fullDatasetCsv({ dataset, report, decisions })).join('');
    const [header, ...lines] = parseCsv(text);
    assert.deepEqual(header.slice(-5), [
      'suggested_label',
      'is_label_issue',
      'label_quality',
      'decision',
      'final_label',
    ]);
    assert.deepEqual(lines[2].slice(-2), ['keep', dataset.classNames[dataset.labels[2]]]);
    assert.deepEqual(lines[1].slice(-2), ['', '']);
  });

  test('a table holding the decisions columns (decision, final_label) never trains on them', async () => {
    // final_label repeats the label on decided rows: as a feature it would leak the answer.
    const { rows } = visits();
    const lines = [`${HEADER},decision,final_label`];
    rows.forEach((r, i) => lines.push([...r, i % 4 ? '' : 'keep', i % 4 ? '' : r[7]].join(',')));
    const data = `${lines.join('\n')}\n`;
    const { columns } = await ls.crossValColumns(
      { combined: { name: 'decided.csv', data } },
      { labelColumn: 'outcome' },
    );
    const use = Object.fromEntries(columns.map((c) => [c.name, c.use]));
    assert.equal(use.decision, 'ignored');
    assert.equal(use.final_label, 'ignored');
    assert.equal(use.age, 'numeric');
  });

  test('every export starts index, row (the flagged rows: rank, index, row)', () => {
    assert.match(decisionsHeader(['id']), /^index,row,id,given_label,/);
  });
});
