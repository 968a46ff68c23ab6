// A labelled table that the sniffer took for features (a label column beside numbers, no probabilities): the
// probability reader would parse all of it only to refuse it — "The label 'c0' matches no class", known once every
// label is read — and the person's Compute would then parse it all again. Its first rows give the same answer, so
// the analysis controller reads those first: only when they read as probabilities, or fail in another way, is the
// whole file read. The check that follows, whether its label column holds sets (multilabel.js), reads the same first
// rows. A table of features is then parsed once, by the cross-validation that computes its probabilities
// (docs/SPEED.md, "One read of a table of features").

/** How much of the table is read first. */
export const FIRST_ROWS_BYTES = 2 ** 20;

/**
 * client.readDataset(input, options), reading only the first rows of a big CSV/TSV table of features when those
 * already say that it holds no probabilities (then that error is thrown, as the whole file would give it).
 * @param {{readDataset: (input: object, options: object) => Promise<any>}} client the worker client
 * @param {Record<string, any>} input readDataset's input ({combined} or {labels, predProbs})
 * @param {Record<string, any>} options readDataset's options
 * @param {{file: File, role: string, looksLikeFeatures?: boolean, format?: string}[]} entries the files listed
 */
export async function readForIntake(client, input, options, entries) {
  const head = await firstRows(input.combined, entries);
  if (head) {
    // The first rows' own progress would show a full bar before the read: none.
    const { onProgress, float32, ...rest } = options;
    let dataset = null;
    try {
      dataset = await client.readDataset({ combined: head.file }, rest);
    } catch (error) {
      if (error?.code === 'cancelled' || sameForWholeFile(error, head)) throw error;
    }
    // They read as probabilities (or failed otherwise): the whole file decides.
    dataset?.free().catch(() => {});
  }
  return client.readDataset(input, options);
}

/**
 * The first rows of `file` as a File of the same name ({file, rows}: the lines it holds), if it is a CSV/TSV table
 * of features big enough for this to matter and cut cleanly: whole lines, and no quotes (a quoted cell may hold a
 * line break, so a line would not be a row). Else null.
 */
export async function firstRows(file, entries) {
  if (!file || typeof file.slice !== 'function' || file.size <= 2 * FIRST_ROWS_BYTES) return null;
  const entry = entries.find((e) => e.file === file);
  if (!entry || entry.role !== 'combined' || !entry.looksLikeFeatures || entry.format === 'parquet') return null;
  const bytes = new Uint8Array(await file.slice(0, FIRST_ROWS_BYTES).arrayBuffer());
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end === 0 || bytes.subarray(0, end).includes(0x22)) return null;
  let lines = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) lines++;
  const head = new File([bytes.subarray(0, end)], file.name, { type: file.type, lastModified: file.lastModified });
  return { file: head, rows: lines - 1 };
}

/**
 * Whether the first rows' error is the one the whole file gives: a label that matches no class (class names,
 * labels and the rule that matches them are the same in the first rows), named at a row before the last one read.
 * Any other error (e.g. the share of rows that do not sum to 1) may differ in the whole file.
 */
function sameForWholeFile(error, head) {
  if (error?.code !== 'unknown_class' || error.file !== head.file.name) return false;
  if (!/^The label '/.test(String(error.message))) return false; // not the known truth's
  return Number.isInteger(error.row) && error.row >= 1 && error.row < head.rows;
}
