// Reviewing the candidates: filters and sorting above a virtualized table, and a detail pane that
// explains the active row with all of its class probabilities.
import { h, replace, uid } from './dom.js';
import { explainParts, explainText } from './explain.js';
import { formatCount, formatProbability, plural } from './format.js';
import { rankPositions, rowOrder, SHOW_MODES } from './order.js';
import { VirtualTable } from './table.js';

const TEXT_NAMES = ['text', 'sentence', 'title', 'headline', 'content', 'description', 'caption', 'name', 'item', 'filename', 'file', 'path', 'image', 'url'];
const ID_NAMES = ['id', 'example_id', 'row_id', 'key', 'uid'];
const SORT_NAMES = {
  rank: 'Rank', index: 'Row', given: 'Given label', suggested: 'Suggested label', quality: 'Label quality',
  pGiven: 'p(given)', pSuggested: 'p(suggested)',
};
const MAX_DETAIL_CLASSES = 10;

/** The passthrough columns worth showing: an id column and a text column, if the data has them. */
export function displayColumns(dataset) {
  const find = (names) => dataset.extraColumns.find((c) => names.includes(c.name.toLowerCase()));
  const id = find(ID_NAMES) ?? null;
  const text = find(TEXT_NAMES) ?? dataset.extraColumns.find((c) => c !== id) ?? null;
  return { id, text };
}

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

function explanationNode(parts) {
  return parts.map((part) => (typeof part === 'string' ? part : h('strong', { class: 'cls' }, part.cls)));
}

function truthBadge(status) {
  if (status === 1) return h('span', { class: 'badge error', title: 'A confirmed label error' }, 'error');
  if (status === 0) return h('span', { class: 'badge ok', title: 'Checked: the label is correct' }, 'correct');
  return h('span', { class: 'badge unknown', title: 'Not reviewed' }, '—');
}

function select(label, options, onChange, extra = {}) {
  const id = uid('sel');
  const control = h('select', { id, onchange: (e) => onChange(e.target.value), ...extra },
    options.map(([value, text]) => h('option', { value }, text)));
  return { control, field: h('span', { class: 'toolbar-field' }, h('label', { for: id }, label), control) };
}

export class ReviewPanel {
  #ctx = null;
  #view = { show: 'flagged', given: -1, suggested: -1, sortKey: 'rank', descending: false };
  #order = new Int32Array(0);
  #table = null;
  #selected = -1;
  #maxRows = Infinity;
  #detailRequest = 0;

  constructor({ onExport }) {
    this.count = h('p', { class: 'row-count', role: 'status' });
    this.tableSlot = h('div', { class: 'table-slot' });
    this.detail = h('aside', { class: 'detail', 'aria-label': 'Selected row', 'aria-live': 'polite' });
    this.toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Filter and sort the table' });
    this.exports = h('div', { class: 'exports' },
      h('button', { type: 'button', class: 'export-flagged', onclick: () => onExport('flagged') }, 'Download flagged rows (CSV)'),
      h('button', { type: 'button', class: 'quiet export-full', onclick: () => onExport('full') }, 'Download full dataset (CSV)'));
    this.element = h('section', { class: 'review', 'aria-label': 'Likely mislabelled rows' },
      h('div', { class: 'review-head' }, h('h2', { class: 'section-title' }, 'Likely mislabelled rows'), this.exports),
      this.toolbar, this.count,
      h('div', { class: 'review-body' }, this.tableSlot, this.detail));
  }

