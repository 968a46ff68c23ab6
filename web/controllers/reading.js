// What the analysis controller (analysis.js) asks the worker to read, and what it says about the
// files: the read request built from the files and their roles, the note on probabilities kept as
// 32-bit floats, the message for files the sniffer refused, and the known-truth files parsed.
import { FLOAT32_ABOVE_BYTES } from './files.js';

/**
 * The worker's readDataset input and options for `entries` (files with roles).
 * @param {{file: File, role: string}[]} entries
 * @param {{labelColumn?: string|null, allowUnnormalized?: boolean, signal?: AbortSignal,
 *   onProgress?: (progress: object) => void}} choices the person's, and the request's signal and progress
 * @returns {{input: object, options: object, classNamesFile: File|undefined}}
 */
export function readRequest(entries, { labelColumn = null, allowUnnormalized = false, signal, onProgress } = {}) {
  const byRole = (role) => entries.find((e) => e.role === role)?.file;
  const combined = byRole('combined');
  // A features file is no probabilities: read as such, the reader says why not, and the page offers
  // to compute them from it (ui/plausibility.js).
  const input = combined
    ? { combined }
    : { labels: byRole('labels'), predProbs: byRole('predProbs') ?? byRole('features') };
  /** @type {Record<string, any>} */
  const options = { signal, onProgress };
  if (labelColumn) options.labelColumn = labelColumn;
  if (allowUnnormalized) options.allowUnnormalized = true;
  if (((combined ?? byRole('predProbs'))?.size ?? 0) > FLOAT32_ABOVE_BYTES) options.float32 = true;
  return { input, options, classNamesFile: byRole('classNames') };
}

/** The features file of labels + features (listed in the probabilities' role), or null. */
export function featuresFile(entries) {
  if (!entries.some((e) => e.role === 'labels')) return null;
  return entries.find((e) => e.role === 'features' || e.role === 'predProbs')?.file ?? null;
}

/** Said with the results of a dataset read as float32. */
export const FLOAT32_NOTE =
  'The probabilities were kept as 32-bit floats to halve the memory this tab needs ' +
  `(inputs over ${FLOAT32_ABOVE_BYTES / 2 ** 20} MB). ` +
  'Scores can differ from a 64-bit run (the CLI) in the last digits.';

/**
 * The error to show for files the sniffer refused at once (empty, binary, ...): the first one's,
 * with the reader's message. refused: entries with a `problem` (a LabelScopeError or a text).
 * @returns {{error: object, title: string, hint: string}}
 */
export function refusal(refused) {
  const { file, problem } = refused[0];
  const error = typeof problem === 'string' ? { code: 'bad_file', message: problem } : problem;
  if (error.file == null) error.file = file.name;
  if (refused.length === 1)
    return {
      error,
      title: `Could not use ${file.name}`,
      hint: `${file.name} was not added. Fix it and drop it again.`,
    };
  // Every file refused is named with its reason, not only the first (the count said more than was shown).
  const reason = (e) => (typeof e.problem === 'string' ? e.problem : e.problem.message);
  const others = refused
    .slice(1)
    .map((e) => `${e.file.name} (${reason(e) === error.message ? 'the same problem' : reason(e).replace(/\.$/, '')})`);
  const hint =
    `Also refused: ${others.join('; ')}. None of these ${refused.length} files was added: fix them ` +
    `and drop them again.`;
  return { error, title: `Could not use ${refused.length} files (${file.name} first)`, hint };
}

/**
 * Parses the known-truth files among `entries` against `dataset`; a file that fails is skipped
 * and reported through onError(error, entry) (when the request is still live).
 */
export async function parseTruthFiles(entries, dataset, parseTruth, onError) {
  const parsed = [];
  for (const entry of entries.filter((e) => e.role === 'truth')) {
    try {
      parsed.push(parseTruth(await entry.file.text(), entry.file.name, dataset));
    } catch (error) {
      onError(error, entry);
    }
  }
  return parsed;
}
