// Flags of the analysis commands in the JS API's names, and the warnings printed with a result:
// shared by the single-label commands and the multi-label ones (cmd-multilabel.mjs).

/** Options of find_label_issues / audit in the JS API's names; flags not given keep the defaults. */
export function findOptions(v) {
  const o = {};
  if (v['filter-by'] !== undefined) o.filterBy = v['filter-by'];
  if (v['frac-noise'] !== undefined) o.fracNoise = v['frac-noise'];
  if (v['min-examples-per-class'] !== undefined) o.minExamplesPerClass = v['min-examples-per-class'];
  if (v['adjust-pred-probs']) o.adjustPredProbs = true;
  return o;
}
export const filterBy = (v) => v['filter-by'] ?? 'prune_by_noise_rate';
export const rankBy = (v) => v['rank-by'] ?? 'self_confidence';

/** Reader and analysis warnings, each once: {code, message, count, example?, class?}. */
export function warningsOf(...lists) {
  const seen = new Map();
  for (const w of lists.flat()) {
    const key = `${w.code}\u0000${w.message}`;
    if (seen.has(key)) continue;
    const out = { code: w.code, message: w.message, count: w.count };
    if (w.example >= 0) out.example = w.example;
    if (w.classIndex >= 0) out.class = w.classIndex;
    seen.set(key, out);
  }
  return [...seen.values()];
}
