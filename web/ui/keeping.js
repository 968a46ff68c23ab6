// What this browser keeps, on screen: the question about keeping dropped files (after the first
// analysis of dropped files, where the page allows it), the line with "Forget everything", and
// the "pick up where you left off" offer on the next visit. The storing itself is persist.js's
// (through the review controller); this file only decides what to show and when.
import { resumeOffer } from './resume.js';

export class KeepingUi {
  #ui;
  #review;
  #host;
  #unsaved = null; // files analysed while the person has not said whether to keep them
  #offered = null; // the session offered to resume, while the offer shows

  /**
   * ui: the shell (privacy, intake, status, review, settings); review: the ReviewController;
   * host: {compact(), storeFiles(), analysis(), canOffer(), loadDemo(name), resumeFiles(session), fail(...)}.
   */
  constructor({ ui, review, host }) {
    this.#ui = ui;
    this.#review = review;
    this.#host = host;
  }

  /** The always-visible line of what this browser keeps (only where anything is kept). */
  show() {
    const store = this.#review.store;
    this.#ui.privacy.update(
      store.enabled && !this.#host.compact()
        ? { decisions: true, files: store.consent, filesAllowed: this.#host.storeFiles() }
        : null,
    );
  }

  /** The analysed files or demo become the session a reload can resume (files: if the person agrees). */
  analysed(origin, entries, common) {
    const store = this.#review.store;
    this.#unsaved = null;
    if (origin.kind === 'files' && store.shouldAsk && !this.#host.compact()) {
      this.#unsaved = { origin, entries, common };
      this.#ui.privacy.asking(true);
    } else {
      this.#ui.privacy.asking(false); // a demo (or nothing to ask): the question about files before goes
    }
    return this.#review.saveSession(origin, entries, common);
  }

  /** The files analysed are replaced (other files dropped): the question about keeping them goes. */
  filesReplaced() {
    this.#unsaved = null;
    this.#ui.privacy.asking(false);
  }

  /** The person's answer to "Keep these files in this browser?". */
  keepFiles(keep) {
    this.#review.store.setConsent(keep);
    this.#ui.privacy.asking(false);
    this.show();
    const pending = this.#unsaved;
    this.#unsaved = null;
    if (keep && pending) this.#review.saveSession(pending.origin, pending.entries, pending.common);
  }

  /** What "Forget everything" would take with it from the data shown: {decisions, exported}. */
  pending() {
    const review = this.#review;
    const decisions = review.decisions.size;
    // Nothing shown yet but a session offered to resume: its saved decisions go too (not exportable from here).
    if (!decisions && this.#offered?.decisionCount) {
      return { decisions: this.#offered.decisionCount, exported: false, exportable: false, saved: true };
    }
    return {
      decisions,
      exported: decisions > 0 && Boolean(review.key) && review.store.exported(review.key),
      exportable: true,
    };
  }

  async forgetEverything() {
    this.#unsaved = null;
    this.#offered = null;
    this.#ui.privacy.asking(false);
    this.#ui.intake.setResume(null);
    try {
      const decided = this.pending().decisions;
      await this.#review.store.forgetEverything();
      const what = decided ? ` Your ${decided === 1 ? 'decision' : `${decided} decisions`} went too.` : '';
      this.#ui.privacy.forgotten(
        `Forgotten: this browser no longer keeps any file, decision or name from labelscope.${what}`,
      );
    } catch (error) {
      this.#host.fail(error, 'Could not clear this browser’s storage', {
        keepResults: true,
        openFiles: false,
        hint: null,
      });
    }
    this.#ui.review.setStorage(this.#review.store.state, null);
    this.#ui.review.decisionsChanged();
    this.show();
  }

  /** "Pick up where you left off": offered when the page opens with nothing loaded. */
  async offerResume() {
    const store = this.#review.store;
    if (!store.enabled || !this.#host.canOffer()) return;
    const session = await store.loadSession();
    if (!session || !this.#host.canOffer()) return;
    const offer = resumeOffer(session);
    this.#offered = session;
    this.#ui.intake.setResume({
      ...offer,
      resume: offer.canResume ? () => this.#resume(session) : null,
      forget: async () => {
        await store.forgetSession();
        this.#offered = null;
        this.#ui.intake.setResume(null);
      },
    });
    this.#showOffer();
  }

  /** After a reload the browser puts the scroll back where it was, under the offer: bring it into view. */
  #showOffer() {
    const bring = () => {
      const card = this.#ui.intake.element.querySelector('.resume');
      if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: 'nearest' });
    };
    bring();
    // The scroll may be restored after the offer is shown (when the page finishes loading).
    const view = this.#ui.intake.element.ownerDocument?.defaultView;
    if (view && view.document.readyState !== 'complete')
      view.addEventListener('load', () => requestAnimationFrame(bring), { once: true });
    else requestAnimationFrame(bring);
  }

  #resume(session) {
    this.#offered = null;
    this.#ui.intake.setResume(null);
    if (session.settings) this.#ui.settings.set(session.settings);
    if (session.kind === 'demo') return this.#host.loadDemo(session.demo);
    return this.#host.resumeFiles(session);
  }
}
