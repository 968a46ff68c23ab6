// --multi-label through the command line: parity with every recorded output of the multi-label
// golden cases that the CLI expresses (find-issues with every --filter-by and --rank-by, the
// variants, --per-class, scores with every --method, --adjust-pred-probs and aggregator, health),
// audit's probably-missing / probably-extra rows, and the hint a single-label read gives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { closeRel, GOLDEN, jsonOf, limited, runCliAsync } from './helpers.mjs';

const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
const CWE = 'confidence_weighted_entropy';
const REL = 1e-12;
const REL_LOGEXP = 1e-10;

function multiLabelCases() {
  const out = [];
  for (const name of fs.readdirSync(GOLDEN).sort()) {
    const file = path.join(GOLDEN, name, 'expected.json');
    if (!fs.existsSync(file)) continue;
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (expected.meta?.multilabel !== true) continue;
    for (const [pointer, value] of Object.entries(expected.stable_sort_values ?? {})) {
      const keys = pointer.split('/').slice(1);
      let at = expected;
      for (const k of keys.slice(0, -1)) at = at[k];
      at[keys.at(-1)] = value;
    }
    const dir = path.join(GOLDEN, name);
    out.push({ name, labels: path.join(dir, 'labels.csv'), predProbs: path.join(dir, 'pred_probs.csv'), expected });
  }
  return out;
}

function variantFlags(key) {
  const [filterBy, ...parts] = key.split('__');
  const flags = ['--filter-by', filterBy];
  let ranked = false;
  for (const part of parts) {
    if (part.startsWith('frac_noise_')) flags.push('--frac-noise', part.slice('frac_noise_'.length));
    else if (part.startsWith('min_examples_per_class_')) flags.push('--min-examples-per-class', part.slice(23));
    else if (part.startsWith('ranked_')) (flags.push('--rank-by', part.slice('ranked_'.length)), (ranked = true));
    else throw new Error(`variant part not understood by this suite: ${part}`);
  }
  if (!ranked) flags.push('--rank-by', 'none');
  return flags;
}

function aggregatorFlags(agg) {
  if (agg.startsWith('softmin_t')) return ['--aggregator', 'softmin', '--temperature', agg.slice('softmin_t'.length)];
  if (agg === 'ema_alpha_default_none') return ['--aggregator', 'exponential_moving_average', '--alpha', 'none'];
  if (agg.startsWith('ema_alpha')) return ['--aggregator', 'exponential_moving_average', '--alpha', agg.slice(9)];
  throw new Error(`aggregator not understood by this suite: ${agg}`);
}

function plannedRuns(c) {
  const input = ['--multi-label', '--labels', c.labels, '--pred-probs', c.predProbs];
  const e = c.expected;
  const runs = {};
  for (const f of FILTERS) runs[`filter ${f}`] = ['find-issues', ...input, '--filter-by', f, '--rank-by', 'none'];
  for (const r of Object.keys(e.find_label_issues_ranked)) {
    const [method, adjust] = r.split('__');
    runs[`ranked ${r}`] = ['find-issues', ...input, '--rank-by', method, ...(adjust ? ['--adjust-pred-probs'] : [])];
  }
  for (const key of Object.keys(e.find_label_issues_variants)) {
    runs[`variant ${key}`] = ['find-issues', ...input, ...variantFlags(key)];
  }
  for (const f of Object.keys(e.find_multilabel_issues_per_class)) {
    runs[`per class ${f}`] = ['find-issues', ...input, '--per-class', '--filter-by', f];
  }
  for (const [m, byAdjust] of Object.entries(e.label_quality_scores)) {
    for (const a of Object.keys(byAdjust)) {
      const adjust = a === 'adjust_pred_probs_true' ? ['--adjust-pred-probs'] : [];
      runs[`scores ${m} ${a}`] = ['scores', ...input, '--method', m, ...adjust];
    }
  }
  for (const key of Object.keys(e.label_quality_scores_other_aggregators)) {
    const [method, agg] = key.split('__');
    runs[`aggregator ${key}`] = ['scores', ...input, '--method', method, ...aggregatorFlags(agg)];
  }
  runs.health = ['health', ...input];
  runs.audit = ['audit', ...input];
  runs['audit csv'] = ['audit', ...input, '--format', 'csv'];
  return runs;
}

