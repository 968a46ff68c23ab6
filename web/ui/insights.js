// The charts section: where the label noise is (heatmap), which classes suffer most (bars), and how
// label quality is spread over all rows (histogram).
import { classQualityText, flaggedPerClass, MAX_CLASS_BARS, renderClassQuality, renderHistogram } from './charts.js';
import { createClassSearch } from './class-search.js';
import { h } from './dom.js';
import { formatCount } from './format.js';
import { MAX_GRID_CLASSES, renderConfusedPairs } from './confused-pairs.js';
import { describeCell, renderHeatmap } from './heatmap.js';
import { matrixCells } from '../src/js/report-transfer.js';

const MATRICES = {
  counts: {
    title: 'Confident joint',
    help:
      'Rows counted by given label (rows) and the class the model confidently points to (columns). ' +
      'Off-diagonal cells are likely label errors. Click a cell, or press Enter on it, to list those rows.',
    key: 'confidentJoint',
    pick: (report) => report.confidentJoint,
  },
  rates: {
    title: 'Noise matrix',
    help:
      'Estimated P(given label | true class): each column sums to 1. Off-diagonal cells say how often a true ' +
      'class gets another label.',
    key: 'noiseMatrix',
    pick: (report) => report.noiseMatrix,
  },
};

const QUALITY_HELP =
  '“Estimated wrong” is cleanlab’s estimate from the confident joint (rows the model confidently puts in ' +
  'another class), not a count of the flagged rows: “flagged” is how many of the class’s rows the table flags.';
// hide-truth before the reveal: the estimated-wrong counts add up to the estimated noise, the answer hidden.
const QUALITY_HELP_HIDDEN =
  '“Flagged” is how many of the class’s rows the table flags. How many of each class’s rows cleanlab ' +
  'estimates to be wrong (together, the estimated noise) shows once the truth is revealed.';

/** Any class's label quality and place among all classes (the bars show only the worst). */
function classQualitySearch(report, names, flaggedCounts, hideEstimate) {
  const readout = h('p', { class: 'readout class-quality-readout', 'aria-live': 'polite' });
  const search = createClassSearch({
    names,
    label: 'Label quality of a class',
    className: 'quality-search',
    placeholder: 'Any class: type its name…',
    onPick: (c) => {
      const place = report.classQuality.findIndex((q) => q.classIndex === c);
      const q = report.classQuality[place];
      readout.textContent = q
        ? `${classQualityText(q, names[c], report.labelCounts[c], flaggedCounts?.[c] ?? null, { hideEstimate })} ` +
          `${formatCount(place + 1)} of ${formatCount(names.length)} classes, worst first.`
        : '';
    },
  });
  return h('div', { class: 'class-quality-search' }, search.element, readout);
}

/**
 * ctx: {dataset, report, estimateHidden (hide-truth before the reveal: no estimated-wrong counts)};
 * onPickCell(given, suggested) filters the table.
 */
export function renderInsights({ dataset, report, estimateHidden = false }, { onPickCell, kind = 'counts', onKind }) {
  const names = dataset.classNames;
  const flaggedCounts = flaggedPerClass(report, dataset.labels, names.length); // beside cleanlab's estimate
  const matrixInfo = MATRICES[kind];
  // Many classes: the most confused pairs and a class search instead of K x K cells
  // (ui/confused-pairs.js), the matrix read in place, never built as K arrays.
  const grid = names.length <= MAX_GRID_CLASSES;
  const matrix = grid ? matrixInfo.pick(report) : null;
  // A phone or tablet has no hover: a tap shows the value (and, for counts, lists those rows in the table).
  // One hint says so, in the help above the grid; a mouse or keyboard reads its two ways apart.
  const touch = globalThis.matchMedia?.('(hover: none), (pointer: coarse)').matches;
  const readout = grid
    ? h('p', { class: 'readout', 'aria-live': 'polite' }, touch ? '' : 'Hover over or focus a cell to see its value.')
    : null;
  const touchHelp =
    kind === 'counts'
      ? matrixInfo.help.replace(
          'Click a cell, or press Enter on it, to list those rows.',
          'Tap a cell to see its value and list those rows.',
        )
      : `${matrixInfo.help} Tap a cell to see its value.`;
  const heatmap = grid
    ? renderHeatmap({
        matrix,
        kind,
        classNames: names,
        numExamples: report.numExamples,
        label: `${matrixInfo.title} heatmap`,
        onFocusCell: (i, j) => {
          readout.textContent = describeCell(kind, matrix, i, j, names, report.numExamples);
        },
        onPickCell: (i, j) => {
          if (kind === 'counts') onPickCell(i, j);
        },
      })
    : renderConfusedPairs({
        cells: matrixCells(report, matrixInfo.key),
        kind,
        classNames: names,
        numExamples: report.numExamples,
        onPickCell,
      }).element;
  const toggle = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Matrix' },
    Object.entries(MATRICES).map(([key, info]) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(key === kind),
          onclick: () => onKind(key),
        },
        info.title,
      ),
    ),
  );

  const method = report.rankBy === 'none' ? 'self_confidence' : report.rankBy;
  return h(
    'section',
    { class: 'insights', 'aria-label': 'Charts' },
    h(
      'div',
      { class: 'card chart-card matrix-card' },
      h('div', { class: 'card-head' }, h('h2', { class: 'section-title' }, 'Where the noise is'), toggle),
      h(
        'p',
        { class: 'help' },
        grid ? (touch ? touchHelp : matrixInfo.help) : matrixInfo.help.replace(/ Click a cell.*$/, ''),
      ),
      grid ? h('div', { class: 'chart-scroll' }, heatmap) : heatmap,
      readout,
    ),
    h(
      'div',
      { class: 'card chart-card' },
      h('h2', { class: 'section-title' }, 'Label quality per class'),
      h(
        'p',
        { class: 'help' },
        'Share of each class’s rows whose label looks right (1 = all of them), worst first' +
          `${names.length > MAX_CLASS_BARS ? `: the ${MAX_CLASS_BARS} worst of ${formatCount(names.length)} classes` : ''}. ` +
          (estimateHidden ? QUALITY_HELP_HIDDEN : QUALITY_HELP),
      ),
      h(
        'div',
        { class: 'chart-scroll' },
        renderClassQuality({
          classQuality: report.classQuality,
          classNames: names,
          labelCounts: report.labelCounts,
          flaggedCounts,
          hideEstimate: estimateHidden,
        }),
      ),
      names.length > MAX_CLASS_BARS ? classQualitySearch(report, names, flaggedCounts, estimateHidden) : null,
    ),
    h(
      'div',
      { class: 'card chart-card' },
      h('h2', { class: 'section-title' }, 'Label quality of every row'),
      h(
        'p',
        { class: 'help' },
        'Rows per label-quality score; flagged rows in colour. Counts are on a log scale ' +
          'so a handful of flags stays visible next to thousands of clean rows.',
      ),
      h(
        'div',
        { class: 'chart-scroll' },
        renderHistogram({ scores: report.labelQuality, isIssue: report.isLabelIssue, method }),
      ),
    ),
  );
}
