// The review table's columns and cells: rank, row, the data's id (if any), the text or explanation,
// given and suggested label, the decision, label quality, probabilities and the known truth.
import { idIsRowNumber } from '../controllers/columns.js';
import { decisionBadge } from './decision-controls.js';
import { explanationNode } from './detail.js';
import { explainParts } from './explain.js';
import { h, replace } from './dom.js';
import { formatCount, formatProbability, formatRow } from './format.js';
import { thumbnail } from './thumbnails.js';

function longest(values) {
  let max = 0;
  for (const v of values) max = Math.max(max, v.length);
  return max;
}

function classCell(cell, name) {
  cell.textContent = name;
  cell.title = name;
}

function probabilityCell(cell, p) {
  cell.textContent = formatProbability(p);
}

function truthBadge(status, simulated, hidden = false) {
  // Simulated truth knows only the flips: a row not flipped may still be wrong in the original labels.
  if (simulated && status === 1)
    return h('span', { class: 'badge error', title: 'Flipped by the simulated noise' }, 'flipped');
  if (simulated && status === 0) {
    return h(
      'span',
      { class: 'badge ok', title: 'Not flipped by the simulation: the original label may still be wrong' },
      'not flipped',
    );
  }
  if (status === 1) return h('span', { class: 'badge error', title: 'A confirmed label error' }, 'error');
  if (status === 0) return h('span', { class: 'badge ok', title: 'Checked: the label is correct' }, 'correct');
  // hide-truth: only the rows decided so far show theirs (controllers/simulation.js truthSoFar).
  if (hidden) {
    const what = simulated ? 'whether it was flipped' : 'its known truth';
    return h(
      'span',
      { class: 'badge unknown', title: `Hidden: decide this row, or press Reveal the truth, to see ${what}` },
      '—',
    );
  }
  return h('span', { class: 'badge unknown', title: 'Not reviewed' }, '—');
}

/** The columns for ctx ({columns, truth, dataset}); sameAsPGiven: quality is p(given) itself. */
export function tableColumns(ctx, sameAsPGiven) {
  const { columns, truth, dataset } = ctx;
  // Row: wide enough for the largest row number (grouped: 4,819). The id, its own column: for the longest id
  // and the column's name (up to 16 characters; longer ones are cut, the whole id in the cell's title).
  const indexWidth = Math.max(56, 9 * formatRow(dataset.numExamples - 1).length + 22);
  // An id that is the row number itself (1..N) says nothing the Row column does not: left out.
  const id = columns.id && !idIsRowNumber(columns.id) ? columns.id : null;
  const idWidth = id
    ? Math.max(56, 9 * Math.min(16, Math.max(longest(columns.id.values), columns.id.name.length)) + 22)
    : 0;
  const truthWidth = truth?.simulated ? 112 : 86;
  // The labels' columns as wide as their longest class name (up to the widths they had), the rest to the text.
  const nameChars = longest(dataset.classNames);
  const givenWidth = Math.min(100, Math.max(64, Math.ceil(7.6 * nameChars) + 22));
  const suggestedWidth = Math.min(110, Math.max(90, Math.ceil(9 * nameChars) + 22));
  // Widths in px: the header uses a smaller font than the rows, so em tracks would not line up.
  const defs = [
    { key: 'rank', title: 'Rank', sortable: true, width: '52px', minWidth: 52 },
    // The row number is how a person finds the row in the spreadsheet: always shown, the id beside it.
    { key: 'index', title: 'Row', sortable: true, width: `${indexWidth}px`, minWidth: indexWidth },
    id ? { key: 'id', title: id.name, width: `${idWidth}px`, minWidth: idWidth } : null,
    {
      key: 'example',
      title: columns.text ? columns.text.name : 'Explanation',
      width: 'minmax(150px, 1fr)',
      minWidth: 150,
    },
    { key: 'given', title: 'Given', sortable: true, width: `${givenWidth}px`, minWidth: givenWidth },
    { key: 'suggested', title: 'Suggested', sortable: true, width: `${suggestedWidth}px`, minWidth: suggestedWidth },
    { key: 'decision', title: 'Decision', width: '122px', minWidth: 122 },
    {
      key: 'quality',
      title: 'Quality',
      sortable: true,
      width: '76px',
      minWidth: 76,
      hint: sameAsPGiven
        ? 'Label quality: with self_confidence ranking, the probability of the given label, p(given)'
        : null,
    },
    // With self_confidence (and no ranking) the label quality is p(given): one column shows both.
    sameAsPGiven ? null : { key: 'pGiven', title: 'p(given)', sortable: true, width: '78px', minWidth: 78 },
    { key: 'pSuggested', title: 'p(sugg.)', sortable: true, width: '78px', minWidth: 78 },
    // Simulated noise says "not flipped", wider than "correct".
    truth ? { key: 'truth', title: 'Truth', width: `${truthWidth}px`, minWidth: truthWidth } : null,
  ].filter(Boolean);
  return defs;
}

/** Fills one cell of row i (selected: the row shown in the detail pane). */
export function renderCell(cell, col, i, ctx, selected) {
  const { report, dataset, rank, columns, truth } = ctx;
  const names = dataset.classNames;
  cell.classList.toggle('selected', i === selected);
  switch (col.key) {
    case 'rank':
      cell.textContent = rank[i] >= 0 ? formatCount(rank[i] + 1) : '—';
      break;
    case 'index':
      cell.textContent = formatRow(i); // row N = the N-th data row
      break;
    case 'id':
      cell.textContent = columns.id.values[i];
      cell.title = columns.id.values[i];
      break;
    case 'example': {
      const parts = explainParts(i, ctx);
      if (columns.text) {
        replace(
          cell,
          h('span', { class: 'primary', title: columns.text.values[i] }, columns.text.values[i]),
          h('span', { class: 'secondary' }, explanationNode(parts)),
        );
      } else if (dataset.images) {
        // Pixels (a demo of images): the row's image beside the explanation (ui/thumbnails.js).
        replace(
          cell,
          h(
            'span',
            { class: 'thumb-row' },
            thumbnail(dataset.images, i, { size: 56 }),
            h('span', { class: 'secondary only' }, explanationNode(parts)),
          ),
        );
      } else {
        replace(cell, h('span', { class: 'secondary only' }, explanationNode(parts)));
      }
      break;
    }
    case 'given':
      classCell(cell, names[dataset.labels[i]]);
      break;
    case 'suggested':
      classCell(cell, names[report.suggestedLabel[i]]);
      cell.classList.toggle('differs', report.suggestedLabel[i] !== dataset.labels[i]);
      break;
    case 'quality':
      probabilityCell(cell, report.labelQuality[i]);
      break;
    case 'pGiven':
      probabilityCell(cell, report.givenProbability[i]);
      break;
    case 'pSuggested':
      probabilityCell(cell, report.suggestedProbability[i]);
      break;
    case 'truth':
      replace(cell, truthBadge(truth.status[i], truth.simulated, truth.hidden));
      break;
    case 'decision':
      replace(cell, decisionBadge(ctx.decisions.get(i), names));
      break;
    default:
      break;
  }
}