const cases = multiLabelCases();
const results = new Map();

before(async () => {
  const jobs = cases.flatMap((c) =>
    Object.entries(plannedRuns(c)).map(([name, args]) => async () => {
      results.set(`${c.name} ${name}`, await runCliAsync(args));
    }),
  );
  await limited(jobs);
});

const assertClose = (actual, expected, rel, what) => {
  assert.equal(actual.length, expected.length, `${what}: length`);
  expected.forEach((x, i) => assert.ok(closeRel(actual[i], x, rel), `${what}[${i}]: ${actual[i]} vs ${x}`));
};

test('multilabel_tiny_k3 runs through the CLI', () => {
  assert.ok(cases.some((c) => c.name === 'multilabel_tiny_k3'));
});

for (const c of cases) {
  const e = c.expected;
  const run = (name) => results.get(`${c.name} ${name}`);
  describe(`golden ${c.name} through --multi-label`, () => {
    test('find-issues: every --filter-by (ascending with --rank-by none), same JSON as single-label', () => {
      for (const f of FILTERS) {
        const out = jsonOf(run(`filter ${f}`));
        assert.deepEqual(out.indices, e.find_label_issues[f], f);
        assert.equal(out.num_issues, e.find_label_issues[f].length);
        assert.equal(out.filter_by, f);
      }
    });
    test('find-issues: ranked, and the variants', () => {
      for (const r of Object.keys(e.find_label_issues_ranked)) {
        const got = jsonOf(run(`ranked ${r}`)).indices;
        const expected = e.find_label_issues_ranked[r];
        if (r.startsWith(CWE))
          assert.deepEqual(
            [...got].sort((a, b) => a - b),
            [...expected].sort((a, b) => a - b),
          );
        else assert.deepEqual(got, expected, r);
      }
      for (const [key, expected] of Object.entries(e.find_label_issues_variants)) {
        assert.deepEqual(jsonOf(run(`variant ${key}`)).indices, expected, key);
      }
    });
    test('find-issues --per-class', () => {
      for (const [f, expected] of Object.entries(e.find_multilabel_issues_per_class)) {
        assert.deepEqual(jsonOf(run(`per class ${f}`)).per_class, expected, f);
      }
    });
    test('scores: every --method, --adjust-pred-probs and aggregator', () => {
      for (const [m, byAdjust] of Object.entries(e.label_quality_scores)) {
        for (const [a, expected] of Object.entries(byAdjust)) {
          const r = run(`scores ${m} ${a}`);
          if (expected.error_type) {
            assert.equal(r.status, 2, `${m} ${a}: a usage error (${r.stderr})`);
            continue;
          }
          assertClose(jsonOf(r).scores, expected, m === CWE ? REL_LOGEXP : REL, `${m} ${a}`);
        }
      }
      for (const [key, expected] of Object.entries(e.label_quality_scores_other_aggregators)) {
        assertClose(jsonOf(run(`aggregator ${key}`)).scores, expected, key.includes('softmin') ? REL_LOGEXP : REL, key);
      }
    });
    test("health: the class table and common issues in cleanlab's row order", () => {
      const h = jsonOf(run('health'));
      const d = e.multilabel_dataset;
      assert.ok(closeRel(h.overall_label_health_score, d.overall_multilabel_health_score, REL));
      assert.equal(h.classes.length, d.rank_classes_by_multilabel_quality.length);
      d.rank_classes_by_multilabel_quality.forEach((row, r) => {
        const q = h.classes[r];
        assert.equal(q.class, row['Class Index']);
        assert.equal(q.label_issues, row['Label Issues']);
        assert.equal(q.inverse_label_issues, row['Inverse Label Issues']);
        assertClose(
          [q.label_noise, q.inverse_label_noise, q.label_quality_score],
          [row['Label Noise'], row['Inverse Label Noise'], row['Label Quality Score']],
          REL,
          `class row ${r}`,
        );
      });
      assert.equal(h.common_issues.length, d.common_multilabel_issues.length);
      d.common_multilabel_issues.forEach((row, r) => {
        const x = h.common_issues[r];
        assert.deepEqual(
          [x.class, x.in_given_label, x.in_suggested_label, x.num_examples],
          [row['Class Index'], row['In Given Label'], row['In Suggested Label'], row['Num Examples']],
        );
        assert.ok(closeRel(x.issue_probability, row['Issue Probability'], REL));
      });
    });
    test('audit: one row per flagged example with its set and what looks wrong', () => {
      const a = jsonOf(run('audit'));
      assert.deepEqual(
        a.issues.map((x) => x.index),
        e.find_label_issues_ranked.self_confidence,
      );
      for (const x of a.issues) {
        assert.ok(x.probably_missing.length + x.probably_extra.length > 0);
        assert.equal(x.row, x.index + 1); // row N = the N-th data row
      }
      const csv = run('audit csv');
      assert.equal(csv.status, 0, csv.stderr);
      assert.match(
        csv.stdout.split('\n')[0],
        /^rank,index,row,given_labels,probably_missing,probably_extra,label_quality/,
      );
    });
  });
}

