// The element's controllers, built with the page's own dependencies: the analysis controller
// (worker client, demo fetching, sniffing, file roles, truth files) with its view on the shell,
// the cross-validation controller with its panel, and the review controller with its store.
// label-scope.js keeps only what depends on the element itself (attributes, events, rendering).
import { AnalysisController } from '../controllers/analysis.js';
import { CrossValController, sniffParquetToo } from '../controllers/cross-val.js';
import { sniffLabelSetsToo } from '../controllers/multilabel-sniff.js';
import { ReviewController } from '../controllers/review.js';
import { sharedClient } from './shared-client.js';
import { createCrossValPanel } from './cross-val-panel.js';
import { fetchFiles } from './demos.js';
import { ReviewStore } from './persist.js';
import { checkRoles, DATA_ROLES, mergeFiles } from './roles.js';
import { analysisView } from './shell.js';
import { sniff } from './sniff.js';
import { buildTruth, parseTruthFile } from './truth.js';

/**
 * The analysis controller showing through `ui`. hooks: {lesson() -> LessonMode (simulated noise,
 * truth a lesson hides), crossVal() -> CrossValController, view: the element's part of the view
 * (see shell.js analysisView), choices() -> ChoicesMemory (ui/choices.js) or null}.
 */
export function createAnalysis(ui, { lesson, crossVal, view, choices = null }) {
  return new AnalysisController(
    {
      client: sharedClient,
      fetchFiles,
      sniff: sniffLabelSetsToo(sniffParquetToo(sniff), sharedClient),
      checkRoles,
      // how: {chooseColumns: true} shows the columns' roles to change before computing; {impute: true}
      // computes with missing values imputed (offered with a missing value's error, plausibility.js).
      // Imputation keeps the columns' roles chosen for the computation that failed; {folds}: how many.
      computeProbabilities: (how) => crossVal().ask(how ?? {}),
      // The same bytes dropped again: the person's choices about them back (ui/choices.js), computed with them.
      recall: choices ? (entries) => choices().recall(entries) : undefined,
      computeAgain: (entries, options) => crossVal().resume(entries, options),
      mergeFiles,
      dataRoles: DATA_ROLES,
      parseTruth: parseTruthFile,
      buildTruth: (dataset, parsed) => lesson().truth(dataset, parsed, buildTruth),
      prepareDataset: (dataset, how) => lesson().prepare(dataset, how),
    },
    analysisView(ui, view),
  );
}

/**
 * Probabilities computed in this tab: the panel (placed under the status line) and its controller.
 * hooks: {onDownload(result)}.
 */
export function createCrossVal(ui, analysis, { onDownload }) {
  let crossVal = null;
  const panel = createCrossValPanel({
    onCancel: () => analysis.cancel(),
    onAgain: () => crossVal.again(),
    onCompute: (choice) => crossVal.compute(choice),
    onFoldCase: (on) => crossVal.ask({ foldCase: on }),
    onDownload: () => onDownload(crossVal.result),
  });
  ui.status.element.after(panel.element);
  const shownChoice = () => panel.currentChoice();
  crossVal = new CrossValController({ client: sharedClient, analysis, fetchFiles, shownChoice }, panel);
  return { crossVal, panel };
}

/**
 * The review controller and the store of its decisions. hooks: {onState(state) (how decisions are
 * kept), onRemote(key) (another tab decided on the dataset `key`), context() -> {dataset, report},
 * emit(type, detail)}.
 */
export function createReview({ onState, onRemote, context, emit }) {
  const store = new ReviewStore({ onState, onRemote });
  return new ReviewController({
    store,
    context,
    emit,
    writeLabels: async (file, args) => (await sharedClient()).correctedLabelsFile(file, args),
  });
}
