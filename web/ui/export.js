// CSV exports built in the browser (RFC 4180), handed to the person as a download. Numbers are
// written exactly (shortest round-trip), so a re-import gives the same values. Exporting only reads
// the current state; it never resets what the person is looking at.
import { csvLine } from './csv.js';

const CHUNK_ROWS = 16384; // probability rows fetched from the worker at a time

/**
 * Rows [start, end) of probabilities, fetched from the worker in chunks, each handed to visit(i, row).
 * onProgress(done, total) lets the page show progress on big files.
 */
async function eachProbabilityRow(dataset, indices, visit, onProgress) {
  const k = dataset.numClasses;
  const wanted = indices ?? null;
  const n = dataset.numExamples;
  if (wanted && wanted.length < n / 64) {
    // A few rows: ask for each (cheaper than streaming the whole matrix through).
    for (let r = 0; r < wanted.length; r++) {
      const values = await dataset.probabilityRows(wanted[r], 1);
      visit(wanted[r], values);
      if (r % 256 === 0) onProgress?.(r, wanted.length);
    }
    return;
  }
  const keep = wanted ? new Set(wanted) : null;
  const rows = new Map();
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, n - start);
    const values = await dataset.probabilityRows(start, count);
    for (let r = 0; r < count; r++) {
      const i = start + r;
      if (!keep) visit(i, values.subarray(r * k, (r + 1) * k));
      else if (keep.has(i)) rows.set(i, values.slice(r * k, (r + 1) * k));
    }
    onProgress?.(start + count, n);
  }
  if (wanted) for (const i of wanted) visit(i, rows.get(i));
}

const passthroughHeaders = (dataset) => dataset.extraColumns.map((c) => c.name);
const passthroughValues = (dataset, i) => dataset.extraColumns.map((c) => c.values[i]);
const probabilityHeaders = (dataset) => dataset.classNames.map((name) => `p_${name}`);

/** Flagged rows in rank order, with their scores, suggestion and every class probability. */
export async function flaggedRowsCsv({ dataset, report, truth }, onProgress) {
  const names = dataset.classNames;
  const parts = [csvLine(['rank', 'index', ...passthroughHeaders(dataset), 'given_label', 'suggested_label',
    'label_quality', 'p_given', 'p_suggested', ...(truth ? ['known_error'] : []), ...probabilityHeaders(dataset)])];
  const rankOf = new Map();
  report.issues.forEach((i, r) => rankOf.set(i, r + 1));
  await eachProbabilityRow(dataset, Array.from(report.issues), (i, probs) => {
    parts.push(csvLine([rankOf.get(i), i, ...passthroughValues(dataset, i), names[dataset.labels[i]],
      names[report.suggestedLabel[i]], report.labelQuality[i], report.givenProbability[i],
      report.suggestedProbability[i], ...(truth ? [truthCell(truth, i)] : []), ...probs]));
  }, onProgress);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** Every row as read, plus suggested_label, is_label_issue and label_quality. */
export async function fullDatasetCsv({ dataset, report, truth }, onProgress) {
  const names = dataset.classNames;
  const parts = [csvLine(['index', ...passthroughHeaders(dataset), 'label', ...names,
    ...(dataset.trueLabels ? ['true_label'] : []), ...(truth ? ['known_error'] : []),
    'suggested_label', 'is_label_issue', 'label_quality'])];
  let lines = [];
  await eachProbabilityRow(dataset, null, (i, probs) => {
    const trueLabel = dataset.trueLabels ? [dataset.trueLabels[i] >= 0 ? names[dataset.trueLabels[i]] : ''] : [];
    lines.push(csvLine([i, ...passthroughValues(dataset, i), names[dataset.labels[i]], ...probs, ...trueLabel,
      ...(truth ? [truthCell(truth, i)] : []), names[report.suggestedLabel[i]],
      report.isLabelIssue[i] ? 'true' : 'false', report.labelQuality[i]]));
    if (lines.length === 4096) {
      parts.push(lines.join(''));
      lines = [];
    }
  }, onProgress);
  parts.push(lines.join(''));
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

function truthCell(truth, i) {
  const s = truth.status[i];
  return s === 1 ? 'true' : s === 0 ? 'false' : '';
}

/**
 * Builds an export and downloads it. Progress shows on `status` only for exports that take a
 * while (big files); small ones just download.
 */
export async function exportWithProgress(build, ctx, fileName, status) {
  let visible = false;
  const show = (fraction) => status.progress(`Preparing ${fileName}…`, fraction, { cancellable: false });
  const timer = setTimeout(() => { visible = true; show(null); }, 250);
  try {
    download(await build(ctx, (done, total) => { if (visible) show(done / total); }), fileName);
  } finally {
    clearTimeout(timer);
    if (visible) status.idle();
  }
}

/** Starts a download of the blob. The object URL is released once the browser has it. */
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
