// Label sets in a table of features (issue 15): without --multi-label every command says "looks
// multi-label: add --multi-label" (exit 3, as a labels file of sets does) instead of training on
// 'politics;business' as a class; with it, --features computes one-vs-rest probabilities and
// analyses them, the same output as cross-val --multi-label then --pred-probs. The native CLI
// (no trainer) points to the Node CLI for --features, and says the same bytes where it reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { jsonOf, NATIVE_CLI, npyBytes, ROOT, runCli, tempDir } from './helpers.mjs';

const NEWS = path.join(ROOT, 'examples/multilabel/news.csv');
const COMMANDS = ['audit', 'find-issues', 'scores', 'health'];
const node = (args) => runCli(args, {}, 'node');
const native = (args) => runCli(args, {}, 'native');
function requireNative() {
  if (!fs.existsSync(NATIVE_CLI)) assert.fail(`${NATIVE_CLI} is missing: run \`npm run build:native\` first.`);
}

let dir;
let table; // news.csv with its label column named 'tags'
before(() => {
  dir = tempDir();
  table = path.join(dir, 'ml.csv');
  fs.writeFileSync(table, fs.readFileSync(NEWS, 'utf8').replace('id,text,labels\n', 'id,text,tags\n'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const LOOKS = (file) =>
  `labelscope: ${file}, row 1, column 3: looks multi-label: 31 rows have more than one label ` +
  "(e.g. 'politics;business'): add --multi-label\n";

describe('a table of label sets and features without --multi-label', () => {
  for (const command of [...COMMANDS, 'cross-val']) {
    test(`${command} --features all says to add --multi-label (exit 3)`, () => {
      const args = command === 'cross-val' ? [] : ['--features', 'all'];
      const r = node([command, '--data', table, ...args, '--label-column', 'tags']);
      assert.equal(r.status, 3, r.stderr);
      assert.equal(r.stderr, LOOKS(table));
      assert.equal(r.stdout, '');
    });
  }
  test('--text-column alone is a feature run too', () => {
    const r = node(['audit', '--data', table, '--text-column', 'text', '--label-column', 'tags']);
    assert.equal(r.status, 3);
    assert.equal(r.stderr, LOOKS(table));
  });
});

describe('--multi-label --features: one-vs-rest probabilities, then the multi-label analysis', () => {
  const flags = ['--folds', '4', '--seed', '2'];
  let probs;
  before(() => {
    probs = path.join(dir, 'probs.csv');
    const r = node(['cross-val', '--multi-label', '--data', table, '--label-column', 'tags', ...flags, '--out', probs]);
    assert.equal(r.status, 0, r.stderr);
  });
  for (const command of COMMANDS) {
    test(`${command}: the same output as cross-val --multi-label then --pred-probs`, () => {
      const extra = command === 'scores' ? ['--method', 'normalized_margin'] : [];
      const one = node([
        command,
        '--multi-label',
        '--data',
        table,
        '--features',
        'all',
        '--label-column',
        'tags',
        ...flags,
        ...extra,
      ]);
      assert.equal(one.status, 0, one.stderr);
      // news.csv is the same table with its set column named 'labels' (found by name).
      const two = node([command, '--multi-label', '--labels', NEWS, '--pred-probs', probs, ...extra]);
      assert.equal(two.status, 0, two.stderr);
      // The same, but for what the one-step run says of the models it trained (news.csv's learn
      // little: weak_model); the two-step run read their probabilities from a file.
      const withoutModels = ({ warnings, ...rest }) => ({
        ...rest,
        warnings: warnings?.filter((w) => w.code !== 'weak_model'),
      });
      const [a, b] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
      assert.deepEqual(withoutModels(a), withoutModels(b));
      if (command !== 'scores') assert.deepEqual(a.warnings.map((w) => w.code).slice(0, 1), ['weak_model']);
    });
  }
  test("audit: the flagged rows carry the table's id and text; --format csv writes sets as a;b", () => {
    const report = jsonOf(
      node(['audit', '--multi-label', '--data', table, '--features', 'all', '--label-column', 'tags', ...flags]),
    );
    assert.equal(report.multi_label, true);
    assert.equal(report.n, 48);
    assert.deepEqual(report.class_names, ['business', 'culture', 'health', 'politics', 'science', 'sport', 'tech']);
    const text = fs
      .readFileSync(table, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => /^\d+,"(.*)",/.exec(l)[1]);
    for (const issue of report.issues) {
      assert.equal(issue.id, String(issue.index + 1));
      assert.equal(issue.text, text[issue.index]);
    }
    const csv = node([
      'audit',
      '--multi-label',
      '--data',
      table,
      '--features',
      'all',
      '--label-column',
      'tags',
      ...flags,
      '--format',
      'csv',
    ]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(
      csv.stdout.split('\n')[0],
      /^rank,index,row,given_labels,probably_missing,probably_extra,label_quality,id,text/,
    );
  });
  test('--labels SETS --features X.npy: the same as cross-val --multi-label with the same files', () => {
    const n = 60;
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const sets = [];
    const x = [];
    for (let i = 0; i < n; i++) {
      const set = ['a', 'b', 'c'].filter(() => rand() < 0.4);
      if (set.length === 0) set.push('b'); // an empty set: [] here, an empty cell in a labels file (readers differ)
      sets.push(set.join('|'));
      x.push(['a', 'b', 'c'].map((c) => (set.includes(c) ? 2 : 0) + rand()));
    }
    const labels = path.join(dir, 'sets.csv');
    const features = path.join(dir, 'x.npy');
    fs.writeFileSync(labels, `labels\n${sets.map((s) => `"${s}"`).join('\n')}\n`);
    fs.writeFileSync(features, npyBytes(x.flat(), [n, 3], '<f8'));
    const out = path.join(dir, 'probs-npy.csv');
    const cv = node([
      'cross-val',
      '--multi-label',
      '--labels',
      labels,
      '--features',
      features,
      '--folds',
      '3',
      '--out',
      out,
    ]);
    assert.equal(cv.status, 0, cv.stderr);
    assert.equal(fs.readFileSync(out, 'utf8').split('\n')[0], 'a,b,c');
    const one = node(['find-issues', '--multi-label', '--labels', labels, '--features', features, '--folds', '3']);
    assert.equal(one.status, 0, one.stderr);
    const two = node(['find-issues', '--multi-label', '--labels', labels, '--pred-probs', out]);
    assert.equal(one.stdout, two.stdout);
  });
});

describe('the native CLI', () => {
  test('--features (with or without --multi-label) points to the Node CLI, exit 2', () => {
    requireNative();
    for (const ml of [[], ['--multi-label']]) {
      const r = native(['audit', '--data', table, '--features', 'all', '--label-column', 'tags', ...ml]);
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        "labelscope: '--features' is available in the Node CLI: npx labelscope audit " +
          '--features ... ' +
          '(this native build reads --pred-probs or --data).\n',
      );
    }
  });
  test('a table of sets and probabilities without --multi-label: the same bytes and exit code as Node', () => {
    requireNative();
    const probs = path.join(dir, 'probs-native.csv');
    assert.equal(
      node(['cross-val', '--multi-label', '--data', table, '--label-column', 'tags', '--folds', '4', '--out', probs])
        .status,
      0,
    );
    const rows = fs.readFileSync(probs, 'utf8').trim().split('\n');
    const lines = fs.readFileSync(table, 'utf8').trim().split('\n');
    const combined = path.join(dir, 'combined.csv');
    fs.writeFileSync(
      combined,
      `${lines
        .map(
          (l, i) =>
            `${l},${
              i === 0
                ? rows[0]
                    .split(',')
                    .map((c) => `p_${c}`)
                    .join(',')
                : rows[i]
            }`,
        )
        .join('\n')}\n`,
    );
    for (const command of COMMANDS) {
      for (const ml of [[], ['--multi-label']]) {
        const args = [command, '--data', combined, '--label-column', 'tags', ...ml];
        const a = node(args);
        const b = native(args);
        assert.equal(b.status, a.status, `${command} ${ml}`);
        assert.equal(b.stderr, a.stderr, `${command} ${ml}`);
        assert.equal(b.stdout, a.stdout, `${command} ${ml}`);
        assert.equal(a.status, ml.length ? 0 : 3, a.stderr);
      }
    }
  });
});
