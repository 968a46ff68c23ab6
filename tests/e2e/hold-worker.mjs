// Shared by the race and Cancel tests (races.spec, cancel-analysis.spec): a Worker wrapper,
// installed before the page loads, that holds back the worker's answers to chosen methods while
// window.__hold is true. The test decides when an older request's answer arrives, so the order of
// events is the same on a fast or a loaded machine.

/** Runs in the page: wraps Worker so that answers to `methods` wait in window.__held while held. */
function holdingWorker(methods) {
  const NativeWorker = window.Worker;
  window.__hold = false;
  window.__held = [];
  window.Worker = class HoldingWorker extends NativeWorker {
    #handler = null;
    #ids = new Set();
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const { id, progress } = event.data ?? {};
        if (window.__hold && !progress && this.#ids.has(id)) {
          window.__held.push(() => this.#handler?.(event));
          return;
        }
        this.#handler?.(event);
      });
    }
    get onmessage() {
      return this.#handler;
    }
    set onmessage(handler) {
      this.#handler = handler;
    }
    postMessage(message, transfer) {
      if (methods.includes(message?.method)) this.#ids.add(message.id);
      super.postMessage(message, transfer);
    }
  };
}

/** Installs the wrapper in `page` (before its scripts run) for these worker methods, e.g. ['audit']. */
export const holdWorker = (page, methods) => page.addInitScript(holdingWorker, methods);
/** While on, answers to the held methods wait (progress messages still pass). */
export const hold = (page, on) =>
  page.evaluate((value) => {
    window.__hold = value;
  }, on);
export const heldCount = (page) => page.evaluate(() => window.__held.length);
/** Delivers the held answers, oldest first. */
export const releaseHeld = (page) =>
  page.evaluate(() => {
    for (const deliver of window.__held.splice(0)) deliver();
  });
