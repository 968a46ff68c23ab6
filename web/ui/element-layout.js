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
 * Whether the element shows the data its page gives (src, labels-src, pred-probs-src) and only that: no drop zone,
 * no demo buttons a learner could replace a quiz's data with, unless the page sets allow-drop (which brings back the
 * drop zone; the demos stay away: the page chose the data).
 * @param {HTMLElement} el
 */
export function authorsDataOnly(el) {
  return ['src', 'labels-src', 'pred-probs-src'].some((a) => el.hasAttribute(a));
}

let sheet = null;
/** What applyLayout's authorsData hides of the intake (its file list stays: which file was read as what). */
export function layoutStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`
.intake.authors-data > :is(.demos, .guide, .resume-slot) { display: none; }
.intake.authors-data:not(.allow-drop) > .drop { display: none; }
/* Compact (a quiz): probabilities computed here say how, and how well; the accuracy of each fold is the page's. */
.ls.compact .cv-panel .cv-folds { display: none; }`);
  }
  return sheet;
}

/**
 * Shows the parts of the shell `ui` that the compact view (or the full one, with a report or not) has.
 * exercise: the element reviews the data it was given (hide-truth with a demo or src), so no intake.
 * authorsData: the page gave the data (src, labels-src): no demos, and no drop zone unless allowDrop.
 */
export function applyLayout(ui, { compact, hasReport, exercise = false, authorsData = false, allowDrop = false }) {
  ui.root.classList.toggle('compact', compact);
  ui.intake.element.classList.toggle('authors-data', authorsData);
  ui.intake.element.classList.toggle('allow-drop', allowDrop);
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
