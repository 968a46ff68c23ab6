// The element's exports and downloads: the flagged rows and the full dataset (progress on big
// files), the decisions and corrected labels (the review controller writes them), the
// probabilities computed in this tab, and Start over. A failed export keeps the results on screen.
import { probabilitiesBlob } from './cross-val-panel.js';
import { download, exportWithProgress, flaggedRowsCsv, fullDatasetCsv } from './export.js';
import { plural, pluralIs } from './format.js';

export class ExportActions {
  #host;

  /**
   * host: {ui() -> the shell, review() -> ReviewController, report(), context() -> render context,
   * sourceName() -> the data's name, fail(error, title, options)}.
   */
  constructor(host) {
    this.#host = host;
  }

  /** kind 'flagged': the flagged rows; otherwise every row, audited. */
  async table(kind) {
    const host = this.#host;
    if (!host.report()) return;
    const build = kind === 'flagged' ? flaggedRowsCsv : fullDatasetCsv;
    // The full dataset: every row of the table with labelscope's columns added (not a corrected file).
    const fileName = `${host.sourceName()}-${kind === 'flagged' ? 'flagged' : 'all-rows-with-audit'}.csv`;
    try {
      await exportWithProgress(build, host.context(), fileName, host.ui().status);
    } catch (error) {
      host.fail(error, 'The export failed', { keepResults: true, hint: null });
    }
  }

  decisions() {
    return this.#file((name) => this.#host.review().exportDecisions(name), 'decisions.csv');
  }

  labels() {
    const review = this.#host.review();
    const extension = review.labelsKind === 'npy' ? 'npy' : 'csv';
    return this.#file((name) => review.exportLabels(name), `corrected-labels.${extension}`);
  }

  /** The probabilities computed here (controllers/cross-val.js result), as a CSV. */
  probabilities(result) {
    if (result) download(probabilitiesBlob(result), `${this.#host.sourceName()}-probabilities.csv`);
  }

  /** Clears every decision on this dataset (and what was saved of them). */
  async startOver() {
    const review = this.#host.review();
    const ui = this.#host.ui();
    const cleared = await review.startOver();
    ui.review.setStorage(review.store.state, null);
    ui.review.decisionsChanged();
    ui.status.note(`Started over: ${plural(cleared, 'decision')} cleared.`);
  }

  async #file(build, what) {
    const host = this.#host;
    if (!host.report()) return;
    const source = host.sourceName();
    try {
      const { blob, fileName } = await build(source);
      download(blob, fileName);
    } catch (error) {
      host.fail(error, `Could not export ${source}-${what}`, {
        keepResults: true,
        openFiles: false,
        hint: `Your ${pluralIs(host.review().decisions.size, 'decision')} unchanged. Try the export again.`,
      });
    }
  }
}
