// What the CLIs say when the files say more than the reader's error (newcomer trial): --labels and
// --pred-probs swapped, a table of features given as probabilities (--data without --features), a
// mistyped flag or command ("Did you mean --labels?"), advice on folds naming --folds; and a table
// with its own p_<class> or prob_<class> column computed with --features all (the probabilities
// written beside it under other names). Both CLIs say the same where both run the command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { GOLDEN, HEADLINES, NATIVE_CLI, parseCsv, runCli, runCliAsync, tempDir } from './helpers.mjs';

const BINARY = path.join(GOLDEN, 'binary_k2');
let dir;
const file = (name) => path.join(dir, name);

/** A labelled table of two numeric features and a category, classes a, b, c (5 rows mislabelled); `gap`: an empty
 * cell in row 4. */
function featureTable(extra = [], gap = false) {
  const lines = [['id', 'x1', 'x2', 'colour', ...extra.map((e) => e.name), 'label'].join(',')];
  let seed = 5;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 45; i++) {
    const label = 'abc'[(i + (i % 9 === 4 ? 1 : 0)) % 3]; // every 9th row from row 5 mislabelled
    const x1 = gap && i === 3 ? '' : (random() + (i % 3)).toFixed(3);
    const values = extra.map((e) => e.value(i, random));
    lines.push([i + 1, x1, (random() * 2).toFixed(3), random() < 0.5 ? 'red' : 'blue', ...values, label].join(','));
  }
  return `${lines.join('\n')}\n`;
}

