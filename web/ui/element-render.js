// What the element shows once there is a report: the render context (the data, the report, the
// known truth as far as a lesson lets it be seen, the decisions), the results (shell.js) with the
// lesson's parts, and the labelscope-result detail a lesson or quiz page checks answers with.
import { resultDetail } from '../controllers/results.js';
import { renderResults } from './shell.js';
import { scoreFlags } from './truth.js';

/**
 * The element's collaborators the rendering reads.
 * @typedef {object} Parts
 * @property {any} ui        the shell (shell.js buildShell)
 * @property {any} analysis  the AnalysisController
 * @property {any} review    the ReviewController
 * @property {any} lesson    the LessonMode
 * @property {any} [client]  the worker client once started
 */

/** @param {Parts} parts */
export function renderContext({ analysis, review, lesson }) {
  const { dataset, report, truth } = analysis;
  return {
    dataset,
    report,
    truth: lesson.visibleTruth(truth, review.decisions, report),
    // hide-truth before the reveal: the charts show no estimated-wrong counts (they add up to the hidden noise).
    estimateHidden: !lesson.fullyShown(truth, review.decisions, report),
    classNames: dataset.classNames,
    labels: dataset.labels,
    decisions: review.decisions,
    labelsKind: review.labelsKind,
    // The computed table's rows as its file wrote them (or null): the detail pane and the all-rows export.
    writtenRows: () => review.writtenRows?.() ?? null,
  };
}

/**
 * Fills the results (or the compact view) and the lesson's parts.
 * @param {Parts} parts
 * @param {{compact: boolean, maxRows: number, newDataset: boolean}} how
 */
export function renderAll(parts, { compact, maxRows, newDataset }) {
  const { ui, analysis, review, lesson } = parts;
  const ctx = renderContext(parts);
  renderResults(ui, ctx, { compact, maxRows, newDataset });
  const { truth, report } = analysis;
  const shown = lesson.fullyShown(truth, review.decisions, report);
  lesson.render(ui, ctx, { compact, truth, client: parts.client, shown });
}

/**
 * What a lesson or quiz page needs to check an answer (the labelscope-result detail).
 * @param {Parts} parts
 * @param {string} source the data's name
 */
export function resultEventDetail(parts, source) {
  const ctx = renderContext(parts);
  const detail = resultDetail(ctx, {
    scores: ctx.truth ? scoreFlags(ctx.truth, ctx.report.issues) : null,
    source,
    numDecided: parts.review.decisions.size,
  });
  const simulation = parts.lesson.resultSimulation(ctx.report);
  if (simulation) detail.simulation = simulation;
  return detail;
}
