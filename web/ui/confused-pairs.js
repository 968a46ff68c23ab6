// Many classes (more than MAX_GRID_CLASSES): instead of a K x K grid (a million cells at K = 1,000),
// the most confused pairs of classes as a ranked list, and a class search that shows where one
// class's rows go and where its look-alikes come from. Same numbers and words as the heatmap.
import { createClassSearch } from './class-search.js';
import { h, replace } from './dom.js';
import { formatCount } from './format.js';
import { describeValue, MAX_GRID_CLASSES, shortPercent } from './heatmap.js';

export { MAX_GRID_CLASSES };
const TOP_PAIRS = 20;
const PER_CLASS = 5;
const CELLS_PER_SLICE = 1 << 20; // ~1M cells scanned per task: a few ms, never a long task

/** Keeps the `limit` largest off-diagonal cells seen, largest first (ties: lower row, then column). */
class TopCells {
  constructor(limit) {
    this.limit = limit;
    this.cells = [];
  }
  get floor() {
    return this.cells.length < this.limit ? 0 : this.cells[this.cells.length - 1].value;
  }
  offer(i, j, value) {
    if (!(value > this.floor)) return;
    const cells = this.cells;
    let at = cells.length;
    while (at > 0 && cells[at - 1].value < value) at--;
    cells.splice(at, 0, { i, j, value });
    if (cells.length > this.limit) cells.pop();
  }
}

/**
 * A K x K matrix given as rows of numbers, as cells: { k, at(i, j) } (or flat: { k, at, values, cols },
 * or sparse: { k, at, sparse } from report-transfer.js sparseCells).
 */
export const cellsOfRows = (rows) => ({ k: rows.length, at: (i, j) => rows[i][j] });

/** The largest off-diagonal cells of a matrix ({ k, at(i, j) }), largest first. */
export function topPairs(cells, limit = TOP_PAIRS) {
  const top = new TopCells(limit);
  scanRows(cells, top, 0, cells.k);
  return top.cells;
}

function scanRows({ k, at, values, cols, sparse }, top, from, to) {
  if (sparse) {
    // only the listed (non-zero) cells, in the same row-major order: zeros never rank
    const { row, col, value, rowStart } = sparse;
    for (let e = rowStart[from]; e < rowStart[to]; e++) {
      if (value[e] > top.floor && col[e] !== row[e]) top.offer(row[e], col[e], value[e]);
    }
    return;
  }
  if (values) {
    // flat row-major values (report-transfer.js matrixCells): no call per cell
    let floor = top.floor;
    for (let i = from; i < to; i++) {
      const row = i * cols;
      for (let j = 0; j < k; j++) {
        const value = values[row + j];
        if (value > floor && j !== i) {
          top.offer(i, j, value);
          floor = top.floor;
        }
      }
    }
    return;
  }
  for (let i = from; i < to; i++) {
    for (let j = 0; j < k; j++) {
      const value = at(i, j);
      if (j !== i && value > top.floor) top.offer(i, j, value);
    }
  }
}

const nextTask = () =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

/** topPairs in slices of ~1M cells with a task boundary between them (K = 10,000: 100M cells). */
export async function topPairsSliced(cells, limit = TOP_PAIRS, isStale = () => false) {
  const { k } = cells;
  const top = new TopCells(limit);
  const step = Math.max(1, Math.floor(CELLS_PER_SLICE / Math.max(1, k)));
  for (let i = 0; i < k; i += step) {
    scanRows(cells, top, i, Math.min(k, i + step));
    if (i + step < k) {
      await nextTask();
      if (isStale()) return null;
    }
  }
  return top.cells;
}

/** Class c's row and column: where its rows go (given c) and where other rows point to it. */
export function classConfusions({ k, at }, c, limit = PER_CLASS) {
  const out = new TopCells(limit);
  const into = new TopCells(limit);
  for (let j = 0; j < k; j++) {
    if (j === c) continue;
    out.offer(c, j, at(c, j));
    into.offer(j, c, at(j, c));
  }
  return { out: out.cells, into: into.cells, diagonal: at(c, c) };
}

const shown = (kind, value) => (kind === 'counts' ? formatCount(value) : shortPercent(value));