before(() => {
  dir = tempDir();
  fs.writeFileSync(file('features-gap.csv'), featureTable([], true));
  fs.writeFileSync(file('features.csv'), featureTable());
  // Probabilities with an empty cell: the reader's own error stays.
  const probs = fs.readFileSync(path.join(HEADLINES, 'dataset.csv'), 'utf8').split('\n');
  probs[3] = probs[3].replace(/,0\.\d+/, ',');
  fs.writeFileSync(file('probs-gap.csv'), probs.join('\n'));
  fs.writeFileSync(file('labels.csv'), '1\n0\n2\n1\n');
  fs.writeFileSync(file('p.csv'), '0.1,0.8,0.1\n0.7,0.2,0.1\n0.1,0.1,0.8\n0.2,0.7,0.1\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs both CLIs: the same status, stdout and stderr; returns the Node CLI's run. */
async function same(args) {
  assert.ok(fs.existsSync(NATIVE_CLI), `${NATIVE_CLI} is missing: npm run build:native`);
  const [node, native] = await Promise.all([runCliAsync(args, 'node'), runCliAsync(args, 'native')]);
  assert.deepEqual(native, node, `labelscope ${args.join(' ')}`);
  return node;
}

test('--labels and --pred-probs swapped: both CLIs say the files look swapped', async () => {
  const cases = [
    [path.join(BINARY, 'pred_probs.csv'), path.join(BINARY, 'labels.csv')],
    [path.join(HEADLINES, 'pred_probs.csv'), path.join(HEADLINES, 'labels.csv')],
    [file('p.csv'), file('labels.csv')], // no headers
  ];
  for (const [labels, predProbs] of cases) {
    for (const command of ['find-issues', 'audit']) {
      const r = await same([command, '--labels', labels, '--pred-probs', predProbs]);
      assert.equal(r.status, 3);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr,
        `labelscope: ${predProbs} looks like labels and ${labels} like probabilities: swapped? ` +
          `Give --labels ${predProbs} --pred-probs ${labels}.\n`,
      );
    }
  }
  // The right way round, they are read; a labels file that is wrong in itself keeps the reader's error.
  assert.equal((await same(['find-issues', '--labels', file('labels.csv'), '--pred-probs', file('p.csv')])).status, 0);
  const bad = await same(['find-issues', '--labels', file('p.csv'), '--pred-probs', file('p.csv')]);
  assert.equal(bad.status, 3);
  assert.doesNotMatch(bad.stderr, /swapped/);
});

test('a features table given as probabilities: add --features all (the native CLI: with the Node CLI)', async () => {
  for (const [table, command] of [
    [file('features-gap.csv'), 'audit'], // the empty cell is no probability: the trial's 'The cell is empty'
    [file('features.csv'), 'audit'], // rows that do not sum to 1, labels that name no column
    [file('features.csv'), 'find-issues'],
    [file('features.csv'), 'scores'],
    [file('features.csv'), 'health'],
  ]) {
    const args = [command, '--data', table];
    const node = runCli(args, {}, 'node');
    assert.equal(node.status, 3);
    assert.equal(node.stdout, '');
    const said = `labelscope: ${table}: its columns look like features, not predicted probabilities: add --features all to compute probabilities from these columns`;
    assert.equal(node.stderr, `${said}.\n`);
    const native = runCli(args, {}, 'native');
    assert.equal(native.status, 3);
    assert.equal(native.stdout, '');
    assert.equal(
      native.stderr,
      `${said}, in the Node CLI: npx labelscope ${command} --data ${table} --features all (this native build has no trainer).\n`,
    );
    // What it says works.
    if (!table.endsWith('gap.csv')) assert.equal(runCli([...args, '--features', 'all', '-q'], {}, 'node').status, 0);
  }
  // Rows that do not sum to 1: the reader's error (what they look like, --allow-unnormalized), then the advice.
  fs.writeFileSync(file('scaled.csv'), 'f1,f2,f3,f4,label\n0.2,0.5,0.3,0.9,0\n0.7,0.1,0.4,0.2,1\n0.3,0.3,0.8,0.6,2\n');
  for (const which of ['node', 'native']) {
    const r = runCli(['find-issues', '--data', file('scaled.csv')], {}, which);
    assert.equal(r.status, 3);
    assert.match(
      r.stderr,
      /^labelscope: .*scaled\.csv, row 1, column 1: 3 of 3 rows do not sum to 1 .*\(--allow-unnormalized/,
    );
    const advice = ' Or add --features all to compute probabilities from these columns';
    const native = `, in the Node CLI: npx labelscope find-issues --data ${file('scaled.csv')} --features all (this native build has no trainer)`;
    assert.ok(r.stderr.endsWith(`used as given.${advice}${which === 'node' ? '' : native}.\n`), r.stderr);
  }
  // A table of probabilities with an empty cell: the reader's error, the same from both.
  const gap = await same(['audit', '--data', file('probs-gap.csv')]);
  assert.equal(gap.status, 3);
  assert.match(gap.stderr, /row 3, column \d+: The cell is empty/);
});

test('a mistyped flag or command: did you mean ...? (both CLIs, the same words)', async () => {
  const H = ['--labels', path.join(HEADLINES, 'labels.csv'), '--pred-probs', path.join(HEADLINES, 'pred_probs.csv')];
  const cases = [
    [['find-issues', '--lables', 'x'], "unknown option '--lables'. Did you mean --labels?"],
    [['find-issues', '--lables=x'], "unknown option '--lables'. Did you mean --labels?"],
    [['audit', '--pred', 'x'], "unknown option '--pred'. Did you mean --pred-probs?"],
    [['audit', ...H, '--filter', 'both'], "unknown option '--filter'. Did you mean --filter-by?"],
    [['scores', ...H, '--methd', 'x'], "unknown option '--methd'. Did you mean --method?"],
    [['health', '--per_class'], "unknown option '--per_class'. Did you mean --per-class?"],
    [['audit', '--fromat', 'csv'], "unknown option '--fromat'. Did you mean --format?"],
    // a flag of the Node CLI's trainer: the native CLI then points to the Node CLI
    [['scores', '--featurs', 'all'], "unknown option '--featurs'. Did you mean --features?"],
    [['find-isues'], "unknown command 'find-isues'. Did you mean find-issues?"],
    [['audt'], "unknown command 'audt'. Did you mean audit?"],
    [['audit', '--zzz'], "unknown option '--zzz'. Try"],
    [['audit', '-x'], "unknown option '-x'. Try"],
    [['find-issues', '---labels', 'x'], "unknown option '---labels'. Try"],
    [['bogus'], "unknown command 'bogus'. Commands:"],
  ];
  for (const [args, words] of cases) {
    const r = await same(args);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(words), `${args.join(' ')}: ${r.stderr}`);
  }
});

test('advice on folds names --folds (Node CLI: the trainer)', () => {
  const lines = featureTable().trim().split('\n');
  const c = lines.filter((line) => line.endsWith(',c')).slice(0, 2);
  fs.writeFileSync(
    file('few.csv'),
    `${lines
      .filter((line) => !line.endsWith(',c'))
      .concat(c)
      .join('\n')}\n`,
  );
  const r = runCli(['audit', '--data', file('few.csv'), '--features', 'all', '-q'], {}, 'node');
  assert.equal(r.status, 3);
  assert.match(
    r.stderr,
    /Class 'c' has 2 examples, fewer than the 5 folds: .* Use --folds 2 or fewer, or add examples/,
  );
  fs.writeFileSync(file('three.csv'), 'x,label\n0.5,a\n1.7,b\n0.2,a\n');
  const t = runCli(['cross-val', '--data', file('three.csv'), '-q'], {}, 'node');
  assert.equal(t.status, 3);
  assert.match(t.stderr, /There are 3 examples, fewer than the 5 folds\. Use --folds 3 or fewer \(at least 2\)/);
});

test("--features all on a table with its own p_<class> or prob_<class> column: that column stays the table's", () => {
  // The same table with the extra columns under names no reader takes for probabilities, and under the
  // names it does (p_<class>, prob_<class>, either case, both at once): the same audit, the columns' own names.
  const audit = (names) => {
    const extra = names.map((name, k) => ({ name, value: (i) => (((i * 37 + k * 11) % 100) / 100).toFixed(2) }));
    fs.writeFileSync(file('own.csv'), featureTable(extra));
    const r = runCli(['audit', '--data', file('own.csv'), '--features', 'all', '--format', 'csv', '-q'], {}, 'node');
    assert.equal(r.status, 0, `${names}: ${r.stderr}`);
    return parseCsv(r.stdout);
  };
  for (const names of [['p_a'], ['prob_b'], ['P_A'], ['p_a', 'prob_a'], ['p_c', 'prob_c', 'p__c']]) {
    const neutral = names.map((_, k) => `other_${k}`);
    const want = audit(neutral);
    want[0] = want[0].map((h) => (neutral.includes(h) ? names[neutral.indexOf(h)] : h));
    const got = audit(names);
    assert.ok(got.length > 1);
    assert.deepEqual(got, want, names.join(','));
  }
});
