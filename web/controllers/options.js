// The analysis settings as data: cleanlab's option values (so its users recognise them), a line
// for people on what each does, and the audit options they map to. No DOM: the analysis
// controller and the settings form (ui/settings.js) both use it.

/** [value, label, what it does]. */
export const FILTER_METHODS = [
  [
    'prune_by_noise_rate',
    'prune_by_noise_rate (default)',
    'For each pair of classes, flags as many rows as the ' +
      'confident joint counts there: those with the largest margin for the other class.',
  ],
  [
    'prune_by_class',
    'prune_by_class',
    'Per given class, flags the estimated number of mislabelled rows: those ' +
      'with the lowest probability for their label.',
  ],
  ['both', 'both', 'Rows flagged by both prune_by_noise_rate and prune_by_class.'],
  ['confident_learning', 'confident_learning', 'Rows the confident joint counts under a class other than their label.'],
  [
    'predicted_neq_given',
    'predicted_neq_given',
    'Rows whose most likely class (argmax) differs from the label. Simple, flags more.',
  ],
  [
    'low_normalized_margin',
    'low_normalized_margin',
    'The estimated number of issues, taking rows with the lowest normalized margin.',
  ],
  [
    'low_self_confidence',
    'low_self_confidence',
    'The estimated number of issues, taking rows with the lowest probability for their label.',
  ],
];

/** [value, label, what it does]. */
export const RANK_METHODS = [
  ['self_confidence', 'self_confidence (default)', 'Score = the probability the model gives the given label.'],
  [
    'normalized_margin',
    'normalized_margin',
    'Score = how far the given label’s probability is ahead of (or behind) the strongest other class.',
  ],
  [
    'confidence_weighted_entropy',
    'confidence_weighted_entropy',
    'Score = the given label’s probability weighed against how unsure the model is overall.',
  ],
  ['none', 'none (row order)', 'No ranking: flagged rows stay in file order; scores are self_confidence.'],
];

// The same options on label sets (docs/ALGORITHMS.md §13): every class is its own yes/no problem
// (in the set or not), a row is flagged when any class flags it, and its score combines the
// per-class scores with the lowest weighing most. value -> what it does.
export const MULTI_LABEL_HELP = {
  prune_by_noise_rate:
    'Per class, flags as many rows as the confident joint counts with the class wrongly in or out of ' +
    'their set: those with the largest margin the other way.',
  prune_by_class:
    'Per class, flags the estimated number of rows with the class wrongly in or out of their set: ' +
    'those with the lowest probability for what the set says.',
  both: 'Rows flagged by both prune_by_noise_rate and prune_by_class.',
  confident_learning: 'Rows whose set the confident joint disagrees with for at least one class.',
  predicted_neq_given:
    'Rows with a class the model puts above 0.5 that their set lacks, or below 0.5 that it holds. ' +
    'Simple, flags more.',
  low_normalized_margin:
    'The estimated number of issues, taking rows with the lowest score; on label sets the same as ' +
    'low_self_confidence.',
  low_self_confidence:
    'The estimated number of issues, taking rows with the lowest score (per-class self_confidence, ' +
    'combined over the classes).',
  self_confidence: 'Per class, the probability the model gives what the set says (in or out), combined.',
  normalized_margin: 'Per class, the same as self_confidence on a yes/no problem, combined.',
  confidence_weighted_entropy:
    'Per class, the probability for what the set says weighed against how unsure the model is, combined.',
  none: 'No ranking: flagged rows stay in file order; scores are self_confidence.',
  rankBy:
    'Orders the flagged rows and sets every row’s label set quality score: the per-class scores ' +
    'combined, the lowest weighing most (lower is more suspicious). ',
  fracNoise: 'Per class, flag this share of the estimated number of issues; 1 flags them all.',
  minExamplesPerClass:
    'Per class, keep at least this many rows that hold it, and as many that lack it, unflagged; a side ' +
    'with fewer rows is not pruned at all.',
};

// The fixed lines of the rank_by, frac_noise and min_examples_per_class fields, for single labels.
const SINGLE_LABEL_HELP = {
  rankBy: 'Orders the flagged rows and sets every row’s label quality score (lower is more suspicious). ',
  fracNoise: 'Flag this share of the estimated number of issues; 1 flags them all.',
  minExamplesPerClass: 'Keep at least this many rows of each class unflagged; smaller classes are not pruned at all.',
};

/**
 * The settings form's help texts for these settings: {filterBy, rankBy (what the chosen methods
 * do), rankByField, fracNoise, minExamplesPerClass (the fields' fixed lines)}, worded for label
 * sets when `multiLabel` (the multi-label panel shows the form), else for single labels.
 */
export function settingsHelp(settings, multiLabel = false) {
  const method = (methods, value) =>
    (multiLabel ? MULTI_LABEL_HELP[value] : methods.find(([v]) => v === value)?.[2]) ?? '';
  const fixed = multiLabel ? MULTI_LABEL_HELP : SINGLE_LABEL_HELP;
  return {
    filterBy: method(FILTER_METHODS, settings.filterBy),
    rankBy: method(RANK_METHODS, settings.rankBy),
    rankByField: fixed.rankBy,
    fracNoise: fixed.fracNoise,
    minExamplesPerClass: fixed.minExamplesPerClass,
  };
}

// frac_noise and min_examples_per_class only steer the prune methods.
export const PRUNE_METHODS = new Set(['prune_by_noise_rate', 'prune_by_class', 'both']);

export const DEFAULT_SETTINGS = Object.freeze({
  filterBy: 'prune_by_noise_rate',
  rankBy: 'self_confidence',
  fracNoise: 1,
  minExamplesPerClass: 1,
});

/** The audit options for these settings (camelCase, as the JS API takes them). */
export function auditOptions(settings) {
  const options = { filterBy: settings.filterBy, rankBy: settings.rankBy };
  if (PRUNE_METHODS.has(settings.filterBy)) {
    options.fracNoise = settings.fracNoise;
    options.minExamplesPerClass = settings.minExamplesPerClass;
  }
  return options;
}
