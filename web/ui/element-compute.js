// A page that points src (or labels-src + pred-probs-src) at a labelled table of features wants its analysis shown,
// not the page's offer to compute probabilities: the element takes the offer itself. What is offered is decided
// where the page decides it (plausibility.js wayOn, the offer under the reader's error); this file only reads which
// computation that offer runs, so the element computes exactly what the page's button would.
import { fewerFoldsFor } from './folds.js';
import { wayOn } from './plausibility.js';

/**
 * The computation the page offers for `error` ({} plain, {impute: true} with missing values replaced by the mean,
 * {folds, again: true} the same with as many folds as a small class has rows), or null where it offers none (a file
 * that is broken, probabilities that only look odd, a label column to choose): those stay errors the element shows.
 */
export function offeredComputation(error, analysis, client) {
  const element = wayOn(error, analysis, client)?.element;
  if (!element?.querySelector) return null;
  const small = fewerFoldsFor(error);
  if (small && element.querySelector('.compute-fewer-folds')) return { folds: small.rows, again: true };
  if (element.querySelector('.compute-imputed')) return { impute: true };
  if (element.querySelector('.cv-offer .compute-probabilities')) return {};
  return null;
}
