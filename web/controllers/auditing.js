// One analysis in the worker for the analysis controller (analysis.js), with its progress line.
// Re-running on a small dataset takes milliseconds: a progress bar flashing in and out would only
// shake the page, so it appears when the analysis takes a noticeable time (or was showing already).
import { auditOptions } from './options.js';
import { MAX_GRID_CLASSES } from '../ui/heatmap.js';

const SHOW_PROGRESS_AFTER_MS = 250;

/**
 * Audits `dataset` with `settings` (the page's settings values).
 * how: {client() -> Promise<worker client>, view (progress, progressShowing), signal,
 * live() -> whether the request is still current, started() (called as the worker is asked)}.
 * @returns {Promise<{report?: object, error?: any}|null>} the report or the error (code
 * 'cancelled' after Cancel); null when superseded before the worker was asked.
 */
export async function auditInWorker(dataset, settings, { client, view, signal, live, started }) {
  let fraction = null; // stages done / stages, as the worker reports them
  const show = () => {
    if (live()) view.progress('Analysing…', fraction);
  };
  const slow = view.progressShowing() ? (show(), null) : setTimeout(show, SHOW_PROGRESS_AFTER_MS);
  const onProgress = ({ stagesDone, numStages }) => {
    fraction = stagesDone / numStages;
    if (view.progressShowing()) show();
  };
  try {
    const worker = await client();
    if (!live()) return null;
    started();
    // Many classes: the page shows the most confused pairs and one class at a time, never a grid,
    // so the report's K x K matrices come as their non-zero cells (800 MB each at K = 10,000).
    const matrices = dataset.numClasses > MAX_GRID_CLASSES ? { matrices: 'sparse' } : {};
    return { report: await worker.audit(dataset, { ...auditOptions(settings), ...matrices, signal, onProgress }) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(slow);
  }
}
