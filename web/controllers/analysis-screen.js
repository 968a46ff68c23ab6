// What the analysis controller (analysis.js) shows as a request ends: the phase (the element's data-state), the
// results (shown, marked stale, hidden), a failure, and what Cancel leaves behind. One place for these, so every
// way a request can end says the same about the results still on screen. No DOM here: it speaks to the View.

export class AnalysisScreen {
  #view;
  #session;
  #phase = 'idle';

  /**
   * @param {import('./files.js').View} view what it shows through
   * @param {import('./session.js').AnalysisSession} session what it tells about
   */
  constructor(view, session) {
    this.#view = view;
    this.#session = session;
  }

  get phase() {
    return this.#phase;
  }

  setPhase(phase) {
    this.#phase = phase;
    this.#view.setState(phase);
  }

  /** Marks the results shown as those of other files than the ones listed (while these are read or computed). */
  stale(on) {
    this.#view.staleResults?.(Boolean(on) && Boolean(this.#session.report));
  }

  fail(error, title, options = {}) {
    this.stale(false); // a failure keeps results only where they are of the files listed (or hides them)
    this.#view.failed(error, title, options);
    if (!options.keepResults) this.setPhase('error');
    return undefined;
  }

  /** The results, shown and announced (labelscope-result). */
  show(how) {
    this.#view.idle();
    this.stale(false);
    this.#view.render(how);
    this.setPhase('ready');
    this.#view.announce();
  }

  /** The person's Cancel while loading or reading: back to the files read before. */
  cancelled() {
    this.#session.backToRead();
    this.stale(false);
    this.#view.idle();
    this.#view.showFiles(null);
    this.#view.note(this.#session.report ? 'Cancelled. Showing the previous results.' : 'Cancelled.');
    this.setPhase(this.#session.report ? 'ready' : 'idle');
    return undefined;
  }

  /**
   * The person's Cancel while the analysis of `dataset` ran (the worker stops after its current stage).
   * analyse(): the "Analyse" button offered when the files were read but not yet analysed.
   */
  analysisCancelled(dataset, analyse) {
    this.#view.idle();
    if (this.#session.report && this.#session.reportFor === dataset) {
      // A re-run for new settings: the results shown still hold for the settings they came from.
      this.#view.restoreSettings(this.#session.reportSettings);
      this.#view.note('Cancelled. Showing the results of the previous settings.');
      this.setPhase('ready');
      return;
    }
    // The first analysis of newly read files: the results shown were those of the files before.
    this.#session.forgetReport();
    this.#view.hideResults();
    this.#view.showFiles(null, true);
    this.#view.note('Analysis cancelled. The files are read; nothing was lost.', { label: 'Analyse', run: analyse });
    this.setPhase('idle');
  }

  /**
   * Computing ended without data: cancelled (a note) or failed (error). The results shown before stay where they are
   * of the files listed; cancelled, the files listed go back to those; failed on other files, the results go.
   */
  computeEnded(note, error = null) {
    this.#view.idle();
    const other = Boolean(this.#session.report) && !this.#session.readIsListed;
    if (error) {
      if (other) this.#view.hideResults(); // the files listed, with the error about them, are not those analysed
      return this.fail(error, 'Could not compute probabilities', {
        keepResults: Boolean(this.#session.report) && !other,
        hint: null,
      });
    }
    if (other) {
      // Cancelled for other files: those whose results are shown are listed again (the panel about the others goes).
      this.#session.backToRead();
      this.#view.showFiles(null);
    }
    this.stale(false);
    this.#view.note(other ? 'Cancelled. Showing the previous results.' : (note ?? ''));
    this.setPhase(this.#session.report ? 'ready' : 'idle');
    return undefined;
  }
}
