// The detail pane of the selected row: its heading (rank, id, row number), its text, why it was
// flagged in words, the verdict of the known truth, its class probabilities as bars, and every cell
// of the row as the file has it (a table computed here: read again from the file, as written).
import { idIsRowNumber, rowCells } from '../controllers/columns.js';
import { h, replace } from './dom.js';
import { explainParts, explainText } from './explain.js';
import { formatCount, formatProbability, formatRow, isolate } from './format.js';
import { thumbnail } from './thumbnails.js';

const MAX_DETAIL_CLASSES = 10;

/** Explanation parts as nodes: class names emphasised, always as text. */
export function explanationNode(parts) {
  // <bdi>: a name in Arabic or with a direction control neither takes the numbers after it along
  // nor turns the sentence around.
  return parts.map((part) => (typeof part === 'string' ? part : h('strong', { class: 'cls' }, h('bdi', {}, part.cls))));
}

/**
 * Every cell of the row as the file has it (name: value, in file order), each column's use by the trainer
 * beside it when computed here: a reviewer judges the label from the row's own data.
 */
function rowCellsList(cells, file, i, reading) {
  const traced = cells.some((c) => c.use);
  return h(
    'section',
    { class: 'detail-row', 'aria-label': 'The row’s own cells' },
    h(
      'p',
      { class: 'detail-row-title' },
      file ? `Row ${formatRow(i)} of ${isolate(file)}` : `Row ${formatRow(i)}`,
      traced ? h('span', { class: 'detail-row-key' }, ' · in bold, what the model learned from') : null,
    ),
    h(
      'dl',
      { class: `detail-extra${traced ? ' traced' : ''}` },
      cells.map((c) => {
        const value =
          c.value == null
            ? reading
              ? h('span', { class: 'missing', title: 'Reading the row from the file' }, 'reading…')
              : h(
                  'span',
                  { class: 'missing', title: 'The trainer did not read this column: its values were not kept' },
                  'not kept',
                )
            : c.value === ''
              ? h('span', { class: 'missing' }, 'missing')
              : h('bdi', {}, c.value);
        return h(
          'div',
          { class: `detail-cell${c.used ? ' used' : ''}${c.use ? '' : ' plain'}` },
          h('dt', { title: c.name }, c.name),
          // The use flows after the value (wrapping with it): the pane is narrow beside the table.
          h('dd', {}, value, c.use ? [' ', h('span', { class: 'detail-use', title: c.note }, c.use)] : null),
        );
      }),
    ),
  );
}

/**
 * Puts row i's cells as its file wrote them (`written`, src/js/written-rows.js namedCells), or as kept when
 * null, in place of the pane's list of cells; the rest of the pane (and what has focus there) stays.
 */
export function updateRowCells(detailBody, i, ctx, written) {
  const list = detailBody.querySelector('.detail-row');
  if (!list) return;
  const { dataset } = ctx;
  const file = dataset.computed?.labelsFile || dataset.source?.labelsFile;
  list.replaceWith(rowCellsList(rowCells(dataset, i, written), file, i, false));
}

/**
 * Fills the pane for row i. probabilities: its row of the probability matrix, or null.
 * ctx: {report, dataset, rank, columns, truth, ...} as the review panel holds it. written: the row's
 * cells as its file wrote them (src/js/written-rows.js), 'reading' while they are read, or null.
 */
