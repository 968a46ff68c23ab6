// A virtualized table: fixed row height, only the rows in view (plus a few) exist in the DOM, so a
// million rows scroll like fifty. The table is an ARIA grid that keeps focus itself and points at
// the active row with aria-activedescendant (rows come and go while scrolling; focus must not).
import { h, uid } from './dom.js';

// Browsers cap an element's height (about 33.5M px in Chromium, less elsewhere). Beyond this the
// scrollbar maps proportionally onto the rows instead of one pixel per pixel.
const MAX_SPACER_PX = 8_000_000;
const OVERSCAN_ROWS = 4;
const NARROW_BELOW_PX = 640;
// Narrow (cards): the decision line under a card is kept free, so deciding never changes the height.
const CARD_DECISION_PX = 28;
const MIN_CARD_PX = 96;

const exampleAt = (order, pos) => (pos >= 0 && pos < order.length ? order[pos] : -1);

export class VirtualTable {
  #columns;
  #renderCell;
  #onActivate;
  #onSort;
  #onKey;
  #order = new Int32Array(0);
  #rows = [];
  #version = 0;
  #active = 0;
  #rowHeight = 56;
  #cardHeight = 0; // narrow: the tallest card measured since the rows were set (px); 0 = none yet
  #cardWidth = 0;
  #frame = 0;
  #id = uid('vt');

