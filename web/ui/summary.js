// The headline numbers, and — when the truth is known — how the flags score against it, worded
// for a learner ("15 confirmed errors in 10,000 = 0.15%") and honest about what nobody checked.
import { h } from './dom.js';
import { formatCount, formatPercent, formatProbability, plural } from './format.js';

/**
 * One headline number.
 * @param {string} label
 * @param {string} value
 * @param {any} detail a line under the number, or null
 * @param {{tone?: string, key?: string, help?: any}} [options] tone: a class; key: data-stat; help: the explanation
 */
function stat(label, value, detail, { tone, key, help } = {}) {
  return h(
    'div',
    { class: `stat${tone ? ` ${tone}` : ''}`, 'data-stat': key },
    h('dt', {}, label),
    h(
      'dd',
      {},
      h('span', { class: 'stat-value' }, value),
      detail ? h('span', { class: 'stat-detail' }, detail) : null,
      help ? h('span', { class: 'stat-help' }, breakable(help)) : null,
    ),
  );
}

/** cleanlab's long names (overall_label_health_score) may break after an underscore, not mid-word. */
function breakable(text) {
  if (typeof text !== 'string') return text;
  return text.split('_').flatMap((part, k) => (k === 0 ? [part] : ['_', h('wbr'), part]));
}

// One line each on what the headline numbers mean; cleanlab's names stay visible for those who know them.
const HELP = {
  flagged: (filterBy) =>
    `Rows that look mislabelled: the ones to review. Which rows depends on the method in Settings ` +
    `(cleanlab’s filter_by = ${filterBy}).`,
  noise:
    'How many labels confident learning estimates are wrong in all (num_label_issues). Flagged can differ: ' +
    'it depends on the method.',
  health: 'cleanlab’s overall_label_health_score: the share of labels estimated to be right (1 = none wrong).',
};

/** ctx: {dataset, report}. */
export function renderSummary({ report }) {
  const n = report.numExamples;
  const flagged = report.issues.length;
  return h(
    'dl',
    { class: 'summary', 'aria-label': 'Summary' },
    stat('Examples', formatCount(n), null, { key: 'examples' }),
    stat('Classes', formatCount(report.numClasses), null, { key: 'classes' }),
    stat('Flagged', formatCount(flagged), `${formatPercent(flagged / n)} of rows`, {
      tone: flagged ? 'accent' : '',
      key: 'flagged',
      help: HELP.flagged(report.filterBy),
    }),
    stat(
      'Estimated noise',
      formatPercent(report.numLabelIssues / n),
      `≈ ${plural(report.numLabelIssues, 'label issue')}`,
      { key: 'noise', help: HELP.noise },
    ),
    stat('Health score', formatProbability(report.healthScore), '1 = no label issues', {
      key: 'health',
      help: HELP.health,
    }),
  );
}

