// The compact view for lesson and quiz pages: the headline numbers and the top few candidates,
// each with its explanation — nothing to configure.
import { h } from './dom.js';
import { explainParts } from './explain.js';
import { formatCount, formatPercent, formatProbability, formatRow } from './format.js';
import { idIsRowNumber } from '../controllers/columns.js';
import { displayColumns } from './review.js';
import { scoreFlags } from './truth.js';

const VERDICTS = { 1: ['error', 'real error'], 0: ['ok', 'label correct'] };
// Simulated truth knows only the flips: a row not flipped may still be wrong in the original labels.
const SIMULATED = { 1: ['error', 'flipped'], 0: ['ok', 'not flipped'] };

function verdict(truth, i) {
  const words = (truth?.simulated ? SIMULATED : VERDICTS)[truth?.status[i]];
  return words ? h('span', { class: `badge ${words[0]}` }, words[1]) : null;
}

/** ctx: {dataset, report, truth, classNames, labels}; maxRows: how many candidates to list. */
export function renderCompact(ctx, maxRows) {
  const { dataset, report, truth } = ctx;
  const scores = truth ? scoreFlags(truth, report.issues) : null;
  const n = report.numExamples;
  const flagged = report.issues.length;
  const { id, text } = displayColumns(dataset);
  const showId = id && !idIsRowNumber(id);
  const top = Array.from(report.issues.subarray(0, maxRows));
  return h(
    'div',
    { class: 'compact-result' },
    h(
      'p',
      { class: 'compact-summary' },
      h('strong', {}, `${formatCount(flagged)} of ${formatCount(n)} rows`),
      ` look mislabelled (${formatPercent(flagged / n)}). `,
      `Health score ${formatProbability(report.healthScore)}.`,
      scores && flagged && truth?.simulated
        ? ` Known truth: ${formatCount(scores.confirmed)} of the ${formatCount(flagged)} flags are on rows the ` +
            `simulation flipped; ` +
            'the others may still be real errors in the original labels.'
        : '',
      scores && flagged && !truth?.simulated
        ? ` Known truth: ${formatCount(scores.confirmed)} of the ${formatCount(flagged)} flags are real errors.`
        : '',
    ),
    top.length
      ? h(
          'ol',
          { class: 'compact-list', 'aria-label': 'Most likely mislabelled rows' },
          top.map((i) =>
            h(
              'li',
              { class: 'compact-item', 'data-index': i },
              h(
                'span',
                { class: 'compact-title' },
                // Row N as everywhere on the page; the data's own id beside it (not when it is the row number).
                h(
                  'span',
                  { class: 'compact-id' },
                  `Row ${formatRow(i)}${showId ? ` · ${id.name} ${id.values[i]}` : ''}`,
                ),
                text ? h('span', { class: 'compact-text' }, text.values[i]) : null,
                verdict(truth, i),
              ),
              h(
                'span',
                { class: 'compact-why' },
                explainParts(i, ctx).map((part) => (typeof part === 'string' ? part : h('strong', {}, part.cls))),
              ),
            ),
          ),
        )
      : null,
    flagged > top.length ? h('p', { class: 'help' }, `…and ${formatCount(flagged - top.length)} more.`) : null,
  );
}
