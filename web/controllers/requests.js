// "The latest request wins", the rule of the analysis controller (analysis.js): every load, read
// and analysis of new data begins a request, which aborts the one before and takes a new token.
// An await that resumes with a token that is no longer current drops its results and its errors
// silently — a newer action (another file, a demo, an attribute) took over, and the person must
// see only that.

export class LatestRequest {
  #token = 0; // the current request; older ones drop what they were doing
  #abort = null; // AbortController of the current request (Cancel, or superseded)

  /**
   * Aborts the request in flight and begins the next one.
   * @returns {{token: number, signal: AbortSignal}}
   */
  begin() {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return { token: ++this.#token, signal: this.#abort.signal };
  }

  /** Whether `token` is still the current request. */
  live(token) {
    return token === this.#token;
  }

  /** The abort signal of the current request. */
  get signal() {
    return this.#abort.signal;
  }

  /** The person's Cancel: aborts the current request (its token stays current, to say "Cancelled"). */
  cancel() {
    this.#abort?.abort();
  }
}
