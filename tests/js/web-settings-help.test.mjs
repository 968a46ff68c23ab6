// The page's settings help (web/controllers/options.js): worded for single labels as before, and
// for label sets while the multi-label panel shows the form (every class a yes/no problem).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FILTER_METHODS, RANK_METHODS, settingsHelp } from '../../web/controllers/options.js';

const every = () => FILTER_METHODS.flatMap(([filterBy]) => RANK_METHODS.map(([rankBy]) => ({ filterBy, rankBy })));

test('single labels: each method says what it does, and the fields keep their wording', () => {
  for (const settings of every()) {
    const help = settingsHelp(settings);
    assert.equal(help.filterBy, FILTER_METHODS.find(([v]) => v === settings.filterBy)[2]);
    assert.equal(help.rankBy, RANK_METHODS.find(([v]) => v === settings.rankBy)[2]);
    assert.equal(
      help.rankByField,
      'Orders the flagged rows and sets every row’s label quality score (lower is more suspicious). ',
    );
    assert.equal(help.fracNoise, 'Flag this share of the estimated number of issues; 1 flags them all.');
    assert.equal(
      help.minExamplesPerClass,
      'Keep at least this many rows of each class unflagged; smaller classes are not pruned at all.',
    );
  }
  assert.deepEqual(settingsHelp(every()[0], false), settingsHelp(every()[0]));
});

test('label sets: every text is worded for sets, none is empty, and the per-class ones say so', () => {
  for (const settings of every()) {
    const single = settingsHelp(settings);
    const sets = settingsHelp(settings, true);
    for (const key of Object.keys(single)) assert.ok(sets[key].trim(), `${key} for ${JSON.stringify(settings)}`);
    assert.match(sets.rankByField, /label set quality score/);
    assert.match(sets.fracNoise, /^Per class, /);
    assert.match(sets.minExamplesPerClass, /^Per class, .*hold it.*lack it/);
    // Methods that work class by class say so; the others speak of sets.
    if (['prune_by_noise_rate', 'prune_by_class'].includes(settings.filterBy)) {
      assert.match(sets.filterBy, /^Per class, flags .*set/);
    }
    if (['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'].includes(settings.rankBy)) {
      assert.match(sets.rankBy, /^Per class, .*combined\.$/);
    }
    // Nothing speaks of "the label" of a row, as a single label would.
    for (const text of Object.values(sets)) assert.doesNotMatch(text, /\b(their|the given|its) label\b/);
  }
});
