// Which data a <label-scope>'s attributes ask for (no DOM: the element passes getAttribute).
export const SOURCE_ATTRIBUTES = ['demo', 'src', 'labels-src', 'pred-probs-src', 'truth-src'];

/** The file's name without folders and extension ("data" for "/x/data.csv"). */
export function baseName(name) {
  const last = String(name ?? 'labelscope')
    .split(/[\\/]/)
    .pop();
  return last.replace(/\.[^.]+$/, '') || 'labelscope';
}

/**
 * attr(name) -> value or null. Returns {key, urls, sourceName} for src / labels-src +
 * pred-probs-src (with truth-src), {key, demo} for demo, or {key} when none is set; key tells
 * whether anything changed since the last load.
 */
export function requestedSources(attr) {
  const sources = Object.fromEntries(SOURCE_ATTRIBUTES.map((a) => [a, attr(a)]));
  const key = JSON.stringify(sources);
  const truth = sources['truth-src'] ? [sources['truth-src']] : [];
  if (sources.src) return { key, urls: [sources.src, ...truth], sourceName: baseName(sources.src) };
  if (sources['labels-src'] || sources['pred-probs-src']) {
    return {
      key,
      sourceName: baseName(sources['labels-src'] ?? sources['pred-probs-src']),
      urls: [sources['labels-src'], sources['pred-probs-src'], ...truth].filter(Boolean),
    };
  }
  if (sources.demo != null) return { key, demo: sources.demo || 'headlines' };
  return { key };
}
