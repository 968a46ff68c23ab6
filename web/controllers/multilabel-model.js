// What the multi-label review shows (multilabel-panel.js draws it): the classes, the flagged rows ranked with the
// set each probably should have, per-class issues and the health — built from a dataset of sets and its audit.
// No DOM here.

/** The set a flagged row probably should have: given, without the extra classes, with the missing ones. */
export function suggestedSet(row) {
  const out = row.given.filter((k) => !row.extra.includes(k));
  for (const k of row.missing) if (!out.includes(k)) out.push(k);
  return out.sort((a, b) => a - b);
}

/** "Looks multi-label: 312 rows have more than one label". */
export function announcement(rowsWithSeveral) {
  const n = rowsWithSeveral.toLocaleString('en-US');
  return `Looks multi-label: ${n} ${rowsWithSeveral === 1 ? 'row has' : 'rows have'} more than one label`;
}

/**
 * The CSV, TSV or Parquet file the sets came from (a Parquet table comes back as CSV), and their column
 * in it (a number from 1, or the name the one-vs-rest reader found), or null (.npy, no file: the sets
 * are written alone).
 */
export function labelsFileOf(entries, dataset) {
  const entry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels');
  if (!entry?.file || !['csv', 'tsv', 'parquet'].includes(entry.format ?? 'csv')) return null;
  const labelColumn = dataset.labelColumn || dataset.source?.labelsColumn || undefined;
  return { file: entry.file, labelColumn, format: entry.format ?? 'csv' };
}

/** What the panel shows: classes, flagged rows (ranked) with suggestions, per-class issues, health. */
export function buildModel(dataset, report, sourceName = 'labels') {
  const { offsets, classes } = dataset;
  const given = (i) => Array.from(classes.subarray(offsets[i], offsets[i + 1]));
  const rows = report.rows.map((r) => ({ ...r, suggested: suggestedSet(r) }));
  const rowOf = new Map(rows.map((r) => [r.example, r]));
  const health = report.health;
  return {
    sourceName,
    numExamples: dataset.numExamples,
    numClasses: dataset.numClasses,
    classNames: dataset.classNames,
    notation: dataset.notation === 'none' ? 'semicolon' : dataset.notation,
    rowsWithSeveral: dataset.rowsWithSeveral,
    announcement: announcement(dataset.rowsWithSeveral),
    given,
    rows,
    rowOf,
    numLabelIssues: report.numLabelIssues,
    classIssues: report.classIssues.map((list) => Array.from(list)),
    labelCounts: report.labelCounts,
    labelQuality: report.labelQuality,
    health: {
      overall: health.overallLabelHealthScore,
      classes: health.classesByLabelQuality,
      common: health.commonIssues,
    },
    extraColumns: dataset.extraColumns ?? [],
    warnings: [...(dataset.warnings ?? []), ...(report.warnings ?? [])],
  };
}