  /** New data: a new dataset or truth (rebuilds the table), or only a new report (keeps filters). */
  setData(ctx, { newDataset = false, maxRows = Infinity } = {}) {
    const columnsChanged = newDataset || !this.#ctx || Boolean(this.#ctx.truth) !== Boolean(ctx.truth);
    this.#ctx = { ...ctx, rank: rankPositions(ctx.report), columns: displayColumns(ctx.dataset) };
    this.#maxRows = maxRows;
    if (newDataset) {
      this.#view = { show: 'flagged', given: -1, suggested: -1, sortKey: 'rank', descending: false };
      this.#selected = -1;
    }
    if (!ctx.truth && (this.#view.show === 'errors' || this.#view.show === 'missed')) this.#view.show = 'flagged';
    if (columnsChanged) this.#buildTable();
    this.#buildToolbar();
    this.#apply({ keepPosition: !newDataset });
  }

  /** Shows rows given as `given`, suggested as `suggested` (from a heatmap cell). */
  filterTo(given, suggested) {
    this.#view = { ...this.#view, given, suggested };
    this.#buildToolbar();
    this.#apply({ keepPosition: false });
    this.element.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  // ---- building ---------------------------------------------------------------------------------

  #buildTable() {
    const { columns, truth, dataset } = this.#ctx;
    // Wide enough for the longest row number or id (up to 16 characters; longer ones are cut).
    const chars = columns.id ? Math.min(16, longest(columns.id.values)) : String(dataset.numExamples - 1).length;
    const indexWidth = Math.max(56, 9 * chars + 22);
    // Widths in px: the header uses a smaller font than the rows, so em tracks would not line up.
    const defs = [
      { key: 'rank', title: 'Rank', sortable: true, width: '52px', minWidth: 52 },
      { key: 'index', title: columns.id ? columns.id.name : 'Row', sortable: true, width: `${indexWidth}px`, minWidth: indexWidth },
      { key: 'example', title: columns.text ? columns.text.name : 'Explanation', width: 'minmax(200px, 1fr)', minWidth: 200 },
      { key: 'given', title: 'Given', sortable: true, width: '104px', minWidth: 104 },
      { key: 'suggested', title: 'Suggested', sortable: true, width: '108px', minWidth: 108 },
      { key: 'quality', title: 'Quality', sortable: true, width: '76px', minWidth: 76 },
      { key: 'pGiven', title: 'p(given)', sortable: true, width: '76px', minWidth: 76 },
      { key: 'pSuggested', title: 'p(sugg.)', sortable: true, width: '76px', minWidth: 76 },
      truth ? { key: 'truth', title: 'Truth', width: '86px', minWidth: 86 } : null,
    ].filter(Boolean);
    this.#table = new VirtualTable({
      columns: defs,
      label: 'Likely mislabelled rows',
      renderCell: (cell, col, i) => this.#renderCell(cell, col, i),
      onActivate: (i) => this.#select(i),
      onSort: (key) => this.#sortBy(key, this.#view.sortKey === key ? !this.#view.descending : false),
    });
    replace(this.tableSlot, this.#table.element);
  }

  #buildToolbar() {
    const { truth, dataset } = this.#ctx;
    const classOptions = [['-1', 'any'], ...dataset.classNames.map((name, c) => [String(c), name])];
    const modes = Object.entries(SHOW_MODES).filter(([mode]) => truth || (mode !== 'errors' && mode !== 'missed'));
    const show = select('Show', modes, (v) => this.#change({ show: v }));
    const given = select('Given', classOptions, (v) => this.#change({ given: Number(v) }));
    const suggested = select('Suggested', classOptions, (v) => this.#change({ suggested: Number(v) }));
    const sort = select('Sort by', Object.entries(SORT_NAMES), (v) => this.#sortBy(v, false));
    const direction = h('button', {
      type: 'button', class: 'quiet direction', 'aria-label': 'Sort direction',
      onclick: () => this.#sortBy(this.#view.sortKey, !this.#view.descending),
    }, this.#view.descending ? '↓ descending' : '↑ ascending');
    show.control.value = this.#view.show;
    given.control.value = String(this.#view.given);
    suggested.control.value = String(this.#view.suggested);
    sort.control.value = this.#view.sortKey;
    const clear = this.#view.given >= 0 || this.#view.suggested >= 0
      ? h('button', { type: 'button', class: 'quiet', onclick: () => this.#change({ given: -1, suggested: -1 }) }, 'Clear filters')
      : null;
    replace(this.toolbar, show.field, given.field, suggested.field, sort.field, direction, clear);
  }

  #change(patch) {
    this.#view = { ...this.#view, ...patch };
    this.#buildToolbar();
    this.#apply({ keepPosition: false });
  }

  #sortBy(key, descending) {
    this.#view = { ...this.#view, sortKey: key, descending };
    this.#buildToolbar();
    this.#apply({ keepPosition: false });
  }

  #apply({ keepPosition }) {
    const ctx = this.#ctx;
    let order = rowOrder(this.#view, ctx);
    const total = order.length;
    if (order.length > this.#maxRows) order = order.subarray(0, this.#maxRows);
    this.#order = order;
    const what = SHOW_MODES[this.#view.show].toLowerCase();
    const filtered = this.#view.given >= 0 || this.#view.suggested >= 0;
    this.count.textContent = `${plural(total, 'row')}${filtered ? ' match these filters' : ''} (${what}).`
      + (order.length < total ? ` Showing the first ${formatCount(order.length)}.` : '');
    this.#table.setRows(order, {
      keepPosition,
      emptyText: this.#view.show === 'flagged' && !filtered
        ? 'No rows are flagged with these settings.'
        : 'No rows match. Try another filter.',
    });
    this.#table.setSort(this.#view.sortKey, this.#view.descending ? 'descending' : 'ascending');
    const keep = this.#selected >= 0 && order.includes(this.#selected);
    this.#select(keep ? this.#selected : order.length ? order[0] : -1);
  }

  // ---- cells ------------------------------------------------------------------------------------

  #renderCell(cell, col, i) {
    const { report, dataset, rank, columns, truth } = this.#ctx;
    const names = dataset.classNames;
    cell.classList.toggle('selected', i === this.#selected);
    switch (col.key) {
      case 'rank':
        cell.textContent = rank[i] >= 0 ? formatCount(rank[i] + 1) : '—';
        break;
      case 'index':
        cell.textContent = columns.id ? columns.id.values[i] : String(i);
        break;
      case 'example': {
        const parts = explainParts(i, this.#ctx);
        if (columns.text) {
          replace(cell, h('span', { class: 'primary', title: columns.text.values[i] }, columns.text.values[i]),
            h('span', { class: 'secondary' }, explanationNode(parts)));
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
        replace(cell, truthBadge(truth.status[i]));
        break;
      default:
        break;
    }
  }

  // ---- detail pane ------------------------------------------------------------------------------

  async #select(i) {
    this.#selected = i;
    this.#table.refresh();
    const request = ++this.#detailRequest;
    if (i < 0) {
      replace(this.detail, h('p', { class: 'help' }, 'Select a row to see why it was flagged.'));
      return;
    }
    const { dataset } = this.#ctx;
    let probabilities = null;
    try {
      probabilities = await dataset.probabilityRows(i, 1);
    } catch {
      probabilities = null; // the dataset was replaced meanwhile; a newer request will render
    }
    if (request !== this.#detailRequest) return;
    this.#renderDetail(i, probabilities);
  }

  #renderDetail(i, probabilities) {
    const { report, dataset, rank, columns, truth } = this.#ctx;
    const names = dataset.classNames;
    const given = dataset.labels[i];
    const suggested = report.suggestedLabel[i];
    const heading = [rank[i] >= 0 ? `Rank ${formatCount(rank[i] + 1)}` : 'Not flagged',
      columns.id ? `${columns.id.name} ${columns.id.values[i]}` : null, `row ${i}`].filter(Boolean).join(' · ');
    // Where to find the row in the person's own file (source rows are 1-based file lines).
    const source = dataset.source;
    const whereInFile = source?.labelsFile && source.labelsFirstRow > 0
      ? `${source.labelsFile}, line ${source.labelsFirstRow + i}` : null;
    const status = truth?.status[i];
    const verdict = status === 1
      ? `Known truth: a label error${truth.corrected[i] >= 0 ? ` — the correct label is ${names[truth.corrected[i]]}` : ''}.`
      : status === 0 ? 'Known truth: the label is correct.' : truth ? 'Known truth: not reviewed.' : null;

    let bars = null;
    if (probabilities) {
      const classes = [...probabilities.keys()].sort((a, b) => probabilities[b] - probabilities[a] || a - b);
      const shown = classes.slice(0, MAX_DETAIL_CLASSES);
      for (const c of [given, suggested]) if (!shown.includes(c)) shown.push(c);
      bars = h('ul', { class: 'prob-bars', 'aria-label': 'Predicted probability of each class' },
        shown.map((c) => {
          const bar = h('span', { class: 'prob-fill' });
          bar.style.width = `${(probabilities[c] * 100).toFixed(1)}%`;
          const threshold = h('span', { class: 'prob-threshold', title: `${names[c]}’s threshold ${formatProbability(report.thresholds[c])}` });
          threshold.style.left = `${(report.thresholds[c] * 100).toFixed(1)}%`;
          const role = c === given && c === suggested ? 'given = suggested' : c === given ? 'given' : c === suggested ? 'suggested' : '';
          return h('li', { class: `prob${c === given ? ' given' : ''}${c === suggested ? ' suggested' : ''}` },
            h('span', { class: 'prob-name', title: names[c] }, names[c]),
            h('span', { class: 'prob-track' }, bar, threshold),
            h('span', { class: 'prob-value' }, formatProbability(probabilities[c])),
            h('span', { class: 'prob-role' }, role));
        }),
        classes.length > shown.length ? h('li', { class: 'help' }, `${formatCount(classes.length - shown.length)} more classes below ${formatProbability(probabilities[classes[shown.length - 1]])}`) : null);
    }
    const others = dataset.extraColumns.filter((c) => c !== columns.id && c !== columns.text);
    replace(this.detail,
      h('p', { class: 'detail-heading' }, heading),
      columns.text ? h('p', { class: 'detail-text' }, columns.text.values[i]) : null,
      h('p', { class: 'detail-explanation', 'aria-label': explainText(i, this.#ctx) }, explanationNode(explainParts(i, this.#ctx))),
      verdict ? h('p', { class: `detail-verdict${status === 1 ? ' error' : status === 0 ? ' ok' : ''}` }, verdict) : null,
      bars,
      bars ? h('p', { class: 'help' }, 'Ticks mark each class’s confident threshold: the average probability the model gives that class on rows labelled with it.') : null,
      others.length ? h('dl', { class: 'detail-extra' }, others.map((c) => [h('dt', {}, c.name), h('dd', {}, c.values[i])])) : null,
      h('p', { class: 'detail-quality' }, `Label quality ${formatProbability(report.labelQuality[i])} (${report.rankBy === 'none' ? 'self_confidence' : report.rankBy.replace(/_/g, ' ')}).`,
        whereInFile ? ` In the file: ${whereInFile}.` : ''));
  }
}
