// The analyses the analysis controller (analysis.js) runs on the data read: one at a time, and settings changed
// while one runs fold into one follow-up run with the latest settings. The worker's side of one run is
// auditing.js; what the screen shows as a run ends is analysis-screen.js's. No DOM here.
import { auditInWorker } from './auditing.js';

export class AuditRuns {
  #auditing = 0; // token of the analysis in flight, 0 when none
  #again = false; // settings changed while it ran: one more run when it ends
  #host;

  /**
   * host: {begin() -> {token, signal} (a new request), live(token), session (session.js), screen
   * (analysis-screen.js), view (files.js View), client() -> the worker client, analyse() (the "Analyse" button)}.
   */
  constructor(host) {
    this.#host = host;
  }

  /** A new request began: a follow-up asked for by the one before no longer applies. */
  superseded() {
    this.#again = false;
  }

  /** Settings changed: analyse the data already read again now, or once the run in flight ends. */
  settingsChanged() {
    if (this.#auditing && this.#host.live(this.#auditing)) {
      this.#again = true;
      return undefined;
    }
    return this.again();
  }

  /** Analyses the current dataset; a settings change meanwhile runs once more afterwards. */
  async run(token, signal) {
    this.#auditing = token;
    let report;
    try {
      report = await this.#audit(token, signal);
    } finally {
      if (this.#auditing === token) this.#auditing = 0;
    }
    return this.#host.live(token) && this.#again ? this.again() : report;
  }

  /** A new request that analyses the data already read. */
  again() {
    const { token, signal } = this.#host.begin();
    return this.run(token, signal);
  }

  async #audit(token, signal) {
    const { session, screen, view } = this.#host;
    const live = () => this.#host.live(token);
    const { dataset, origin, readEntries: entries } = session;
    screen.setPhase('analysing');
    const settings = view.settings();
    const outcome = await auditInWorker(dataset, settings, {
      client: this.#host.client,
      view,
      signal,
      live,
      started: () => {
        session.stats.audits++;
      },
    });
    if (!outcome || !live()) return null;
    if (outcome.error) {
      if (outcome.error.code === 'cancelled') {
        this.#again = false; // no follow-up run for settings changed meanwhile either
        screen.analysisCancelled(dataset, () => this.#host.analyse());
      } else {
        view.idle();
        screen.fail(outcome.error, 'The analysis failed', { hint: null });
      }
      return null;
    }
    if (dataset !== session.dataset) return null;
    const { report } = outcome;
    const first = session.reported(report, dataset, settings);
    screen.show({ newDataset: first });
    if (first) view.analysed({ origin, entries });
    return report;
  }
}
