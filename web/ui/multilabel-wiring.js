// The multi-label review wired to the element: the controller (controllers/multilabel.js), its
// panel (placed under the status line), the store of decisions on sets, and the downloads.
// label-scope.js hands over a failed single-label read that multi-label data explains.
import { pageWords } from '../src/js/option-words.js';
import { MultiLabelController } from '../controllers/multilabel.js';
import { readRequest } from '../controllers/reading.js';
import { download } from './export.js';
import { createMultiLabelPanel } from './multilabel-panel.js';
import { multiLabelStore } from './multilabel-store.js';
import { setsChoice } from './choices.js';
import { fileFingerprint } from './fingerprint.js';
import { auditOptions } from './settings.js';
import { sharedClient } from './shared-client.js';

export { multiLabelStyles } from './multilabel-styles.js';

/**
 * The `labelscope-result` detail for label sets (README, Embedding: the same names as the
 * single-label detail where they mean the same).
 * @typedef {object} MultiLabelResultDetail
 * @property {true} multiLabel
 * @property {number} numExamples
 * @property {number} numClasses
 * @property {string[]} classNames
 * @property {number} numIssues flagged rows
 * @property {number[]} issues their indices (from 0), most likely wrong first
 * @property {number} numLabelIssues the estimated number of label issues
 * @property {number} healthScore the overall label health score
 * @property {string} filterBy
 * @property {string} rankBy
 * @property {number} rowsWithSeveral rows whose set holds more than one class
 * @property {string} notation how the sets were written: semicolon, pipe, json, columns or npy
 * @property {string} announcement "Looks multi-label: 31 rows have more than one label"
 * @property {boolean} computed whether the probabilities were computed on the page (one-vs-rest)
 * @property {string} source the name the downloads start with
 * @property {number} numDecided decisions on sets
 * @param {any} model the controller's model (controllers/multilabel-model.js buildModel)
 * @param {number} numDecided
 * @returns {MultiLabelResultDetail}
 */
export function multiLabelResultDetail(model, numDecided) {
  return {
    multiLabel: true,
    numExamples: model.numExamples,
    numClasses: model.numClasses,
    classNames: [...model.classNames],
    numIssues: model.rows.length,
    issues: model.rows.map((r) => r.example),
    numLabelIssues: model.numLabelIssues,
    healthScore: model.health.overall,
    filterBy: model.options?.filterBy ?? 'prune_by_noise_rate',
    rankBy: model.options?.rankBy ?? 'self_confidence',
    rowsWithSeveral: model.rowsWithSeveral,
    notation: model.notation,
    announcement: model.announcement,
    computed: Boolean(model.computed),
    source: model.sourceName,
    numDecided,
  };
}

// The settings card lives in the single-label results; while label sets are shown it moves into
// their panel (the same form and values), and back when they are cleared.
function settingsMover(ui) {
  const card = ui.settings.element;
  let home = null;
  return {
    into(slot) {
      home ??= { parent: card.parentNode, next: card.nextSibling };
      slot.append(card);
      ui.settings.setMultiLabel?.(true); // help worded for label sets while there
    },
    back() {
      ui.settings.setMultiLabel?.(false);
      if (!home || card.parentNode === home.parent) return;
      home.parent.insertBefore(card, home.next);
    },
  };
}

/**
 * The person's choices about label sets (ui/choices.js: the set column picked, the one-vs-rest compute and its folds,
 * the settings), kept and recalled for the person's own files only (dropped, not a demo or an address).
 */
function setsChoices(ui, host) {
  const memory = () => (host.origin?.()?.kind === 'files' ? (host.choices?.() ?? null) : null);
  return {
    recall: (entries) => memory()?.recall(entries) ?? null,
    remember: (how) =>
      memory()?.remember(
        host.origin(),
        how.entries,
        null,
        setsChoice({ computed: how.computed, folds: how.folds, settings: ui.settings.values }),
      ),
  };
}

/**
 * host: {reviewStore() -> ReviewStore, setState(phase), emit(type, detail), keeping?() -> KeepingUi,
 * choices?() -> ChoicesMemory (ui/choices.js),
 * origin?() -> the analysis' origin ({kind: 'files'} or a demo), compact?() and maxRows?() (the element's),
 * resultsHidden?() (the single-label results and their panels go)}. Returns the controller with the
 * panel in `ui`; the page's settings (ui.settings) steer its audit, and label sets read from files
 * or a demo become the session a reload can resume (their decisions under their own key).
 */
export function createMultiLabel(ui, host) {
  let controller = null;
  const settings = settingsMover(ui);
  const save = (file) => download(new Blob(file.parts ?? [file.data], { type: file.type }), file.name);
  const panel = createMultiLabelPanel({
    decide: (index, decision, set) => {
      const done = controller.decide(index, decision, set);
      host.emit('decision', { index, decision, set: done?.set ?? null, multiLabel: true });
    },
    exportLabels: () => controller.exportLabels().then(save, (error) => panel.exportFailed(error)),
    exportIssues: () => save(controller.exportIssues()),
    exportDecisions: () => save(controller.exportDecisions()),
    cancel: () => controller.cancel(),
  });
  ui.status.element.after(panel.element);
  controller = new MultiLabelController(
    {
      client: sharedClient,
      readRequest,
      store: multiLabelStore(host.reviewStore),
      options: () => auditOptions(ui.settings.values), // the page's settings steer the audit
      choices: setsChoices(ui, host),
      fingerprint: fileFingerprint, // a computed table's decisions are keyed by its bytes
    },
    {
      progress: (text) => {
        host.setState('analysing');
        panel.progress(text);
      },
      idle: () => {},
      restoreSettings: (values) => ui.settings.set(values), // the settings kept with these files' choices
      show: (model) => {
        ui.results.hidden = true; // the single-label results belong to other data
        host.resultsHidden?.(); // ... and so do the panels about them (the lesson's noise form)
        ui.intake.element.classList.add('has-data'); // files read: no beginner's guide
        // compact (a lesson's summary): the health and the top rows, no class table, settings or decisions.
        const compact = Boolean(host.compact?.());
        panel.show(model, {
          decision: (i) => controller.decisionOf(i),
          count: () => controller.decisions.length,
          compact,
          maxRows: host.maxRows?.() ?? Infinity,
        });
        if (!compact) settings.into(panel.settingsSlot);
        host.setState('ready');
        host.emit('labelscope-result', multiLabelResultDetail(model, controller.decisions.length));
      },
      analysed: (model, how) =>
        host.keeping?.().analysed(host.origin(), how.entries, {
          settings: ui.settings.values,
          sourceName: model.sourceName,
          labelColumn: how.labelColumn,
          key: `${host.reviewStore().scope}:${controller.key}`,
          multiLabel: { computed: how.computed, ...(how.folds ? { folds: how.folds } : {}) },
        }),
      offerCompute: (error, compute) => {
        host.setState('waiting');
        ui.intake.element.classList.add('has-data'); // a table was read: the offer, not the beginner's guide
        panel.offerCompute(error, compute);
      },
      cancelled: () => {
        host.setState('idle');
        panel.cancelled();
      },
      failed: (error) => {
        host.setState('error');
        panel.failed(error);
        host.emit('labelscope-error', { message: pageWords(error?.message ?? String(error)), code: error?.code });
      },
      decisionsChanged: () => panel.decisionsChanged(),
      clear: () => {
        settings.back();
        panel.clear();
      },
    },
  );
  return controller;
}
