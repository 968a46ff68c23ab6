// The person's choices kept about the files dropped (ui/choices.js answers deps.recall), looked up for the analysis
// controller (analysis.js) while the files are read: fingerprinting them takes 0.6 s at the 256 MB cap, so the read
// does not wait for it. What the read finds is shown only once the answer is in (recall.settled), and the files are
// read again only where the choices kept change what is read; computed here, they are computed again. No DOM here.
import { sameData } from './files.js';

export class RecallWhileReading {
  #host;
  #pending = null; // {token, settled}: the lookup for request `token`, and when its answer was applied

  /**
   * host: {recall(entries) -> Promise<answer|null> (deps.recall), computeAgain?(entries, options) (deps.computeAgain),
   * session (session.js), dataRoles, live(token), cancelled() (the person's Cancel on the current request),
   * reread() -> {token, request} (a new request that reads the files listed)}.
   */
  constructor(host) {
    this.#host = host;
  }

  /**
   * Looks up the choices kept about the files listed for request `token`. Resolves once they are applied: null when
   * the read in flight reads what they say, else {token, request}, the request that replaced it.
   */
  start(token) {
    const { recall, session } = this.#host;
    const answer = Promise.resolve(recall(session.entries)).catch(() => null);
    const settled = answer.then((recalled) => this.#use(token, recalled));
    this.#pending = { token, settled };
    return settled;
  }

  /** Before request `token` shows what it read: the choices kept were applied. False: a newer request took over. */
  async settled(token) {
    const pending = this.#pending;
    if (pending?.token === token) {
      await pending.settled;
      if (this.#pending === pending) this.#pending = null;
    }
    return this.#host.live(token);
  }

  #use(token, recalled) {
    const { session, dataRoles, computeAgain, live, cancelled, reread } = this.#host;
    if (!recalled || !live(token) || cancelled()) return null; // none kept, superseded, or the person's Cancel
    const changed = !sameData(recalled.entries, session.entries, dataRoles);
    session.entries = recalled.entries;
    const computing = recalled.computed ? computeAgain?.(recalled.entries, recalled.computed) : undefined;
    if (computing !== undefined) return { token: null, request: computing };
    if (!changed && !recalled.computed) return null;
    return reread(); // else (nothing to compute from) read as listed
  }
}
