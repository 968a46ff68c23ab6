// Reviewing the candidates: filters and sorting above a virtualized table, and a detail pane that
// explains the active row with all of its class probabilities — and where a person records a
// decision (accept the suggestion, keep the label, relabel), by button or by key in the table.
import { displayColumns } from '../controllers/columns.js';
import { createDecisionBar, createDecisionControls } from './decision-controls.js';
import { classForDigit, digitKeys } from './decisions.js';
import { renderCell, tableColumns } from './cells.js';
import { renderDetail, updateRowCells } from './detail.js';
import { h, replace } from './dom.js';
import { formatCount, plural } from './format.js';
import { rankPositions, rowOrder, SHOW_MODES } from './order.js';
import { classFilter, DECIDED_MODES, DEFAULT_VIEW, select, SORT_NAMES } from './review-toolbar.js';
import { VirtualTable } from './table.js';

export { displayColumns };

/** Whether the label quality score is p(given) itself (self_confidence, also used when not ranking). */
function qualityIsPGiven(report) {
  return report.rankBy === 'self_confidence' || report.rankBy === 'none';
}

export class ReviewPanel {
  #ctx = null;
  #view = { ...DEFAULT_VIEW };
  #order = new Int32Array(0);
  #table = null;
  #selected = -1;
  #maxRows = Infinity;
  #detailRequest = 0;
  #hooks;
  #advance = true; // move to the next row after a decision
  #relabelFromTable = false; // R moved focus to the class choices: give it back after choosing
  #storage = { mode: 'off', error: null };
  #note = null; // {count, savedAt, from}: decisions restored for these files

