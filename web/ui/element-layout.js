// What the element's attributes mean for its layout and settings (compact, max-rows, filter-by,
// rank-by), and its state as a host page sees it (data-state, aria-busy). Only the element's
// public attributes are read here.
const DEFAULT_COMPACT_ROWS = 5;
const BUSY = ['loading', 'reading', 'computing', 'analysing'];

/**
 * filter-by and rank-by as a patch of the settings.
 * @param {HTMLElement} el
 */
export function attributeSettings(el) {
  const patch = {};
  if (el.hasAttribute('filter-by')) patch.filterBy = el.getAttribute('filter-by');
  if (el.hasAttribute('rank-by')) patch.rankBy = el.getAttribute('rank-by');
  return patch;
}

/**
 * How many rows are shown: max-rows, else 5 in the compact view, else all.
 * @param {HTMLElement} el
 */
export function maxRows(el) {
  const value = Number.parseInt(el.getAttribute('max-rows') ?? '', 10);
  if (Number.isFinite(value) && value > 0) return value;
  return el.hasAttribute('compact') ? DEFAULT_COMPACT_ROWS : Infinity;
}

/**
 * Shows the parts of the shell `ui` that the compact view (or the full one, with a report or not) has.
 * exercise: the element reviews the data it was given (hide-truth with a demo or src), so no intake.
 */
export function applyLayout(ui, { compact, hasReport, exercise = false }) {
  ui.root.classList.toggle('compact', compact);
  ui.intake.element.hidden = compact || exercise;
  ui.results.hidden = compact || !hasReport;
  ui.compact.hidden = !compact;
}

/**
 * The phase as data-state, with aria-busy while something runs.
 * @param {HTMLElement} el
 * @param {string} state
 */
export function showState(el, state) {
  el.dataset.state = state;
  if (BUSY.includes(state)) el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
}
