// What a dataset computed in this tab came from (controllers/cross-val.js sets dataset.computed):
// the file and column of the labels, the features used, the folds. The exports write the labels
// back into that file, the summary says what happened, and a resumed session computes again with
// the same choices. Plain data: no DOM, runs under `node --test`.
import { formatCount, isolate, listPhrase, plural } from './format.js';

/**
 * result: crossValProbs's; entries: the files listed (as sniffed); options: {columnRoles, impute}
 * as asked. Returns {labelsFile, labelColumn (1-based; 0 if not a text column), labelColumnName, labelByName,
 * hasHeader, featuresFile, features, folds, columnUses ({id, text}: column names or null), columns
 * ({name, use, reason, constant} in file order), options}.
 */
export function computedFrom(result, entries, options = {}) {
  const report = result.featureReport ?? {};
  const labelsEntry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels') ?? null;
  const combined = labelsEntry?.role === 'combined';
  const label = (report.columns ?? []).find((c) => c.use === 'label');
  const tableLabel = combined ? report.labelColumn || label?.name || '' : '';
  return {
    labelsFile: report.labelsFile || labelsEntry?.file?.name || '',
    // A separate labels file holds one column of labels (first); a table names its label column.
    labelColumn: combined ? (label?.column ?? 0) : 1,
    labelColumnName: combined ? tableLabel : (labelsEntry?.columns?.[0] ?? ''),
    // The reader takes that column as the label by itself (the sniffer found it by its name): the all-rows
    // export writes it once, in its place, with no `label` column beside it (src/js/exports.js fullDatasetCsv).
    labelByName: tableLabel !== '' && detectedLabelColumn(labelsEntry) === tableLabel,
    // Sniffed files say (columns, or null); a demo's files were not sniffed: not known here.
    hasHeader: labelsEntry && 'columns' in labelsEntry ? Boolean(labelsEntry.columns) : null,
    featuresFile: report.featuresFile || '',
    features: report.used ?? [],
    folds: result.settings?.foldsUsed ?? result.folds?.length ?? 0,
    rows: result.numExamples ?? 0,
    denseShape: report.denseShape ?? null,
    denseType: report.denseType ?? null,
    notes: [...(report.notes ?? []), ...(result.notes ?? [])],
    // The table's id and free-text columns as the trainer saw them: shown in the review (controllers/columns.js).
    columnUses: {
      id: (report.columns ?? []).find((c) => c.use === 'id')?.name ?? null,
      text: (report.columns ?? []).find((c) => c.use === 'text')?.name ?? null,
    },
    // Every column of the table in file order with the trainer's use: the detail pane lists the row's cells.
    columns: (report.columns ?? []).map((c) => ({
      name: c.name,
      use: c.use,
      reason: c.reason ?? '',
      constant: (report.droppedConstant ?? []).includes(c.name),
    })),
    options: { ...options },
  };
}

/** "Probabilities computed here by 5-fold cross-validation (…)." */
function computedPhrase(computed) {
  const folds = computed.folds > 0 ? `${computed.folds}-fold ` : '';
  return `Probabilities computed here by ${folds}cross-validation (logistic regression, in this browser).`;
}

/** The summary's facts for a dataset computed here: the label column or file, the features, how. */
export function computedFacts(computed) {
  const facts = [];
  if (computed.labelColumnName && computed.labelsFile === computed.featuresFile) {
    facts.push(`Label column: ${isolate(computed.labelColumnName)}.`);
  } else if (computed.labelsFile) {
    facts.push(`Labels: ${isolate(computed.labelsFile)}.`);
  }
  const separate = computed.featuresFile && computed.featuresFile !== computed.labelsFile;
  const used = computed.features.length ? listPhrase(computed.features.map(isolate)) : '';
  if (separate) facts.push(`Features: ${isolate(computed.featuresFile)}${used ? ` (${used})` : ''}.`);
  else if (used) facts.push(`Features: ${used}.`);
  facts.push(computedPhrase(computed));
  return facts;
}

/** "How the files were read" for a dataset computed here: the files as read, then the trainer's notes. */
export function computedNotes(computed) {
  const header = computed.hasHeader == null ? '' : computed.hasHeader ? ', with a header row' : ', no header row';
  const label =
    computed.labelColumnName && computed.labelsFile === computed.featuresFile
      ? `, label column ${isolate(computed.labelColumnName)}`
      : '';
  const notes = [`${isolate(computed.labelsFile)}: ${plural(computed.rows, 'row')}${header}${label}.`];
  if (computed.featuresFile && computed.featuresFile !== computed.labelsFile) {
    const shape = computed.denseShape ? `${computed.denseShape.map(formatCount).join(' x ')}` : '';
    const type = computed.denseType ? ` ${computed.denseType}` : '';
    notes.push(`${isolate(computed.featuresFile)}: features${shape ? `, ${shape}${type}` : ''}.`);
  }
  return [...notes, ...computed.notes];
}

/**
 * The label column the sniffer found in a table of features (sniffFile's labelColumn), if it is
 * one of the table's columns; else null.
 */
export function detectedLabelColumn(entry) {
  if (entry?.role !== 'combined' || !entry.looksLikeFeatures || !entry.columns) return null;
  const named = entry.labelColumn;
  return typeof named === 'string' && entry.columns.includes(named) ? named : null;
}

/** Whether the files listed include a table or file of features (the sniffer's guess). */
export function listsFeatures(entries) {
  return entries.some((e) => (e.role === 'combined' && e.looksLikeFeatures) || e.role === 'features');
}

/** What a kept session needs to compute the same probabilities again on Resume, or null (read as such). */
export function computedSession(dataset) {
  return dataset?.computed ? { options: { ...dataset.computed.options } } : null;
}

/** {labelColumn, hasHeader} for correctedLabelsFile when the labels are not where the dataset says. */
export function labelsPlace(dataset) {
  const computed = dataset?.computed;
  if (!computed || !(computed.labelColumn > 0)) return null;
  // hasHeader not known: correctedLabelsFile asks the file itself.
  return typeof computed.hasHeader === 'boolean'
    ? { labelColumn: computed.labelColumn, hasHeader: computed.hasHeader }
    : { labelColumn: computed.labelColumn };
}