  /**
   * hooks: onExport(kind); decide(index, kind, label, source) -> entry; clear(index) -> bool;
   * undo() -> index; startOver(); exportDecisions(); exportLabels().
   */
  constructor(hooks) {
    const { onExport } = hooks;
    this.#hooks = hooks;
    this.count = h('p', { class: 'row-count', role: 'status' });
    this.tableSlot = h('div', { class: 'table-slot' });
    this.controls = createDecisionControls({
      decide: (kind, label, event) =>
        this.#fromPane(event, () =>
          this.#decide(this.#selected, kind, label, { source: 'click', keyboard: event?.detail === 0 }),
        ),
      clear: (event) => this.#fromPane(event, () => this.#clear(this.#selected)),
      undo: (event) => this.#fromPane(event, () => this.#undo()),
    });
    this.controls.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#relabelFromTable) {
        e.preventDefault();
        this.#relabelFromTable = false;
        this.#table?.focus();
      }
    });
    // The row's heading and text, the decision buttons (kept from row to row), then the why.
    this.detailHead = h('div', { class: 'detail-head', 'aria-live': 'polite' });
    this.detailBody = h('div', { class: 'detail-body', 'aria-live': 'polite' });
    this.detail = h(
      'aside',
      { class: 'detail', 'aria-label': 'Selected row' },
      this.detailHead,
      this.controls.element,
      this.detailBody,
    );
    // The table's keys (A, K, 1-9, R, U, J, ⌫) also work on the pane's buttons, where a keyboard user who
    // pressed one stays; a field (the class search, a list) keeps its keys, and Enter and Space press the button.
    this.detail.addEventListener('keydown', (e) => {
      if (!this.#table || e.defaultPrevented || !e.target.matches?.('button, a[href], summary')) return;
      if (this.#key(e, this.#selected, this.#table.activePosition)) e.preventDefault();
    });
    this.bar = createDecisionBar({
      exportDecisions: () => hooks.exportDecisions(),
      exportLabels: () => hooks.exportLabels(),
      startOver: () => hooks.startOver(),
      advanceChanged: (on) => {
        this.#advance = on;
      },
    });
    this.toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Filter and sort the table' });
    this.exports = h(
      'div',
      { class: 'exports' },
      h(
        'button',
        { type: 'button', class: 'export-flagged', onclick: () => onExport('flagged') },
        'Download flagged rows (CSV)',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'quiet export-full',
          onclick: () => onExport('full'),
          title:
            'Every row with every column of your table as written, then labelscope’s: p_<class> per class, ' +
            'suggested_label, is_label_issue, label_quality, and your decision and final_label',
        },
        'Download all rows + audit (CSV)',
      ),
    );
    this.element = h(
      'section',
      { class: 'review', 'aria-label': 'Likely mislabelled rows' },
      h('div', { class: 'review-head' }, h('h2', { class: 'section-title' }, 'Likely mislabelled rows'), this.exports),
      this.bar.element,
      this.toolbar,
      this.count,
      h('div', { class: 'review-body' }, this.tableSlot, this.detail),
      this.bar.shortcuts,
    );
  }

  /** New data: a new dataset or truth (rebuilds the table), or only a new report (keeps filters). */
  setData(ctx, { newDataset = false, maxRows = Infinity } = {}) {
    const columnsChanged =
      newDataset ||
      !this.#ctx ||
      Boolean(this.#ctx.truth) !== Boolean(ctx.truth) ||
      qualityIsPGiven(this.#ctx.report) !== qualityIsPGiven(ctx.report);
    // A new ranking (Rank by) is shown in its order, even after the table was sorted by a column.
    const reranked = this.#ctx && this.#ctx.report.rankBy !== ctx.report.rankBy;
    this.#ctx = { ...ctx, rank: rankPositions(ctx.report), columns: displayColumns(ctx.dataset) };
    if (reranked) this.#view = { ...this.#view, sortKey: 'rank', descending: false };
    this.#maxRows = maxRows;
    if (newDataset) {
      this.#view = { ...DEFAULT_VIEW };
      this.#selected = -1;
    }
    if (!ctx.truth && (this.#view.show === 'errors' || this.#view.show === 'missed')) this.#view.show = 'flagged';
    if (columnsChanged) this.#buildTable();
    this.#buildToolbar();
    this.#apply({ keepPosition: !newDataset });
    this.#updateBar();
  }

  /** How decisions are kept (storage state) and what was restored; see persist.js. */
  setStorage(storage, note = this.#note) {
    this.#storage = storage;
    this.#note = note;
    if (this.#ctx) this.#updateBar();
  }

  /** Decisions changed outside the panel (another tab, Start over, the element's API): redraw them. */
  decisionsChanged() {
    if (!this.#ctx) return;
    // Rows may join or leave a Decision-filtered list: the selected row stays selected (and keys
    // act on it); if it left, the row that moves up into its place is selected, as after a
    // decision made here — never the top of the list.
    if (this.#view.decided !== 'any') this.#apply({ keepPosition: true, position: this.#placeOfActive() });
    else this.#table.refresh();
    this.#updateControls();
    this.#updateBar();
  }

  /** Moves focus to the table (after a demo loaded by keyboard), showing it. */
  focusTable() {
    if (!this.#table) return;
    this.#table.element.scrollIntoView({ block: 'start' });
    this.#table.focus();
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
    const { report } = this.#ctx;
    const defs = tableColumns(this.#ctx, qualityIsPGiven(report));
    this.#table = new VirtualTable({
      columns: defs,
      label: 'Likely mislabelled rows',
      renderCell: (cell, col, i) => renderCell(cell, col, i, this.#ctx, this.#selected),
      onActivate: (i, position, how) => {
        this.#select(i);
        // On a phone the decision buttons are below the cards: a tap brings them into view.
        if (how === 'click' && this.#table.narrow) this.controls.element.scrollIntoView({ block: 'nearest' });
      },
      onKey: (event, i, position) => this.#key(event, i, position),
      onSort: (key) => this.#sortBy(key, this.#view.sortKey === key ? !this.#view.descending : false),
    });
    replace(this.tableSlot, this.#table.element);
  }

  #buildToolbar() {
    const { truth, dataset } = this.#ctx;
    const modes = Object.entries(SHOW_MODES).filter(([mode]) => truth || (mode !== 'errors' && mode !== 'missed'));
    const show = select('Show', modes, (v) => this.#change({ show: v }));
    const given = classFilter('Given', dataset.classNames, this.#view.given, (v) => this.#change({ given: v }));
    const suggested = classFilter('Suggested', dataset.classNames, this.#view.suggested, (v) =>
      this.#change({ suggested: v }),
    );
    const decided = select('Decision', Object.entries(DECIDED_MODES), (v) => this.#change({ decided: v }));
    const sort = select('Sort by', Object.entries(SORT_NAMES), (v) => this.#sortBy(v, false));
    const direction = h(
      'button',
      {
        type: 'button',
        class: 'quiet direction',
        'aria-label': 'Sort direction',
        onclick: () => this.#sortBy(this.#view.sortKey, !this.#view.descending),
      },
      this.#view.descending ? '↓ descending' : '↑ ascending',
    );
    show.control.value = this.#view.show;
    decided.control.value = this.#view.decided;
    sort.control.value = this.#view.sortKey;
    const clear =
      this.#view.given >= 0 || this.#view.suggested >= 0
        ? h(
            'button',
            { type: 'button', class: 'quiet', onclick: () => this.#change({ given: -1, suggested: -1 }) },
            'Clear filters',
          )
        : null;
    // Rebuilt after a choice: the control that had focus gets it back (a class search above all).
    const focused = [...this.toolbar.querySelectorAll('select, input, button')].indexOf(
      this.toolbar.getRootNode().activeElement,
    );
    replace(this.toolbar, show.field, given.field, suggested.field, decided.field, sort.field, direction, clear);
    if (focused >= 0) this.toolbar.querySelectorAll('select, input, button')[focused]?.focus();
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

  /**
   * Recomputes the rows shown. keepPosition keeps the scroll position and the active row's place;
   * position: the place to select when the selected row left the list (a decision filtered it out).
   */
  #apply({ keepPosition, position = 0 }) {
    const ctx = this.#ctx;
    let order = rowOrder(this.#view, ctx);
    if (this.#view.decided !== 'any') {
      const want = this.#view.decided === 'decided';
      order = order.filter((i) => ctx.decisions.has(i) === want);
    }
    const total = order.length;
    if (order.length > this.#maxRows) order = order.subarray(0, this.#maxRows);
    this.#order = order;
    const what = SHOW_MODES[this.#view.show].toLowerCase();
    const filtered = this.#view.given >= 0 || this.#view.suggested >= 0 || this.#view.decided !== 'any';
    this.count.textContent =
      `${plural(total, 'row')}${filtered ? (total === 1 ? ' matches these filters' : ' match these filters') : ''} (${what}).` +
      (order.length < total ? ` Showing the first ${formatCount(order.length)}.` : '');
    let emptyText = 'No rows match. Try another filter.';
    if (this.#view.show === 'flagged' && !filtered) emptyText = 'No rows are flagged with these settings.';
    else if (this.#view.decided === 'undecided' && this.#view.given < 0 && this.#view.suggested < 0)
      emptyText = 'Every row in this list has a decision.';
    this.#table.setRows(order, { keepPosition, emptyText });
    this.#table.setSort(this.#view.sortKey, this.#view.descending ? 'descending' : 'ascending');
    const at = this.#selected >= 0 ? order.indexOf(this.#selected) : -1;
    let target = -1;
    if (at >= 0) target = at;
    else if (order.length) target = keepPosition ? Math.min(position, order.length - 1) : 0;
    if (target >= 0) this.#table.setActivePosition(target);
    this.#select(target >= 0 ? order[target] : -1);
  }

  /** The active row's place once the rows decided elsewhere leave the filtered list: the rows above it that stay. */
  #placeOfActive() {
    const want = this.#view.decided === 'decided';
    const { decisions } = this.#ctx;
    let place = 0;
    for (let p = 0; p < this.#table.activePosition; p++) if (decisions.has(this.#order[p]) === want) place++;
    return place;
  }

  // ---- decisions --------------------------------------------------------------------------------

  #rowFacts(i) {
    const { dataset, report } = this.#ctx;
    return { given: dataset.labels[i], suggested: report.suggestedLabel[i] };
  }

  #decide(i, kind, label, { source = 'click', keyboard = false, advance = this.#advance } = {}) {
    if (!this.#ctx || i < 0) return;
    const entry = this.#hooks.decide(i, kind, label, source);
    if (!entry) return;
    const fromChoices = this.#relabelFromTable && kind === 'relabel';
    this.#afterChange(i, { advance });
    if (fromChoices || (keyboard && this.#relabelFromTable)) {
      this.#relabelFromTable = false;
      this.#table.focus();
    }
  }

  /**
   * A decision, Clear or Undo from the pane's buttons, then focus where the keys go on acting on the rows:
   * after a click (a pointer; some browsers give the button no focus) the table, whose active row — the
   * next one, named by aria-activedescendant — is read out; a button pressed by key keeps focus unless the
   * change hid it (Accept where the label is the suggestion, Clear once cleared). A text field keeps it.
   */
  #fromPane(event, act) {
    act();
    if (!this.#table) return;
    const active = this.element.getRootNode().activeElement;
    if (active?.matches('input:not([type=checkbox], [type=radio], [type=button]), select, textarea')) return;
    const pointer = (event?.detail ?? 0) > 0;
    if (pointer || !active || active.closest('[hidden]')) this.#table.focus();
  }

  #clear(i) {
    if (!this.#ctx || i < 0) return;
    if (this.#hooks.clear(i, 'clear')) this.#afterChange(i, { advance: false });
  }

  #undo() {
    if (!this.#ctx) return;
    const i = this.#hooks.undo();
    if (i < 0) return;
    // Show the row the undo touched, wherever it is in the list.
    if (this.#view.decided !== 'any') this.#apply({ keepPosition: true, position: this.#table.activePosition });
    else this.#table.refresh();
    const at = this.#order.indexOf(i);
    if (at >= 0) this.#table.activate(at);
    else this.#updateControls();
    this.#updateBar();
  }

  #afterChange(i, { advance }) {
    const at = this.#order.indexOf(i);
    this.#updateBar();
    if (this.#view.decided !== 'any') {
      // The row leaves (or joins) the list: the next one moves up into its place.
      this.#apply({ keepPosition: true, position: at >= 0 ? at : this.#table.activePosition });
      return;
    }
    this.#table.refresh();
    if (advance && at >= 0 && at + 1 < this.#order.length) this.#table.activate(at + 1);
    else this.#updateControls();
  }

  /** Keys on the table: decisions for the active row. True when the key was used. */
  #key(event, i, position) {
    if (event.altKey) return false;
    if (event.ctrlKey || event.metaKey) {
      if (event.key.toLowerCase() === 'z' && !event.shiftKey) {
        this.#undo();
        return true;
      }
      return false;
    }
    const key = event.key;
    const lower = key.length === 1 ? key.toLowerCase() : key;
    if (lower === 'j') {
      this.#table.activate(position + 1);
      return true;
    }
    if (lower === 'u') {
      this.#undo();
      return true;
    }
    if (i == null || i < 0) return false;
    if (lower === 'a') {
      const { given, suggested } = this.#rowFacts(i);
      this.#decide(i, given === suggested ? 'keep' : 'accept', undefined, { source: 'key' });
      return true;
    }
    if (lower === 'k') {
      this.#decide(i, 'keep', undefined, { source: 'key' });
      return true;
    }
    if (key === 'Backspace' || key === 'Delete') {
      this.#clear(i);
      return true;
    }
    if (lower === 'r') {
      this.#relabelFromTable = this.controls.focusRelabel();
      return this.#relabelFromTable;
    }
    if (/^[0-9]$/.test(key)) {
      const c = classForDigit(Number(key), this.#ctx.dataset.classNames);
      if (c < 0) return false;
      this.#decide(i, 'relabel', c, { source: 'key' });
      return true;
    }
    return false;
  }

  #updateControls() {
    const i = this.#selected;
    if (!this.#ctx || i < 0) {
      this.controls.update(null);
      return;
    }
    const { given, suggested } = this.#rowFacts(i);
    this.controls.update({
      given,
      suggested,
      entry: this.#ctx.decisions.get(i),
      canUndo: this.#ctx.decisions.canUndo,
      classNames: this.#ctx.dataset.classNames,
    });
  }

  #updateBar() {
    const { report, decisions, dataset, labelsKind } = this.#ctx;
    const digits = digitKeys(dataset.classNames);
    const relabel = digits.length ? (digits.length === 1 ? digits[0] : `${digits[0]}–${digits.at(-1)}`) : null;
    this.bar.update({
      progress: {
        flagged: report.issues.length,
        reviewed: decisions.countAmong(report.issues),
        decided: decisions.size,
      },
      storage: this.#storage,
      note: this.#note,
      labelsKind,
      keys: { relabel },
    });
  }

  // ---- cells ------------------------------------------------------------------------------------

  // ---- detail pane ------------------------------------------------------------------------------

  async #select(i) {
    this.#selected = i;
    this.#table.refresh();
    this.#updateControls();
    const request = ++this.#detailRequest;
    if (i < 0) {
      replace(this.detailHead);
      replace(this.detailBody, h('p', { class: 'help' }, 'Select a row to see why it was flagged.'));
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
    // A table computed here: its cells as the file wrote them, read again from the file (the first time,
    // after one pass that finds its rows); meanwhile the cells kept, and 'reading…' for the others.
    const rows = this.#ctx.writtenRows?.() ?? null;
    renderDetail(this.detailHead, this.detailBody, i, probabilities, this.#ctx, rows ? 'reading' : null);
    if (!rows) return;
    let cells = null;
    try {
      cells = (await (await rows)?.namedCells(i)) ?? null;
    } catch {
      cells = null; // the file cannot be read again: the cells kept
    }
    if (request === this.#detailRequest) updateRowCells(this.detailBody, i, this.#ctx, cells);
  }
}
