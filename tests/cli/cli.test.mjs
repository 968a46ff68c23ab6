// The command line itself: formats, --out, .npy and --data input, exit codes and messages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { CLI, GOLDEN, HEADLINES, jsonOf, npyBytes, parseCsv, readCsvPair, ROOT, runCli, tempDir } from './helpers.mjs';

const H_LABELS = path.join(HEADLINES, 'labels.csv');
const H_PROBS = path.join(HEADLINES, 'pred_probs.csv');
const H_DATA = path.join(HEADLINES, 'dataset.csv');
const H = ['--labels', H_LABELS, '--pred-probs', H_PROBS];
const TINY = path.join(GOLDEN, 'typical_n2000_k5');
const T = ['--labels', path.join(TINY, 'labels.csv'), '--pred-probs', path.join(TINY, 'pred_probs.csv')];

const tmp = tempDir();
const write = (name, text) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('output formats', () => {
  test('find-issues --format csv parses back to the JSON indices, in rank order', () => {
    for (const rankBy of ['self_confidence', 'normalized_margin', 'none']) {
      const json = jsonOf(runCli(['find-issues', ...T, '--rank-by', rankBy]));
      const r = runCli(['find-issues', ...T, '--rank-by', rankBy, '--format', 'csv']);
      assert.equal(r.status, 0, r.stderr);
      const [header, ...rows] = parseCsv(r.stdout);
      assert.deepEqual(header, ['rank', 'index', 'label_quality', 'given_label', 'suggested_label']);
      assert.deepEqual(
        rows.map((row) => Number(row[1])),
        json.indices,
      );
      assert.deepEqual(
        rows.map((row) => Number(row[0])),
        json.indices.map((_, i) => i + 1),
      );
      if (rankBy !== 'none') {
        const q = rows.map((row) => Number(row[2]));
        assert.ok(
          q.every((x, i) => i === 0 || q[i - 1] <= x),
          'label_quality ascends with rank',
        );
      }
    }
  });

  test('find-issues CSV: label_quality is the score of --rank-by, labels are class names', () => {
    const scores = jsonOf(runCli(['scores', ...H, '--method', 'normalized_margin'])).scores;
    const r = runCli(['find-issues', ...H, '--rank-by', 'normalized_margin', '--format', 'csv']);
    const rows = parseCsv(r.stdout).slice(1);
    assert.ok(rows.length > 0);
    const names = new Set(['sports', 'weather', 'cooking', 'technology']);
    for (const [, index, quality, given, suggested] of rows) {
      assert.equal(Number(quality), scores[Number(index)]); // shortest round-trip text: exact
      assert.ok(names.has(given) && names.has(suggested) && given !== suggested, `${given} -> ${suggested}`);
    }
  });

  test('scores --format csv parses back to the JSON scores exactly', () => {
    const json = jsonOf(runCli(['scores', ...T, '--method', 'confidence_weighted_entropy']));
    const r = runCli(['scores', ...T, '--method', 'confidence_weighted_entropy', '--format', 'csv']);
    const [header, ...rows] = parseCsv(r.stdout);
    assert.deepEqual(header, ['index', 'score']);
    assert.deepEqual(
      rows.map((row) => Number(row[0])),
      json.scores.map((_, i) => i),
    );
    assert.deepEqual(
      rows.map((row) => Number(row[1])),
      json.scores,
    );
  });

  test('--out writes the same text to a file and nothing to stdout', () => {
    for (const format of ['json', 'csv']) {
      const out = path.join(tmp, `out.${format}`);
      const r = runCli(['find-issues', ...T, '--format', format, '--out', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(fs.readFileSync(out, 'utf8'), runCli(['find-issues', ...T, '--format', format]).stdout);
    }
  });

  test('warnings: in the JSON once; on stderr with --format csv', () => {
    const U = path.join(GOLDEN, 'unnormalized_rows_k4');
    const input = [
      '--labels',
      path.join(U, 'labels.csv'),
      '--pred-probs',
      path.join(U, 'pred_probs.csv'),
      '--allow-unnormalized',
    ];
    const json = jsonOf(runCli(['find-issues', ...input]));
    assert.deepEqual(
      json.warnings.map((w) => w.code),
      ['rows_not_normalized'],
    );
    assert.equal(json.warnings[0].count, 299);
    const csv = runCli(['find-issues', ...input, '--format', 'csv']);
    assert.equal(csv.status, 0);
    assert.match(csv.stderr, /^labelscope: warning: 299 row\(s\) of pred_probs do not sum to 1/);
    assert.equal(csv.stderr.trim().split('\n').length, 1);
  });

  test('probabilities whose rows mostly do not sum to 1 are refused: exit 3, what they look like, what to do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-features-'));
    const data = path.join(dir, 'features.csv');
    // Four features scaled to [0, 1] and an integer label: no model, so no probabilities.
    fs.writeFileSync(
      data,
      'f1,f2,f3,f4,label\n0.2,0.5,0.3,0.9,0\n0.7,0.1,0.4,0.2,1\n0.3,0.3,0.8,0.6,2\n' +
        '0.9,0.6,0.2,0.1,3\n0.1,0.9,0.5,0.4,1\n',
    );
    for (const command of ['find-issues', 'scores', 'health', 'audit']) {
      const r = runCli([command, '--data', data]);
      assert.equal(r.status, 3, `${command}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^labelscope: .*features\.csv, row 1, column 1: 5 of 5 rows do not sum to 1/);
      assert.match(r.stderr, /f1, f2, f3, f4 look like features/);
      assert.match(r.stderr, /cross_val_predict/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    const allowed = runCli(['find-issues', '--data', data, '--allow-unnormalized']);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(jsonOf(allowed).warnings[0].code, 'rows_not_normalized');
  });

  test('into a pipe, progress comes as whole lines (no carriage returns); --quiet silences it', () => {
    // The wait set to 0 (src/cli/progress.mjs): into a pipe, runs shorter than ten seconds show nothing.
    const env = { ...process.env, LABELSCOPE_PROGRESS_DELAY_MS: '0' };
    const r = runCli(['audit', ...T], { env });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!r.stderr.includes('\r'), 'no carriage returns into a pipe');
    assert.ok(r.stderr.endsWith('\n'), 'every line is ended');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.match(lines[0], /^labelscope: reading .*labels\.csv: \d+% of \d+\.\d MB$/);
    assert.equal(lines.at(-1), 'labelscope: analysing 2000 examples...');
    const quiet = runCli(['audit', ...T, '--quiet'], { env });
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stderr, '');
    assert.equal(quiet.stdout, r.stdout);
  });
});

describe('inputs', () => {
  test('.npy labels and pred_probs give the same result as the CSV files', () => {
    const { labels, rows } = readCsvPair(path.join(TINY, 'labels.csv'), path.join(TINY, 'pred_probs.csv'));
    const npyLabels = write('labels.npy', npyBytes(labels, [labels.length], '<i8'));
    const npyProbs = write('pred_probs.npy', npyBytes(rows.flat(), [rows.length, rows[0].length], '<f8'));
    for (const args of [
      ['find-issues'],
      ['find-issues', '--filter-by', 'both', '--rank-by', 'none'],
      ['scores', '--method', 'normalized_margin'],
    ]) {
      const fromCsv = jsonOf(runCli([...args, ...T]));
      assert.deepEqual(jsonOf(runCli([...args, '--labels', npyLabels, '--pred-probs', npyProbs])), fromCsv);
      assert.deepEqual(
        jsonOf(runCli([...args, '--labels', path.join(TINY, 'labels.csv'), '--pred-probs', npyProbs])),
        fromCsv,
      );
    }
  });

  test('--data examples/headlines/dataset.csv matches labels.csv + pred_probs.csv', () => {
    for (const command of ['find-issues', 'scores', 'health']) {
      const split = jsonOf(runCli([command, ...H]));
      const combined = jsonOf(runCli([command, '--data', H_DATA]));
      assert.deepEqual(combined, split, command);
    }
    assert.deepEqual(jsonOf(runCli(['find-issues', '--data', H_DATA])).indices, [3, 2, 39, 6, 21, 9]);
  });

  test('audit --data: rows, class names and the id/text columns of each flagged example', () => {
    const out = jsonOf(runCli(['audit', '--data', H_DATA]));
    assert.deepEqual(out.class_names, ['sports', 'weather', 'cooking', 'technology']);
    assert.equal(out.n, 49);
    assert.equal(out.num_issues, out.issues.length);
    assert.deepEqual(
      out.issues.map((x) => x.index),
      [3, 2, 39, 6, 21, 9],
    );
    const lines = parseCsv(fs.readFileSync(H_DATA, 'utf8'));
    const header = lines[0];
    for (const issue of out.issues) {
      const line = lines[issue.row]; // row N = the N-th data row: lines[0] is the header
      assert.equal(issue.row, issue.index + 1);
      assert.equal(issue.id, line[header.indexOf('id')]);
      assert.equal(issue.text, line[header.indexOf('text')]);
      assert.equal(issue.given_label, line[header.indexOf('label')]);
      assert.equal(issue.given_probability, Number(line[header.indexOf(issue.given_label)]));
      assert.equal(issue.suggested_probability, Number(line[header.indexOf(issue.suggested_label)]));
      assert.notEqual(issue.suggested_label, issue.given_label);
    }
    // The headline of id 14 holds a comma or a quote: --format csv must quote it and read back.
    const csv = parseCsv(
      runCli(['audit', '--data', H_DATA, '--format', 'csv', '--filter-by', 'predicted_neq_given']).stdout,
    );
    assert.deepEqual(csv[0], [
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
    ]);
    const json = jsonOf(runCli(['audit', '--data', H_DATA, '--filter-by', 'predicted_neq_given']));
    assert.deepEqual(
      csv.slice(1).map((row) => row[9]),
      json.issues.map((x) => x.text),
    );
  });

  test('audit with split files: row N is the N-th data row, with or without a header (.npy)', () => {
    const out = jsonOf(runCli(['audit', ...T]));
    assert.ok(out.issues.length > 0);
    for (const x of out.issues) assert.equal(x.row, x.index + 1);
    const { labels } = readCsvPair(path.join(TINY, 'labels.csv'), path.join(TINY, 'pred_probs.csv'));
    const npyLabels = write('labels_only.npy', npyBytes(labels, [labels.length], '<i8'));
    const npy = jsonOf(runCli(['audit', '--labels', npyLabels, '--pred-probs', T[3]]));
    assert.deepEqual(
      npy.issues.map((x) => x.row),
      npy.issues.map((x) => x.index + 1),
    );
    assert.deepEqual(
      npy.issues.map((x) => x.index),
      out.issues.map((x) => x.index),
    );
  });

  test('--label-column picks the label column of a combined file', () => {
    const text = 'id,given,a,b\n1,a,0.9,0.1\n2,b,0.2,0.8\n3,a,0.3,0.7\n4,b,0.6,0.4\n5,a,0.8,0.2\n6,b,0.1,0.9\n';
    const file = write('renamed.csv', text);
    const out = jsonOf(
      runCli(['find-issues', '--data', file, '--label-column', 'given', '--filter-by', 'predicted_neq_given']),
    );
    assert.deepEqual(out.indices.sort(), [2, 3]);
    const bad = runCli(['find-issues', '--data', file, '--label-column', 'nope']);
    assert.equal(bad.status, 3, bad.stderr);
    assert.match(bad.stderr, /renamed\.csv/);
  });
});

/** Exit code 3 and exactly one stderr line that names the file and, where given, row and column. */
function assertBadInput(args, pattern) {
  const r = runCli(args);
  assert.equal(r.status, 3, `${args.join(' ')}\n${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /); // no stack trace
}

describe('bad input: exit 3, one line naming file, row and column', () => {
  const labels3 = write('labels3.csv', 'label\n0\n1\n2\n0\n');
  const probs = (rows) => write(`p${Math.random().toString(36).slice(2)}.csv`, `p0,p1,p2\n${rows.join('\n')}\n`);
  const good = ['0.7,0.2,0.1', '0.1,0.8,0.1', '0.1,0.1,0.8', '0.6,0.3,0.1'];

  test('a ragged row', () => {
    const p = probs([good[0], '0.3,0.7', good[2], good[3]]);
    assertBadInput(
      ['find-issues', '--labels', labels3, '--pred-probs', p],
      new RegExp(`^labelscope: ${p}, row 2, column \\d: .*header has 3`),
    );
  });
  test("an 'abc' cell", () => {
    const p = probs([good[0], good[1], good[2], '0.6,abc,0.1']);
    assertBadInput(
      ['scores', '--labels', labels3, '--pred-probs', p],
      new RegExp(`^labelscope: ${p}, row 4, column 2: 'abc' is not a number`),
    );
  });
  test('a NaN', () => {
    const p = probs([good[0], 'NaN,0.8,0.1', good[2], good[3]]);
    assertBadInput(
      ['health', '--labels', labels3, '--pred-probs', p],
      new RegExp(`^labelscope: ${p}, row 2, column 1: .*NaN`),
    );
  });
  test('label 7 with 3 classes', () => {
    const l = write('labels7.csv', 'label\n0\n1\n7\n0\n');
    assertBadInput(
      ['audit', '--labels', l, '--pred-probs', probs(good)],
      new RegExp(`^labelscope: ${l}, row 3, column 1: Label 7`),
    );
  });
  test('a missing file', () => {
    assertBadInput(
      ['find-issues', '--labels', path.join(tmp, 'nope.csv'), '--pred-probs', probs(good)],
      /^labelscope: .*nope\.csv: no such file/,
    );
  });
  test('an empty file', () => {
    const empty = write('empty.csv', '');
    assertBadInput(
      ['find-issues', '--labels', labels3, '--pred-probs', empty],
      new RegExp(`^labelscope: ${empty}: The file is empty`),
    );
  });
  test('a folder instead of a file', () => {
    assertBadInput(['find-issues', '--labels', tmp, '--pred-probs', probs(good)], /is a folder/);
  });
  test('row counts that differ', () => {
    assertBadInput(
      ['find-issues', '--labels', labels3, '--pred-probs', probs(good.slice(0, 3))],
      /4 labels but .* 3 rows/,
    );
  });
  test('errors about the whole dataset name the file they are about', () => {
    const same = write('labels_all2.csv', 'label\n2\n2\n2\n2\n');
    assertBadInput(
      ['find-issues', '--labels', same, '--pred-probs', probs(good)],
      new RegExp(`^labelscope: ${same}: Every example is labelled class 2`),
    );
    const oneColumn = write('one_column.csv', 'p0\n1\n1\n1\n1\n');
    assertBadInput(
      ['scores', '--labels', labels3, '--pred-probs', oneColumn],
      new RegExp(`^labelscope: ${oneColumn}: pred_probs has 1 column`),
    );
  });
  test('a bad --data file', () => {
    const d = write('data.csv', 'label,a,b\na,0.9,0.1\nb,0.2,x\n');
    assertBadInput(['audit', '--data', d], new RegExp(`^labelscope: ${d}, row 2, column 3: 'x' is not a number`));
  });
});

describe('usage errors: exit 2 with a pointer to --help', () => {
  const cases = [
    [],
    ['bogus'],
    ['find-issues'],
    ['find-issues', '--labels', H_LABELS],
    ['find-issues', ...H, '--bogus'],
    ['find-issues', ...H, '--frac-noise', 'abc'],
    ['find-issues', ...H, '--frac-noise', '0'],
    ['find-issues', ...H, '--min-examples-per-class', '2.5'],
    ['find-issues', ...H, '--min-examples-per-class=-1'],
    ['find-issues', ...H, '--filter-by', 'bogus'],
    ['find-issues', ...H, '--rank-by', 'bogus'],
    ['find-issues', ...H, '--format', 'xml'],
    ['find-issues', ...H, '--data', H_DATA],
    ['find-issues', ...H, '--label-column', 'label'],
    ['find-issues', ...H, 'extra'],
    ['find-issues', ...H, '--pred-probs'],
    ['find-issues', ...H, '--rank-by', 'confidence_weighted_entropy', '--adjust-pred-probs'],
    ['scores', ...H, '--method', 'bogus'],
    ['scores', ...H, '--filter-by', 'both'],
    ['health', ...H, '--format', 'csv'],
    ['audit', ...H, '--filter-by', 'nope'],
  ];
  for (const args of cases) {
    test(args.filter((a) => !a.startsWith('/')).join(' ') || '(no arguments)', () => {
      const r = runCli(args);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^labelscope.*Try 'labelscope( [a-z-]+)? --help'\.$/);
    });
  }

  test('invalid values: the core message comes through', () => {
    assert.match(runCli(['find-issues', ...H, '--filter-by', 'bogus']).stderr, /Unknown filter_by 'bogus'/);
    assert.match(runCli(['find-issues', ...H, '--frac-noise', 'abc']).stderr, /--frac-noise must be a number/);
  });
});

describe('help and version', () => {
  test('--help, help and -h: exit 0, usage on stdout', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const r = runCli(args);
      assert.equal(r.status, 0);
      for (const command of ['find-issues', 'scores', 'health', 'audit']) assert.match(r.stdout, new RegExp(command));
    }
  });
  test('every command has --help, even next to bad flags', () => {
    for (const command of ['find-issues', 'scores', 'health', 'audit']) {
      for (const args of [
        [command, '--help'],
        [command, '-h'],
        [command, '--bogus', '--help'],
      ]) {
        const r = runCli(args);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^Usage: labelscope ${command} `));
        assert.equal(r.stderr, '');
      }
    }
  });
  test('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `labelscope ${version}\n`);
  });
});

describe('terminal behaviour', () => {
  test('a closed pipe (| head) is not an error', () => {
    const n = 30000;
    const labels = write('big_labels.csv', `label\n${Array.from({ length: n }, (_, i) => i % 3).join('\n')}\n`);
    const rows = Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? '0.8,0.1,0.1' : i % 3 === 1 ? '0.1,0.8,0.1' : '0.1,0.1,0.8',
    );
    const probs = write('big_probs.csv', `a,b,c\n${rows.join('\n')}\n`);
    const r = spawnSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"${process.execPath}" "${CLI}" scores --labels ` +
          `"${labels}" --pred-probs "${probs}" --format csv | head -n 2`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'index,score\n0,0.8\n');
    assert.equal(r.stderr, '');
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  test(
    'on a terminal, a progress line is drawn on stderr with \\r and cleared',
    { skip: !hasScript && 'no script(1)' },
    () => {
      const command =
        `"${process.execPath}" "${CLI}" find-issues --labels "${H_LABELS}" --pred-probs "${H_PROBS}" ` +
        `--out "${path.join(tmp, 'tty.json')}"`;
      const r = spawnSync('script', ['-qec', command, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, LABELSCOPE_PROGRESS_DELAY_MS: '0' },
      });
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, /\rlabelscope: reading .*labels\.csv: \d+% of/);
      assert.match(r.stdout, /\r {10,}\r$/); // the last thing written blanks the line
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(tmp, 'tty.json'), 'utf8')).indices, [3, 2, 39, 6, 21, 9]);
    },
  );
});
