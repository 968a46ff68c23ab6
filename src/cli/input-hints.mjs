// What a failed read most likely means, when the files themselves say so: --labels and --pred-probs
// swapped, or a table of features given as probabilities (--data without --features). What a file
// looks like is the core's sniffer's answer (sniffFile, src/io/sniff.cpp: its role, looksLikeFeatures),
// as the page asks it. The native CLI says the same (src/native/input_hints.cpp).
import path from 'node:path';

import { fileChunks, InputError } from './input.mjs';

// Errors of probability columns that are no probabilities: cells that are no numbers, rows that do not sum
// to 1, labels that name no column, too few columns.
const PROBABILITY_ERRORS = [
  'bad_number',
  'implausible_probabilities',
  'unknown_class',
  'label_out_of_range',
  'non_finite',
  'out_of_range',
  'too_few_classes',
];

// The sniffer is given the file's name (a name with 'prob' or 'pred' in it holds probabilities), not its folders.
const sniff = (ls, file) => ls.sniffFile({ name: path.basename(file.path), data: fileChunks(file.path) });

/** The files given as --labels and --pred-probs look the other way round. */
const swappedMessage = (labels, predProbs) =>
  `${predProbs} looks like labels and ${labels} like probabilities: swapped? ` +
  `Give --labels ${predProbs} --pred-probs ${labels}.`;

/** A table of features given as probabilities (--data without --features). */
const featuresMessage = (file) =>
  `${file}: its columns look like features, not predicted probabilities: add --features all to compute ` +
  'probabilities from these columns.';
// Rows that do not sum to 1: the reader's error says so, what they look like and how to use them as given.
const FEATURES_ADVICE = ' Or add --features all to compute probabilities from these columns.';

/**
 * The error a failed read of `files` (inputFiles) is reported as: an InputError saying what the files look
 * like when they say more than the reader's error, or the reader's error with the advice added (rows that
 * do not sum to 1), else `error` itself.
 */
export async function inputHint(error, ls, files, values) {
  if (error?.name !== 'LabelScopeError' || ['invalid_option', 'internal_error'].includes(error.code)) return error;
  if (values['multi-label']) return error; // label sets: their own hint (cmd-multilabel.mjs)
  try {
    const labels = files.find((f) => f.role === 'labels');
    const predProbs = files.find((f) => f.role === 'predProbs');
    if (labels && predProbs) {
      const [l, p] = [await sniff(ls, labels), await sniff(ls, predProbs)];
      if (l.role === 'predProbs' && p.role === 'labels')
        return new InputError(swappedMessage(labels.path, predProbs.path));
    }
    const table = files.find((f) => f.role === 'combined');
    if (table && PROBABILITY_ERRORS.includes(error.code)) {
      const t = await sniff(ls, table);
      if (t.role === 'combined' && t.looksLikeFeatures) {
        if (error.code !== 'implausible_probabilities') return new InputError(featuresMessage(table.path));
        error.message += FEATURES_ADVICE;
      }
    }
  } catch {
    // a file that cannot be sniffed: the reader's error says what is wrong
  }
  return error;
}
