// Small DOM-free parts of the page, under node: which data the element's attributes ask for,
// decisions merged from another tab, the histogram's count ticks, the noise matrix's numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestedSources } from '../../web/controllers/attributes.js';
import { countTicks } from '../../web/ui/charts.js';
import { Decisions } from '../../web/ui/decisions.js';
import { shortPercent } from '../../web/ui/heatmap.js';

const attrs = (values) => (name) => values[name] ?? null;

test('attributes: src wins over demo; labels-src + pred-probs-src with truth-src; an empty demo is headlines', () => {
  assert.deepEqual(requestedSources(attrs({ demo: 'mnist', src: 'data/x.csv' })).urls, ['data/x.csv']);
  assert.equal(requestedSources(attrs({ src: 'data/x.csv' })).sourceName, 'x');
  const pair = requestedSources(attrs({ 'labels-src': 'y.csv', 'pred-probs-src': 'p.npy', 'truth-src': 't.csv' }));
  assert.deepEqual(pair.urls, ['y.csv', 'p.npy', 't.csv']);
  assert.equal(requestedSources(attrs({ demo: '' })).demo, 'headlines');
  assert.deepEqual(Object.keys(requestedSources(attrs({}))), ['key']);
  assert.notEqual(requestedSources(attrs({ demo: 'mnist' })).key, requestedSources(attrs({ src: 'a.csv' })).key);
});

test("decisions from another tab apply per row, outside this tab's undo history", () => {
  const d = new Decisions();
  d.set(1, 'keep', { given: 0, suggested: 1 });
  assert.equal(d.applyRemote(2, { decision: 'accept', label: 1, at: 5 }), true);
  assert.equal(d.applyRemote(2, { decision: 'accept', label: 1, at: 6 }), false, 'the same decision changes nothing');
  assert.deepEqual(
    d.entries().map((e) => [e.index, e.decision]),
    [
      [1, 'keep'],
      [2, 'accept'],
    ],
  );
  assert.equal(d.undo(), 1, "undo takes back this tab's own change, not the other tab's");
  assert.equal(d.applyRemote(2, null), true);
  assert.equal(d.size, 0);
  assert.equal(d.applyRemote(3, { decision: 'maybe', label: 0 }), false);
});

test('histogram count ticks: at least 4 from 3 rows up, at most 6, the largest count always marked', () => {
  for (const max of [3, 9, 49, 200, 1000, 9659, 1_000_000]) {
    const ticks = countTicks(max);
    assert.ok(ticks.length >= 4 && ticks.length <= 6, `${max}: ${ticks}`);
    assert.equal(ticks.at(-1), max);
    assert.deepEqual(
      ticks,
      [...ticks].sort((a, b) => a - b),
    );
  }
});

test('noise matrix cells: short percentages that never round a small rate to 0 or a large one to 100', () => {
  assert.deepEqual([0, 0.001, 0.12, 0.996, 1].map(shortPercent), ['0%', '<1%', '12%', '>99%', '100%']);
});