/** One pair as a list item: "A → B  123" with a bar scaled to the top pair; a button when it filters. */
function pairItem(cell, { kind, classNames, numExamples, onPickCell, scale }) {
  const text = describeValue(kind, cell.value, cell.i, cell.j, classNames, numExamples);
  const bar = h('span', { class: 'pair-bar' });
  bar.style.width = `${Math.max(2, Math.round((cell.value / scale) * 100))}%`;
  const parts = [
    // Counts: given → model says; rates: true class → the label it gets.
    h(
      'span',
      { class: 'pair-names' },
      h('bdi', { class: 'pair-from' }, classNames[kind === 'counts' ? cell.i : cell.j]),
      h('span', { class: 'pair-arrow', 'aria-hidden': 'true' }, ' → '),
      h('bdi', { class: 'pair-to' }, classNames[kind === 'counts' ? cell.j : cell.i]),
    ),
    h('span', { class: 'pair-track', 'aria-hidden': 'true' }, bar),
    h('span', { class: 'pair-value' }, shown(kind, cell.value)),
  ];
  const attrs = { 'data-row': cell.i, 'data-col': cell.j, title: text };
  return h(
    'li',
    { class: 'pair-item' },
    kind === 'counts' && onPickCell
      ? h(
          'button',
          {
            type: 'button',
            class: 'pair',
            'aria-label': `${text} Show these rows.`,
            ...attrs,
            onclick: () => onPickCell(cell.i, cell.j),
          },
          parts,
        )
      : h('span', { class: 'pair', role: 'img', 'aria-label': text, ...attrs }, parts),
  );
}

function pairList(cells, options, label) {
  if (!cells.length) return h('p', { class: 'help' }, 'None.');
  const scale = Math.max(...cells.map((c) => c.value)) || 1;
  return h(
    'ol',
    { class: 'pairs', 'aria-label': label },
    cells.map((cell) => pairItem(cell, { ...options, scale })),
  );
}

/**
 * The many-class view of one matrix: the top pairs (computed in slices) and a class search.
 * cells: the matrix as { k, at(i, j) }; kind: 'counts' | 'rates'; onPickCell(i, j) lists those rows
 * (counts only). Returns { element, dispose() }.
 */
export function renderConfusedPairs({ cells, kind, classNames, numExamples, onPickCell }) {
  const k = classNames.length;
  const options = { kind, classNames, numExamples, onPickCell };
  const what =
    kind === 'counts'
      ? 'Labelled A, but the model confidently says B: rows'
      : 'Rows whose true class is A that are labelled B: estimated share of A';
  const top = h(
    'div',
    { class: 'pairs-top', 'aria-busy': 'true' },
    h('p', { class: 'help' }, 'Finding the most confused pairs…'),
  );
  const found = h('div', { class: 'class-confusions', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'confused-pairs', 'data-classes': k },
    h(
      'p',
      { class: 'help pairs-why' },
      `${formatCount(k)} classes are too many for a grid (${formatCount(k * k)} cells): here are the ` +
        `${TOP_PAIRS} most confused pairs, ` +
        'and a search for any one class.',
    ),
    h('h3', { class: 'pairs-title' }, `Most confused pairs (A → B)`),
    h('p', { class: 'help' }, `${what}.${kind === 'counts' ? ' Choose a pair to list its rows.' : ''}`),
    top,
    h('h3', { class: 'pairs-title' }, 'One class'),
    createClassSearch({
      names: classNames,
      label: 'Find a class',
      className: 'pairs-search',
      onPick: (c) => {
        const { out, into, diagonal } = classConfusions(cells, c);
        const name = classNames[c];
        replace(
          found,
          h(
            'p',
            { class: 'pairs-class' },
            h('bdi', {}, name),
            kind === 'counts'
              ? `: ${formatCount(diagonal)} rows labelled so where the model agrees.`
              : `: an estimated ${shortPercent(diagonal)} of its true rows keep this label.`,
          ),
          h(
            'p',
            { class: 'help' },
            kind === 'counts' ? 'Labelled this, but the model says:' : 'Labelled this, while truly:',
          ),
          pairList(out, options, `Labelled ${name}: where the model points`),
          h(
            'p',
            { class: 'help' },
            kind === 'counts' ? 'The model says this, but labelled:' : 'Truly this, but labelled:',
          ),
          pairList(into, options, `Pointing to ${name}: their labels`),
        );
      },
    }).element,
    found,
  );
  let stale = false;
  topPairsSliced(cells, TOP_PAIRS, () => stale || !element.isConnected).then((cells) => {
    if (!cells) return;
    top.removeAttribute('aria-busy');
    replace(top, pairList(cells, options, 'Most confused pairs'));
  });
  return {
    element,
    dispose: () => {
      stale = true;
    },
  };
}
