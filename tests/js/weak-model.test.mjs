// A model computed here that learned little (held-out accuracy near always answering the most common
// class) is said to be so, with the results: in crossValProbs' warnings, in the dataset's and so in the
// CLI's audit output. A model that learned is not warned about.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { createLabelScope } from '../../src/js/index.js';
import { weakModelWarnings } from '../../src/js/model-warnings.js';
import { runCli, tempDir } from '../cli/helpers.mjs';

const ROOT = new URL('../../', import.meta.url);
const fold = (accuracy, testRows) => ({ accuracy, testRows });

test('the rule: a quarter of the way from the most common class to a perfect model', () => {
  // 10 rows, 6 of class 1: always answering it is 60% right.
  const labels = Int32Array.from([1, 1, 1, 1, 1, 1, 0, 0, 2, 2]);
  const names = ['a', 'b', 'c'];
  const [weak] = weakModelWarnings([fold(0.7, 5), fold(0.8, 5)], labels, names); // 75%
  assert.equal(weak, undefined, '75% is more than a quarter of the way from 60% to 100%: not weak');
  const [warning] = weakModelWarnings([fold(0.6, 5), fold(0.7, 5)], labels, names); // 65%
  assert.equal(warning.code, 'weak_model');
  assert.equal(warning.classIndex, 1);
  assert.match(warning.message, /held-out accuracy is 65\.0%, against 60\.0% for always answering .*'b'/);
  assert.deepEqual(weakModelWarnings([], labels, names), []);
});

/** examples/headlines/dataset.csv cut to id, text and label: 49 rows are too few to learn topics from words. */
function headlinesText() {
  const lines = readFileSync(new URL('examples/headlines/dataset.csv', ROOT), 'utf8').trim().split('\n');
  const cells = (line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
  const header = cells(lines[0]);
  const keep = ['id', 'text', 'label'].map((name) => header.indexOf(name));
  return `${lines.map((l) => keep.map((k) => cells(l)[k]).join(',')).join('\n')}\n`;
}

test('crossValProbs and datasetFromCrossVal carry it; a model that learned (iris) has none', async () => {
  const ls = await createLabelScope({ threads: false });
  const weak = await ls.crossValProbs({ combined: { name: 'headlines_text.csv', data: headlinesText() } });
  assert.deepEqual(
    weak.warnings.map((w) => w.code),
    ['weak_model'],
  );
  const dataset = await ls.datasetFromCrossVal(weak);
  assert.ok(dataset.warnings.some((w) => w.code === 'weak_model'));
  dataset.free();
  const iris = await ls.crossValProbs({
    combined: { name: 'iris.csv', data: readFileSync(new URL('tests/fixtures/learn/iris.csv', ROOT)) },
  });
  assert.deepEqual(iris.warnings, []);
});

test("the CLI's audit on a table prints it among its warnings", async () => {
  const dir = tempDir();
  const file = `${dir}/headlines_text.csv`;
  writeFileSync(file, headlinesText());
  // The Node CLI: the native one has no trainer.
  const { status, stdout } = runCli(['audit', '--data', file, '--features', 'all', '--quiet'], {}, 'node');
  assert.equal(status, 0);
  const out = JSON.parse(stdout);
  assert.deepEqual(
    out.warnings.map((w) => w.code),
    ['weak_model'],
  );
});