describe('multi-label hints and usage', () => {
  test('a single-label read of label sets says to add --multi-label, with the count', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ls-ml-'));
    fs.writeFileSync(path.join(dir, 'l.csv'), 'label\nnews\nnews;sport\ntech\nsport;tech\n');
    fs.writeFileSync(path.join(dir, 'p.csv'), 'news,sport,tech\n0.9,0.1,0.2\n0.8,0.7,0.1\n0.1,0.2,0.7\n0.2,0.9,0.8\n');
    const r = await runCliAsync([
      'find-issues',
      '--labels',
      path.join(dir, 'l.csv'),
      '--pred-probs',
      path.join(dir, 'p.csv'),
    ]);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /row 2, column 1: looks multi-label: 2 rows have more than one label .*add --multi-label/);
    fs.rmSync(dir, { recursive: true });
  });
  test('a single-label read of one table of sets and probabilities says it with the count too', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ls-ml-'));
    const data = path.join(dir, 'd.csv');
    fs.writeFileSync(
      data,
      'id,labels,p_news,p_sport,p_tech\n1,news,0.9,0.1,0.2\n2,news;sport,0.8,0.7,0.1\n' +
        '3,tech,0.2,0.1,0.8\n4,sport;tech,0.1,0.8,0.9\n',
    );
    const r = await runCliAsync(['find-issues', '--data', data]);
    assert.equal(r.status, 3);
    assert.match(
      r.stderr,
      /row 2, column 2: looks multi-label: 2 rows have more than one label \(e\.g\. 'news;sport'\): add --multi-label/,
    );
    fs.rmSync(dir, { recursive: true });
  });
  test('--data: one CSV with the sets and the probabilities gives the same result as two files', async () => {
    const c = cases.find((x) => x.name === 'multilabel_tiny_k3');
    const sets = fs.readFileSync(c.labels, 'utf8').trim().split('\n').slice(1);
    const probs = fs.readFileSync(c.predProbs, 'utf8').trim().split('\n');
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ls-ml-'));
    const file = path.join(dir, 'data.csv');
    fs.writeFileSync(file, `labels,${probs[0]}\n${sets.map((s, i) => `${s},${probs[i + 1]}`).join('\n')}\n`);
    const one = jsonOf(await runCliAsync(['health', '--multi-label', '--data', file]));
    const two = jsonOf(
      await runCliAsync(['health', '--multi-label', '--labels', c.labels, '--pred-probs', c.predProbs]),
    );
    assert.deepEqual(one, two);
    fs.rmSync(dir, { recursive: true });
  });
  test('multi-label flags without --multi-label are usage errors', async () => {
    const c = cases[0];
    const r = await runCliAsync([
      'scores',
      '--labels',
      c.labels,
      '--pred-probs',
      c.predProbs,
      '--aggregator',
      'softmin',
    ]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--aggregator goes with --multi-label/);
    const bad = await runCliAsync([
      'scores',
      '--multi-label',
      '--labels',
      c.labels,
      '--pred-probs',
      c.predProbs,
      '--alpha',
      '2',
    ]);
    assert.equal(bad.status, 2);
  });
});