export function renderDetail(detailHead, detailBody, i, probabilities, ctx, written = null) {
  const { report, dataset, rank, columns, truth } = ctx;
  const names = dataset.classNames;
  const given = dataset.labels[i];
  const suggested = report.suggestedLabel[i];
  // "row N" is the N-th data row (header not counted), as in the table, errors and exports.
  const heading = [
    rank[i] >= 0 ? `Rank ${formatCount(rank[i] + 1)}` : 'Not flagged',
    ' · ',
    // An id that is the row number itself (1..N) would say it twice.
    columns.id && !idIsRowNumber(columns.id)
      ? [h('span', { class: 'detail-id' }, `${columns.id.name} ${columns.id.values[i]}`), ' · ']
      : null,
    `row ${formatRow(i)}`,
  ];
  // Computed here: the dataset was read from the computed table; the labels came from the person's file.
  const file = dataset.computed?.labelsFile || dataset.source?.labelsFile;
  const whereInFile = file ? `row ${formatRow(i)} of ${isolate(file)} (header not counted)` : null;
  const status = truth?.status[i];
  // Simulated truth knows only the flips: a row not flipped may still be wrong in the original labels.
  const simulatedVerdict =
    status === 1
      ? `Flipped by the simulated ` +
        `noise${truth.corrected[i] >= 0 ? ` — its label was ${isolate(names[truth.corrected[i]])}` : ''}.`
      : 'Not flipped by the simulation — the original label may still be wrong.';
  const verdict =
    truth?.simulated && status != null && status >= 0
      ? simulatedVerdict
      : status === 1
        ? `Known truth: a label ` +
          `error${truth.corrected[i] >= 0 ? ` — the correct label is ${isolate(names[truth.corrected[i]])}` : ''}.`
        : status === 0
          ? 'Known truth: the label is correct.'
          : truth
            ? 'Known truth: not reviewed.'
            : null;

  let bars = null;
  if (probabilities) {
    const classes = [...probabilities.keys()].sort((a, b) => probabilities[b] - probabilities[a] || a - b);
    const shown = classes.slice(0, MAX_DETAIL_CLASSES);
    for (const c of [given, suggested]) if (!shown.includes(c)) shown.push(c);
    bars = h(
      'ul',
      { class: 'prob-bars', 'aria-label': 'Predicted probability of each class' },
      shown.map((c) => {
        const bar = h('span', { class: 'prob-fill' });
        bar.style.width = `${(probabilities[c] * 100).toFixed(1)}%`;
        const threshold = h('span', {
          class: 'prob-threshold',
          title: `${names[c]}’s threshold ${formatProbability(report.thresholds[c])}`,
        });
        threshold.style.left = `${(report.thresholds[c] * 100).toFixed(1)}%`;
        const role =
          c === given && c === suggested
            ? 'given = suggested'
            : c === given
              ? 'given'
              : c === suggested
                ? 'suggested'
                : '';
        return h(
          'li',
          { class: `prob${c === given ? ' given' : ''}${c === suggested ? ' suggested' : ''}` },
          h('span', { class: 'prob-name', title: names[c] }, names[c]),
          h('span', { class: 'prob-track' }, bar, threshold),
          h('span', { class: 'prob-value' }, formatProbability(probabilities[c])),
          h('span', { class: 'prob-role' }, role),
        );
      }),
      classes.length > shown.length
        ? h(
            'li',
            { class: 'help' },
            `${formatCount(classes.length - shown.length)} ` +
              `more classes below ${formatProbability(probabilities[classes[shown.length - 1]])}`,
          )
        : null,
    );
  }
  const cells = rowCells(dataset, i, Array.isArray(written) ? written : null);
  replace(
    detailHead,
    h('p', { class: 'detail-heading' }, heading),
    columns.text ? h('p', { class: 'detail-text' }, columns.text.values[i]) : null,
    dataset.images
      ? thumbnail(dataset.images, i, { size: 168, label: `Image of row ${formatRow(i)}, given ${names[given]}` })
      : null,
  );
  replace(
    detailBody,
    h('p', { class: 'detail-explanation', 'aria-label': explainText(i, ctx) }, explanationNode(explainParts(i, ctx))),
    verdict ? h('p', { class: `detail-verdict${status === 1 ? ' error' : status === 0 ? ' ok' : ''}` }, verdict) : null,
    bars,
    bars
      ? h(
          'p',
          { class: 'help' },
          'Ticks mark each class’s confident threshold: the average probability the ' +
            'model gives that class on rows labelled with it.',
        )
      : null,
    cells.length ? rowCellsList(cells, file, i, written === 'reading') : null,
    h(
      'p',
      { class: 'detail-quality' },
      `Label quality ${formatProbability(report.labelQuality[i])} ` +
        `(${report.rankBy === 'none' ? 'self_confidence' : report.rankBy.replace(/_/g, ' ')}).`,
      whereInFile ? ` In the file: ${whereInFile}.` : '',
    ),
  );
}