/** scores: from truth.js scoreFlags; n: number of examples. */
export function renderTruth(scores, truth, n) {
  const { numErrors, numKnown, flagged, confirmed, correct, unknown, precision, recall } = scores;
  const sentences = [];
  if (truth.simulated) return renderSimulatedTruth(scores, truth, n);
  if (truth.full) {
    sentences.push(
      `The true label of every row is known: ${plural(numErrors, 'row is', 'rows are')} mislabelled ` +
        `(${formatPercent(numErrors / n)}).`,
    );
  } else if (numKnown > numErrors) {
    sentences.push(
      `Human reviewers checked ${plural(numKnown, 'row')} and confirmed ` +
        `${plural(numErrors, 'label error')} — ${formatPercent(numErrors / n)} of the ${formatCount(n)} examples.`,
    );
  } else {
    sentences.push(
      `${plural(numErrors, 'confirmed label error')} are known — ${formatPercent(numErrors / n)} of ` +
        `the ${formatCount(n)} examples.`,
    );
  }
  let flags = `labelscope flags ${plural(flagged, 'row')} (${formatPercent(flagged / n)})`;
  if (flagged === 0) flags += '.';
  else if (truth.full)
    flags +=
      `: ${formatCount(confirmed)} of them are real errors and ${formatCount(correct)} ` +
      `${correct === 1 ? 'is' : 'are'} labelled correctly.`;
  else
    flags +=
      `: reviewers confirmed ${formatCount(confirmed)} of them as ` +
      `errors${numKnown > numErrors ? ` and judged ${formatCount(correct)} correctly labelled` : ''}.`;
  sentences.push(flags);
  if (unknown > 0) {
    sentences.push(
      `${plural(unknown, 'flagged row was', 'flagged rows were')} never reviewed: ` +
        `${unknown === 1 ? 'its label is' : 'their labels are'} unknown, not wrong.`,
    );
  }
  if (numErrors > 0)
    sentences.push(
      `It finds ${formatCount(confirmed)} of the ${plural(numErrors, truth.full ? 'error' : 'confirmed error')}.`,
    );

  return h(
    'section',
    { class: 'truth', 'aria-label': 'Known truth' },
    h(
      'div',
      { class: 'truth-words' },
      h('h2', { class: 'section-title' }, 'Against the known truth'),
      h('p', { class: 'truth-text' }, sentences.join(' ')),
    ),
    h(
      'dl',
      { class: 'summary truth-stats' },
      stat(
        truth.full ? 'Mislabelled rows' : 'Confirmed errors',
        formatCount(numErrors),
        `${formatPercent(numErrors / n)} of ${formatCount(n)}`,
        { key: 'known-errors' },
      ),
      stat(
        'Flags confirmed',
        `${formatCount(confirmed)} of ${formatCount(flagged)}`,
        precision == null ? 'precision unknown (only errors are listed)' : `precision ${formatPercent(precision)}`,
        { key: 'precision' },
      ),
      stat(
        'Errors found',
        `${formatCount(confirmed)} of ${formatCount(numErrors)}`,
        recall == null ? 'no known errors' : `recall ${formatPercent(recall)}`,
        { key: 'recall' },
      ),
    ),
    truth.full
      ? null
      : h(
          'p',
          { class: 'help' },
          `Truth from ${truth.sources.join(', ')}. Rows nobody reviewed are counted neither as right nor as wrong; ` +
            `precision is over reviewed flags only.`,
        ),
  );
}

/**
 * The known truth of simulated noise: only which rows were flipped. A flag on a row that was not flipped
 * is not a false alarm for sure — the original labels can hold real errors — so the words say "flipped".
 */
function renderSimulatedTruth(scores, truth, n) {
  const { numErrors, flagged, confirmed, correct, precision, recall } = scores;
  const sentences = [`The simulation flipped ${plural(numErrors, 'label')} (${formatPercent(numErrors / n)}).`];
  sentences.push(
    flagged === 0
      ? 'labelscope flags no rows.'
      : `labelscope flags ${plural(flagged, 'row')}: ${formatCount(confirmed)} of them were flipped, ` +
          `${formatCount(correct)} were not.`,
  );
  if (numErrors > 0) sentences.push(`It finds ${formatCount(confirmed)} of the ${plural(numErrors, 'flip')}.`);
  if (correct > 0)
    sentences.push(
      'Flags on rows that were not flipped may still be real errors in the original labels: look at them.',
    );
  return h(
    'section',
    { class: 'truth', 'aria-label': 'Known truth' },
    h(
      'div',
      { class: 'truth-words' },
      h('h2', { class: 'section-title' }, 'Against the known truth: the simulated flips'),
      h('p', { class: 'truth-text' }, sentences.join(' ')),
    ),
    h(
      'dl',
      { class: 'summary truth-stats' },
      stat('Flipped rows', formatCount(numErrors), `${formatPercent(numErrors / n)} of ${formatCount(n)}`, {
        key: 'known-errors',
      }),
      stat(
        'Flags on flipped rows',
        `${formatCount(confirmed)} of ${formatCount(flagged)}`,
        precision == null ? 'precision unknown' : `precision against the flips ${formatPercent(precision)}`,
        { key: 'precision' },
      ),
      stat(
        'Flips found',
        `${formatCount(confirmed)} of ${formatCount(numErrors)}`,
        recall == null ? 'no flips' : `recall ${formatPercent(recall)}`,
        { key: 'recall' },
      ),
    ),
    h('p', { class: 'help' }, `Truth from ${truth.sources.join(', ')}.`),
  );
}
