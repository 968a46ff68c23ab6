// Small pieces of the analysis controller (analysis.js): the float32 threshold, which file sets
// hold the same data, class names from a text file — and the View the controller talks to.

/** Probability files larger than this are read as float32: half the memory, so 1M x 100 fits. */
export const FLOAT32_ABOVE_BYTES = 256 * 2 ** 20;

/**
 * The phases (the element's data-state): idle, loading (fetching URLs), waiting (the files do not
 * make a dataset yet), reading, computing (probabilities, by cross-validation), analysing, ready, error.
 * @typedef {'idle'|'loading'|'waiting'|'reading'|'computing'|'analysing'|'ready'|'error'} Phase
 */

/**
 * What the controller needs from the element. Every method is called only for the current request.
 * @typedef {object} View
 * @property {(phase: Phase) => void} setState
 * @property {(text: string, fraction?: number|null, options?: object) => void} progress
 * @property {(p: object) => void} readProgress
 * @property {() => void} idle                 hide the progress line
 * @property {() => boolean} progressShowing
 * @property {() => void} clearError
 * @property {(text: string, action?: {label: string, run: Function}|null) => void} note
 * @property {(problem: string|null, open?: boolean) => void} showFiles
 * @property {(error: Error, title?: string, options?: object) => void} failed
 * @property {() => void} hideResults
 * @property {(on: boolean) => void} [staleResults]  the results shown are (not) of other files than those listed
 * @property {(how: {newDataset: boolean, truthChanged?: boolean}) => void} render
 * @property {() => void} announce             labelscope-result
 * @property {() => object} settings           the current settings values
 * @property {(values: object) => void} restoreSettings
 * @property {(dataset: object, entries: object[]) => Promise<object>} openDecisions
 * @property {(review: object) => void} useDecisions
 * @property {(what: {origin: object, entries: object[]}) => void} analysed  first report of a dataset
 */

/**
 * What the analysis controller works with (the element passes the page's; tests pass fakes).
 * @typedef {object} Deps
 * @property {() => Promise<any>} client  the worker client
 * @property {(urls: string[], signal: AbortSignal) => Promise<File[]>} fetchFiles
 * @property {(file: File) => Promise<any>} sniff  an entry {file, role, reason, columns, problem}
 *   (problem: a file refused at once, a message or a LabelScopeError)
 * @property {(entries: any[]) => {ready: boolean, problem?: string|null}} checkRoles
 * @property {(current: any[], incoming: any[], wasRead: boolean) => any[]} mergeFiles
 * @property {string[]} dataRoles
 * @property {(text: string, fileName: string, dataset: any) => any} parseTruth
 * @property {(dataset: any, parsed: any[]) => any} buildTruth
 * @property {(how?: object) => any} [computeProbabilities]  "Compute out-of-sample probabilities here"
 * @property {(entries: any[]) => Promise<{entries: any[], computed: object|null}|null>} [recall]  the person's
 *   choices kept about these very files (ui/choices.js), applied to the entries; null if none
 * @property {(entries: any[], options: object) => any} [computeAgain]  computes the probabilities with those choices
 * @property {(dataset: any, how: {client: any, signal: AbortSignal, [more: string]: any}) => Promise<any>}
 * [prepareDataset]
 *   a lesson's simulated noise
 */

/** The same files in the same data roles, with the same label column chosen (truth files may differ). */
export function sameData(a, b, dataRoles) {
  const data = (entries) => entries.filter((e) => dataRoles.includes(e.role) || e.role === 'classNames');
  const x = data(a);
  const y = data(b);
  return (
    x.length === y.length &&
    x.every((e, i) => e.file === y[i].file && e.role === y[i].role && e.chosenLabelColumn === y[i].chosenLabelColumn)
  );
}

/** A class-names file: one name per line, blank lines ignored. */
export function parseClassNames(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
