// The multi-label review wired to the element: the controller (controllers/multilabel.js), its
// panel (placed under the status line), the store of decisions on sets, and the downloads.
// label-scope.js hands over a failed single-label read that multi-label data explains.
import { MultiLabelController } from '../controllers/multilabel.js';
import { readRequest } from '../controllers/reading.js';
import { download } from './export.js';
import { createMultiLabelPanel } from './multilabel-panel.js';
import { multiLabelStore } from './multilabel-store.js';
import { sharedClient } from './shared-client.js';

export { multiLabelStyles } from './multilabel-styles.js';

/**
 * host: {reviewStore() -> ReviewStore, setState(phase), emit(type, detail)}. Returns the
 * controller with the panel in `ui`.
 */
export function createMultiLabel(ui, host) {
  let controller = null;
  const save = (file) => download(new Blob([file.data], { type: file.type }), file.name);
  const panel = createMultiLabelPanel({
    decide: (index, decision, set) => {
      const done = controller.decide(index, decision, set);
      host.emit('decision', { index, decision, set: done?.set ?? null, multiLabel: true });
    },
    exportLabels: () => save(controller.exportLabels()),
    exportIssues: () => save(controller.exportIssues()),
    cancel: () => controller.cancel(),
  });
  ui.status.element.after(panel.element);
  controller = new MultiLabelController({
    client: sharedClient, readRequest, store: multiLabelStore(host.reviewStore),
  }, {
    progress: (text) => { host.setState('analysing'); panel.progress(text); },
    idle: () => {},
    show: (model) => {
      ui.results.hidden = true; // the single-label results belong to other data
      ui.intake.element.classList.add('has-data'); // files read: no beginner's guide
      panel.show(model, { decision: (i) => controller.decisionOf(i), count: () => controller.decisions.length });
      host.setState('ready');
      host.emit('labelscope-result', { multiLabel: true, numExamples: model.numExamples, numClasses: model.numClasses,
        numIssues: model.rows.length, announcement: model.announcement });
    },
    offerCompute: (error, compute) => { host.setState('waiting'); panel.offerCompute(error, compute); },
    cancelled: () => { host.setState('idle'); panel.cancelled(); },
    failed: (error) => { host.setState('error'); panel.failed(error); host.emit('labelscope-error', { message: error?.message, code: error?.code }); },
    decisionsChanged: () => panel.decisionsChanged(),
    clear: () => panel.clear(),
  });
  return controller;
}
