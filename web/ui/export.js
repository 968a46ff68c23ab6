// Exports handed to the person as a download. The formats themselves (columns, numbers, the
// spreadsheet guard) live in src/js/exports.js, shared with the CLI; this only makes the Blob, shows
// progress on big files and starts the download. Exporting never resets what the person is looking at.
import * as formats from '../src/js/exports.js';
import { labelPlace } from '../controllers/columns.js';

const CSV = 'text/csv;charset=utf-8';
const TSV = 'text/tab-separated-values;charset=utf-8';

/** The flagged rows (rank order, scores, suggestion, known truth, every class probability) as a Blob. */
export async function flaggedRowsCsv(ctx, onProgress) {
  return new Blob(await formats.flaggedRowsCsv(ctx, { onProgress }), { type: CSV });
}

/**
 * Every row with the table's own columns (a table computed here: every column, each cell as its file
 * wrote it, the label column in its place), then p_<class> columns, suggested_label, is_label_issue,
 * label_quality and the person's decision and final_label, as a Blob.
 */
export async function fullDatasetCsv(ctx, onProgress) {
  const place = labelPlace(ctx.dataset);
  // Found by its name (category, species): the reader takes it again, and no `label` column repeats it.
  const labelColumn = place && { ...place, byName: Boolean(ctx.dataset.computed?.labelByName) };
  // A table that cannot be written out again (a Parquet file too big to convert): the columns kept.
  const written = (await (await ctx.writtenRows?.())?.table().catch(() => null)) ?? null;
  const parts = await formats.fullDatasetCsv(ctx, { onProgress, labelColumn, written });
  // A tab-separated table stays one (its rows are copied as written): downloaded as .tsv.
  return new Blob(/** @type {BlobPart[]} */ (parts), { type: written?.delimiter === '\t' ? TSV : CSV });
}

/**
 * Builds an export and downloads it. Progress shows on `status` only for exports that take a
 * while (big files); small ones just download.
 */
export async function exportWithProgress(build, ctx, fileName, status) {
  let visible = false;
  const show = (fraction) => status.progress(`Preparing ${fileName}…`, fraction, { cancellable: false });
  const timer = setTimeout(() => {
    visible = true;
    show(null);
  }, 250);
  try {
    const blob = await build(ctx, (done, total) => {
      if (visible) show(done / total);
    });
    download(blob, blob.type.startsWith('text/tab-separated') ? fileName.replace(/\.csv$/, '.tsv') : fileName);
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
