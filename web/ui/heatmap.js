// The confident joint (counts) or noise matrix (rates) as an SVG heatmap. Rows: the given label;
// columns: the label the model points to. Every cell says its value on hover and on keyboard focus
// (arrow keys move between cells, Enter shows those rows in the table).
import { svg } from './dom.js';
import { formatCount, formatPercent, plural } from './format.js';

const MAX_LABEL_CHARS = 12;
/** Up to this many classes the matrix is drawn as a grid (22 px cells: 30 x 30 fits a laptop);
 * above it, ui/confused-pairs.js lists the most confused pairs instead of K x K cells. */
export const MAX_GRID_CLASSES = 30;
const short = (name) => (name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1)}…` : name);

/** A rate in a cell: "12%", "<1%", "100%". */
export function shortPercent(value) {
  if (value > 0 && value < 0.005) return '<1%';
  if (value < 1 && value > 0.995) return '>99%';
  return `${Math.round(value * 100)}%`;
}

/** What one cell means, in words. */
export function describeCell(kind, matrix, i, j, classNames, numExamples) {
  return describeValue(kind, matrix[i][j], i, j, classNames, numExamples);
}

/** What the value of cell (i, j) means, in words. */
export function describeValue(kind, value, i, j, classNames, numExamples) {
  const given = classNames[i];
  const other = classNames[j];
  if (kind === 'counts') {
    if (i === j) return `Labelled ${given}, and the model agrees: ${plural(value, 'row')}.`;
    return (
      `Labelled ${given}, but the model confidently says ${other}: ${plural(value, 'row')} ` +
      `(${formatPercent(value / numExamples)} of all).`
    );
  }
  return `Of the rows whose true class is ${other}, an estimated ${formatPercent(value)} are labelled ${given}.`;
}

/**
 * matrix: K x K numbers; numExamples: N (for shares); kind: 'counts' | 'rates'.
 * onFocusCell(i, j) runs on hover/focus, onPickCell(i, j) on click or Enter.
 */
export function renderHeatmap({ matrix, kind, classNames, numExamples, onFocusCell, onPickCell, label }) {
  const k = matrix.length;
  if (k > MAX_GRID_CLASSES)
    throw new RangeError(`A heatmap of ${k} classes would draw ${k * k} cells; list the confused pairs instead.`);
  const cell = Math.max(22, Math.min(52, Math.floor(360 / k)));
  const labelWidth = 8 + 7 * Math.min(MAX_LABEL_CHARS, Math.max(0, ...classNames.map((n) => n.length)));
  const left = labelWidth + 22;
  const top = labelWidth + 22;
  const size = cell * k;
  const width = left + size + Math.ceil(labelWidth * 0.72); // room for the last rotated column label
  const height = top + size + 4;
  // Counts and rates (as short percentages) fit cells of 30 px; smaller ones tell the value on hover/focus.
  const showValues = cell >= 30;

  let maxOff = 0;
  let maxDiag = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) maxDiag = Math.max(maxDiag, matrix[i][j]);
      else maxOff = Math.max(maxOff, matrix[i][j]);
    }
  }

  const root = svg('svg', {
    class: 'chart heatmap',
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': label,
    width,
    height,
  });
  root.append(
    svg(
      'text',
      { class: 'axis-title', x: left + size / 2, y: 12, 'text-anchor': 'middle' },
      kind === 'counts' ? 'Model says (confidently)' : 'True class (estimated)',
    ),
    svg(
      'text',
      {
        class: 'axis-title',
        x: 12,
        y: top + size / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 12 ${top + size / 2})`,
      },
      'Given label',
    ),
  );
  classNames.forEach((name, c) => {
    const x = left + c * cell + cell / 2;
    root.append(
      svg(
        'text',
        {
          class: 'tick',
          x,
          y: top - 6,
          transform: `rotate(-45 ${x} ${top - 6})`,
          'text-anchor': 'start',
        },
        svg('title', {}, name),
        short(name),
      ),
    );
    root.append(
      svg(
        'text',
        {
          class: 'tick',
          x: left - 6,
          y: top + c * cell + cell / 2,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
        },
        svg('title', {}, name),
        short(name),
      ),
    );
  });

  const cells = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const value = matrix[i][j];
      const diagonal = i === j;
      const scale = diagonal ? maxDiag : maxOff;
      const strength = scale > 0 && value > 0 ? Math.max(0.08, Math.sqrt(value / scale)) : 0;
      const text = describeCell(kind, matrix, i, j, classNames, numExamples);
      const shown = kind === 'counts' ? formatCount(value) : shortPercent(value);
      const g = svg(
        'g',
        {
          class: `hm-cell${diagonal ? ' diagonal' : ''}${value > 0 && !diagonal ? ' off' : ''}`,
          tabindex: i === 0 && j === (k > 1 ? 1 : 0) ? '0' : '-1',
          role: 'img',
          'aria-label': text,
          'data-row': i,
          'data-col': j,
        },
        svg('title', {}, text),
        svg('rect', {
          class: 'hm-bg',
          x: left + j * cell,
          y: top + i * cell,
          width: cell - 2,
          height: cell - 2,
          rx: 3,
        }),
        svg('rect', {
          class: 'hm-fill',
          x: left + j * cell,
          y: top + i * cell,
          width: cell - 2,
          height: cell - 2,
          rx: 3,
          'fill-opacity': strength.toFixed(3),
        }),
        showValues && value > 0
          ? svg(
              'text',
              {
                class: `hm-value${strength > 0.6 ? ' on-strong' : ''}`,
                x: left + j * cell + (cell - 2) / 2,
                y: top + i * cell + (cell - 2) / 2,
                'text-anchor': 'middle',
                'dominant-baseline': 'central',
              },
              shown,
            )
          : null,
      );
      cells.push(g);
      root.append(g);
    }
  }

  const cellAt = (i, j) => cells[i * k + j];
  const focus = (event) => {
    const g = event.target.closest?.('.hm-cell');
    if (g) onFocusCell?.(Number(g.dataset.row), Number(g.dataset.col));
  };
  root.addEventListener('focusin', focus);
  root.addEventListener('mouseover', focus);
  root.addEventListener('click', (event) => {
    const g = event.target.closest?.('.hm-cell');
    if (g) onPickCell?.(Number(g.dataset.row), Number(g.dataset.col));
  });
  root.addEventListener('keydown', (event) => {
    const g = event.target.closest?.('.hm-cell');
    if (!g) return;
    let i = Number(g.dataset.row);
    let j = Number(g.dataset.col);
    const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    if (event.key in moves) {
      event.preventDefault();
      i = Math.max(0, Math.min(k - 1, i + moves[event.key][0]));
      j = Math.max(0, Math.min(k - 1, j + moves[event.key][1]));
      g.setAttribute('tabindex', '-1');
      const next = cellAt(i, j);
      next.setAttribute('tabindex', '0');
      next.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPickCell?.(i, j);
    }
  });
  return root;
}
