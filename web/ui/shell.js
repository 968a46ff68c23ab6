// The element's parts, built and filled: the intake (drop zone, demos, files), the status line,
// the results (summary, truth, warnings, settings + review, charts) and the compact view. The
// element (label-scope.js) wires them to its controllers; this file only builds and renders.
import { renderCompact } from './compact.js';
import { h, replace } from './dom.js';
import { MAX_GRID_CLASSES } from './heatmap.js';
import { renderInsights } from './insights.js';
import { createIntake } from './intake.js';
import { createPrivacy } from './privacy.js';
import { ReviewPanel } from './review.js';
import { createSettings } from './settings.js';
import { createStatus, renderWarnings } from './status.js';
import { renderSummary, renderTruth } from './summary.js';
import { scoreFlags } from './truth.js';

/**
 * handlers: {intake: (see createIntake), onCancel(), onSettings(values), review: (see ReviewPanel),
 * privacy: (see createPrivacy)}.
 */
export function buildShell({
  intake: intakeHandlers,
  onCancel,
  onSettings,
  review: reviewHooks,
  privacy: privacyHandlers,
}) {
  const intake = createIntake(intakeHandlers);
  const status = createStatus({ onCancel });
  const settings = createSettings(onSettings);
  const review = new ReviewPanel(reviewHooks);
  const privacy = createPrivacy(privacyHandlers);
  const ui = {
    intake,
    status,
    settings,
    review,
    privacy,
    matrixKind: 'counts',
    summary: h('div', { class: 'summary-slot' }),
    truth: h('div', { class: 'truth-slot' }),
    warnings: h('div', { class: 'warnings-slot' }),
    insights: h('div', { class: 'insights-slot' }),
    compact: h('div', { class: 'compact-slot', 'aria-live': 'polite' }),
  };
  ui.results = h(
    'div',
    { class: 'results', hidden: true, tabindex: '-1', 'aria-label': 'Results' },
    ui.summary,
    ui.truth,
    ui.warnings,
    h('div', { class: 'workspace' }, settings.element, review.element),
    ui.insights,
  );
  // While other files are read or computed, the results below are the files' before: said, dimmed, not usable.
  ui.staleNote = h(
    'p',
    { class: 'stale-note', role: 'status', hidden: true },
    'The results below are of the files read before; the files listed above are being read.',
  );
  ui.root = h(
    'div',
    { class: 'ls', part: 'root' },
    intake.element,
    status.element,
    privacy.ask,
    ui.staleNote,
    ui.results,
    ui.compact,
    privacy.bar,
    h('p', { class: 'compact-footer' }, 'Analysed in your browser by labelscope; nothing was uploaded.'),
  );
  return ui;
}

/** Fills the results (or the compact view) from ctx: {dataset, report, truth, decisions, ...}. */
export function renderResults(ui, ctx, { compact, maxRows, newDataset }) {
  if (compact) {
    replace(ui.compact, renderCompact(ctx, maxRows));
    return;
  }
  const scores = ctx.truth ? scoreFlags(ctx.truth, ctx.report.issues) : null;
  replace(ui.summary, renderSummary(ctx));
  replace(ui.truth, scores ? renderTruth(scores, ctx.truth, ctx.report.numExamples) : null);
  replace(
    ui.warnings,
    renderWarnings(
      uniqueWarnings([...(ctx.dataset.warnings ?? []), ...(ctx.report.warnings ?? []), ...(ctx.truth?.warnings ?? [])]),
    ),
  );
  ui.review.setData(ctx, { newDataset, maxRows });
  // Many classes: the charts in a task of their own after the rows, so neither task is long
  // (50,000 x 1,000: ~110 ms together on a loaded machine). The latest render wins.
  const token = (ui.chartsToken = (ui.chartsToken ?? 0) + 1);
  if (ctx.dataset.classNames.length <= MAX_GRID_CLASSES) renderCharts(ui, ctx);
  else
    setTimeout(() => {
      if (ui.chartsToken === token) renderCharts(ui, ctx);
    }, 0);
}

/**
 * What the analysis controller shows through (controllers/analysis.js View), on these parts.
 * host: {setState, showFiles, fail, render, announce, review() -> ReviewController, analysed(origin, entries),
 * resultsHidden() (the results are no longer of the files listed)}.
 */
export function analysisView(ui, host) {
  return {
    setState: host.setState,
    progress: (text, fraction, options) => ui.status.progress(text, fraction, options),
    readProgress: (p) => ui.status.readProgress(p),
    idle: () => ui.status.idle(),
    progressShowing: () => ui.status.showing,
    clearError: () => ui.status.clearError(),
    note: (text, action) => ui.status.note(text, action),
    showFiles: host.showFiles,
    failed: host.fail,
    hideResults: () => {
      staleResults(ui, false);
      ui.results.hidden = true;
      ui.compact.replaceChildren();
      host.resultsHidden?.(); // the panels about the data before go with its results
    },
    staleResults: (on) => staleResults(ui, on),
    render: (how) => {
      staleResults(ui, false);
      host.render(how);
    },
    announce: host.announce,
    settings: () => ui.settings.values,
    restoreSettings: (values) => {
      ui.settings.set(values);
      host.review().settingsChanged(values);
    },
    openDecisions: (dataset, entries) => host.review().open(dataset, entries),
    useDecisions: (review) => {
      host.review().use(review);
      ui.review.setStorage(host.review().store.state, review.restored);
    },
    analysed: ({ origin, entries }) => host.analysed(origin, entries),
  };
}

/** Marks the results (and the compact view) as those of the files before, or not. */
function staleResults(ui, on) {
  for (const part of [ui.results, ui.compact]) {
    part.classList.toggle('stale', on);
    part.inert = on;
  }
  ui.staleNote.hidden = !on || (ui.results.hidden && !ui.compact.childElementCount);
}

function renderCharts(ui, ctx) {
  replace(
    ui.insights,
    renderInsights(ctx, {
      kind: ui.matrixKind,
      onKind: (kind) => {
        ui.matrixKind = kind;
        renderCharts(ui, ctx);
      },
      onPickCell: (given, suggested) => ui.review.filterTo(given, suggested),
    }),
  );
}

function uniqueWarnings(warnings) {
  const seen = new Set();
  return warnings.filter((w) => {
    const text = typeof w === 'string' ? w : w.message;
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
