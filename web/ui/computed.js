// What a dataset computed in this tab came from (controllers/cross-val.js sets dataset.computed):
// the file and column of the labels, the features used, the folds. The exports write the labels
// back into that file, the summary says what happened, and a resumed session computes again with
// the same choices. Plain data: no DOM, runs under `node --test`.

/**
 * result: crossValProbs's; entries: the files listed (as sniffed); options: {columnRoles, impute}
 * as asked. Returns {labelsFile, labelColumn (1-based; 0 if not a text column), labelColumnName,
 * hasHeader, featuresFile, features, folds, options}.
 */
export function computedFrom(result, entries, options = {}) {
  const report = result.featureReport ?? {};
  const labelsEntry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels') ?? null;
  const combined = labelsEntry?.role === 'combined';
  const label = (report.columns ?? []).find((c) => c.use === 'label');
  return {
    labelsFile: report.labelsFile || labelsEntry?.file?.name || '',
    // A separate labels file holds one column of labels (first); a table names its label column.
    labelColumn: combined ? label?.column ?? 0 : 1,
    labelColumnName: combined ? report.labelColumn || label?.name || '' : labelsEntry?.columns?.[0] ?? '',
    hasHeader: Boolean(labelsEntry?.columns),
    featuresFile: report.featuresFile || '',
    features: report.used ?? [],
    folds: result.settings?.foldsUsed ?? result.folds?.length ?? 0,
    options: { ...options },
  };
}

/** What a kept session needs to compute the same probabilities again on Resume, or null (read as such). */
export function computedSession(dataset) {
  return dataset?.computed ? { options: { ...dataset.computed.options } } : null;
}

/** {labelColumn, hasHeader} for correctedLabelsFile when the labels are not where the dataset says. */
export function labelsPlace(dataset) {
  const computed = dataset?.computed;
  if (!computed || !(computed.labelColumn > 0)) return null;
  return { labelColumn: computed.labelColumn, hasHeader: computed.hasHeader };
}
