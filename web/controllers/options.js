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