  /**
   * columns: [{key, title, sortable, width (CSS grid track), minWidth (px), hint (header tooltip)}]
   * renderCell(cell, column, exampleIndex, position) fills one cell.
   * onActivate(exampleIndex, position, how): 'click' (a tap) or 'key' on a row.
   * onSort(key): a sortable header was pressed.
   * onKey(event, exampleIndex, position): any other key on the table; returns true if it used it.
   */
  constructor({ columns, renderCell, onActivate, onSort, onKey, label }) {
    this.#columns = columns;
    this.#renderCell = renderCell;
    this.#onActivate = onActivate;
    this.#onSort = onSort;
    this.#onKey = onKey;
    this.header = h(
      'div',
      { class: 'vt-row vt-head', role: 'row', 'aria-rowindex': 1 },
      columns.map((col) =>
        h(
          'div',
          { class: `vt-cell vt-c-${col.key}`, role: 'columnheader', 'data-key': col.key },
          col.sortable
            ? h(
                'button',
                { type: 'button', class: 'vt-sort', title: col.hint ?? null, onclick: () => this.#onSort?.(col.key) },
                col.title,
                h('span', { class: 'vt-sort-icon', 'aria-hidden': 'true' }),
              )
            : col.title,
        ),
      ),
    );
    this.spacer = h('div', { class: 'vt-spacer', role: 'rowgroup' });
    this.emptyMessage = h('p', { class: 'vt-empty', hidden: true });
    this.element = h(
      'div',
      {
        class: 'vt',
        role: 'grid',
        tabindex: '0',
        'aria-label': label,
        'aria-colcount': columns.length,
        onkeydown: (e) => this.#key(e),
        onclick: (e) => this.#click(e),
      },
      this.header,
      this.spacer,
      this.emptyMessage,
    );
    this.element.style.setProperty('--vt-columns', columns.map((c) => c.width).join(' '));
    this.element.style.setProperty('--vt-min-width', `${columns.reduce((sum, c) => sum + (c.minWidth ?? 0), 0)}px`);
    this.element.addEventListener('scroll', () => this.#schedule(), { passive: true });
    new ResizeObserver(() => this.#resized()).observe(this.element);
  }

  /** Shows these example indices, in this order. */
  setRows(order, { emptyText = 'No rows to show.', keepPosition = false } = {}) {
    this.#order = order;
    this.#version++;
    if (!keepPosition) {
      this.#cardHeight = 0; // other rows: the cards are measured again
      this.#active = 0;
      this.element.scrollTop = 0;
    }
    this.#active = Math.min(this.#active, Math.max(0, order.length - 1));
    this.element.setAttribute('aria-rowcount', order.length + 1);
    this.emptyMessage.textContent = emptyText;
    this.emptyMessage.hidden = order.length > 0;
    this.#render();
  }

  /** Marks the sorted column (dir 'ascending' | 'descending'). */
  setSort(key, dir) {
    for (const cell of this.header.children) {
      if (cell.dataset.key === key) cell.setAttribute('aria-sort', dir);
      else cell.removeAttribute('aria-sort');
    }
  }

  /** Re-renders the visible rows (their data changed, not their order). */
  refresh() {
    this.#version++;
    this.#render();
  }

  get rowCount() {
    return this.#order.length;
  }

  /** The active row's place in the list. */
  get activePosition() {
    return this.#active;
  }

  /** Makes the row at `pos` active and activates it (as a click would), scrolling it into view. */
  activate(pos) {
    this.#setActive(pos, { activate: true });
  }

  /** Marks the row at `pos` active without activating it or scrolling. */
  setActivePosition(pos) {
    if (this.#order.length === 0) return;
    this.#active = Math.max(0, Math.min(this.#order.length - 1, pos));
    this.#render();
  }

  focus() {
    this.element.focus({ preventScroll: true });
  }

  // ---- geometry -------------------------------------------------------------------------------

  #metrics() {
    const n = this.#order.length;
    const full = n * this.#rowHeight;
    const spacer = Math.min(full, MAX_SPACER_PX);
    const view = Math.max(0, this.element.clientHeight - this.header.offsetHeight);
    return { n, full, spacer, view };
  }

  // Pixels into the full (unscaled) list at the current scroll position.
  #virtualTop(m) {
    const top = this.element.scrollTop;
    if (m.full === m.spacer) return top;
    const range = m.spacer - m.view;
    return range > 0 ? (top / range) * (m.full - m.view) : 0;
  }

  #scrollToVirtual(m, virtual) {
    if (m.full === m.spacer) this.element.scrollTop = virtual;
    else this.element.scrollTop = (virtual / Math.max(1, m.full - m.view)) * (m.spacer - m.view);
  }

  #resized() {
    if (!this.element.isConnected) return; // replaced by a new table: its rows no longer match the data
    const narrow = this.element.clientWidth < NARROW_BELOW_PX;
    this.element.classList.toggle('narrow', narrow);
    if (!narrow || this.element.clientWidth !== this.#cardWidth) {
      // Another width wraps the text otherwise: the cards are measured again (the style's height until then).
      this.#cardHeight = 0;
      this.#cardWidth = this.element.clientWidth;
      this.element.style.removeProperty('--vt-row-height');
    }
    const height = parseFloat(getComputedStyle(this.element).getPropertyValue('--vt-row-height')) || 56;
    if (height !== this.#rowHeight) {
      this.#rowHeight = height;
      this.#version++;
    }
    this.#render();
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  // ---- rendering ------------------------------------------------------------------------------

  #render() {
    if (!this.element.isConnected) return;
    const m = this.#metrics();
    this.spacer.style.height = `${m.spacer}px`;
    const virtual = this.#virtualTop(m);
    const scrollTop = this.element.scrollTop;
    const first = Math.max(0, Math.floor(virtual / this.#rowHeight) - OVERSCAN_ROWS);
    const last = Math.min(m.n, Math.ceil((virtual + m.view) / this.#rowHeight) + OVERSCAN_ROWS);

    const reusable = new Map();
    const spare = [];
    for (const row of this.#rows) {
      if (row.version === this.#version && row.position >= first && row.position < last)
        reusable.set(row.position, row);
      else spare.push(row);
    }
    this.#rows = [];
    const filled = [];
    for (let pos = first; pos < last; pos++) {
      let row = reusable.get(pos);
      if (!row) {
        row = spare.pop() ?? this.#createRow();
        this.#fill(row, pos);
        filled.push(row);
      }
      row.element.style.transform = `translateY(${scrollTop + pos * this.#rowHeight - virtual}px)`;
      row.element.classList.toggle('active', pos === this.#active);
      this.#rows.push(row);
    }
    for (const row of spare) row.element.remove();
    const active = this.#rows.find((r) => r.position === this.#active);
    if (active) this.element.setAttribute('aria-activedescendant', active.element.id);
    else this.element.removeAttribute('aria-activedescendant');
    if (filled.length && this.element.classList.contains('narrow')) this.#fitCards(filled);
  }

  /**
   * Narrow: the cards are as tall as the tallest one drawn needs (its decision line included), not a
   * height fixed for the longest text any data could have (short explanations left a blank band).
   * Only grows while the same rows are shown, so nothing moves under the reader's finger.
   */
  #fitCards(rows) {
    for (const row of rows) row.element.style.height = 'auto';
    let need = 0;
    for (const row of rows) {
      const undecided = row.element.querySelector('.vt-c-decision .decision-none');
      need = Math.max(need, row.element.offsetHeight + (undecided ? CARD_DECISION_PX : 0));
    }
    for (const row of rows) row.element.style.height = '';
    need = Math.max(MIN_CARD_PX, Math.ceil(need));
    if (need <= this.#cardHeight) return;
    this.#cardHeight = need;
    this.element.style.setProperty('--vt-row-height', `${need}px`);
    const before = this.#rowHeight;
    const top = this.element.scrollTop;
    this.#rowHeight = need;
    if (top > 0) {
      // Scrolled: the same card stays at the top of the view (the spacer first, so the new offset fits).
      const m = this.#metrics();
      this.spacer.style.height = `${m.spacer}px`;
      if (m.full === m.spacer) this.element.scrollTop = (top * need) / before;
    }
    this.#version++;
    this.#render();
  }

  #createRow() {
    const element = h(
      'div',
      { class: 'vt-row', role: 'row' },
      // data-label names each value in the narrow (card) layout, where the header is hidden.
      this.#columns.map((col) =>
        h('div', { class: `vt-cell vt-c-${col.key}`, role: 'gridcell', 'data-label': col.title }),
      ),
    );
    this.spacer.append(element);
    return { element, position: -1, version: -1 };
  }

  #fill(row, pos) {
    row.position = pos;
    row.version = this.#version;
    row.element.id = `${this.#id}-${pos}`;
    row.element.dataset.position = pos;
    row.element.setAttribute('aria-rowindex', pos + 2);
    if (!row.element.isConnected) this.spacer.append(row.element);
    const example = this.#order[pos];
    row.element.dataset.index = example;
    this.#columns.forEach((col, c) => this.#renderCell(row.element.children[c], col, example, pos));
  }

  // ---- interaction ----------------------------------------------------------------------------

  #setActive(pos, { activate = false, how = 'key' } = {}) {
    const m = this.#metrics();
    if (m.n === 0) return;
    pos = Math.max(0, Math.min(m.n - 1, pos));
    this.#active = pos;
    const virtual = this.#virtualTop(m);
    const top = pos * this.#rowHeight;
    if (top < virtual) this.#scrollToVirtual(m, top);
    else if (top + this.#rowHeight > virtual + m.view) this.#scrollToVirtual(m, top + this.#rowHeight - m.view);
    this.#render();
    if (activate) this.#onActivate?.(this.#order[pos], pos, how);
  }

  #key(event) {
    if (event.target !== this.element) return; // keys on header buttons keep their meaning
    const page = Math.max(1, Math.floor(this.#metrics().view / this.#rowHeight) - 1);
    const moves = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    if (event.key in moves) {
      event.preventDefault();
      const step = moves[event.key];
      const target = Number.isFinite(step) ? this.#active + step : step > 0 ? this.#order.length - 1 : 0;
      this.#setActive(target, { activate: true });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#setActive(this.#active, { activate: true });
    } else if (this.#onKey?.(event, exampleAt(this.#order, this.#active), this.#active)) {
      event.preventDefault();
    }
  }

  #click(event) {
    const row = event.target.closest('.vt-row[data-position]');
    if (!row) return;
    // A tap or an assistive technology's click moves no focus by itself: the keys (A, K, 1-9) must
    // act on the row just clicked, so the grid takes focus (aria-activedescendant names the row).
    if (this.element.getRootNode().activeElement !== this.element) this.element.focus({ preventScroll: true });
    this.#setActive(Number(row.dataset.position), { activate: true, how: 'click' });
  }

  /** The card layout (narrow tables): rows are cards and the detail pane sits below the table. */
  get narrow() {
    return this.element.classList.contains('narrow');
  }
}
