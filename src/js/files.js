// @ts-check
// What labelscope knows about a file before and after reading it: sniffFile (format, likely role,
// header, and the reader's error at once when the file cannot be used) and correctedLabelsFile
// (the labels file, or the combined table, written back with the corrected labels). The page and
// the CLI ask these; neither parses a file itself.
import { invalid, LabelScopeError, unwrap } from './errors.js';
import { npyLabels } from './exports.js';
import { isParquet, joinChunks, parquetCsv, parquetHead } from './parquet.js';
import { readFailure } from './read-errors.js';
import { describeSource } from './sources.js';

const SNIFF_BYTES = 64 * 1024;
// A header longer than SNIFF_BYTES (a table of many or long-named classes): the head grows to hold
// the header and the first data row, up to this much, so the file's role comes from its columns.
const SNIFF_MAX_BYTES = 16 * 1024 * 1024;
const NEWLINE = 10;
const INTEGER = /^\s*[+-]?\d+\s*$/;

// The .npy writer lives with the other export formats; exported here too, where it was first.
export { npyLabels };

/** How many of `bytes` end a line, up to `enough`. */
function countLines(bytes, enough) {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1 && lines < enough; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  return lines;
}

/**
 * The first SNIFF_BYTES of a source (File, Blob, bytes, string, {name, data}), or more when its
 * first two lines are longer (up to SNIFF_MAX_BYTES), and whether that is all.
 */
async function head(source, fallbackName) {
  const described = describeSource(source, fallbackName);
  const { name, open } = described;
  const parts = [];
  let size = 0;
  let complete = true;
  try {
    let lines = 0;
    let npy = null; // a .npy file's header is all there is to sniff: never read past SNIFF_BYTES
    for await (const chunk of open()) {
      const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
      npy ??= (bytes[0] === 0x93 && bytes[1] === 0x4e) || isParquet(bytes); // \x93N(UMPY); Parquet: sniffParquet
      const limit = lines >= 2 || npy ? SNIFF_BYTES : SNIFF_MAX_BYTES;
      parts.push(bytes.subarray(0, Math.max(0, limit - size)));
      lines += countLines(parts[parts.length - 1], 2 - lines);
      size += parts[parts.length - 1].byteLength;
      if (size >= SNIFF_BYTES && (lines >= 2 || npy || size >= SNIFF_MAX_BYTES)) {
        complete = false;
        break;
      }
    }
  } catch (e) {
    throw readFailure(e, described); // a File the browser cannot read (too large, moved): named, with what to do
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return { name, bytes, complete };
}

/**
 * { format ('csv' | 'tsv' | 'npy' | 'parquet' | ''), role ('labels' | 'predProbs' | 'combined' |
 * 'features' | 'truth' | 'classNames'), reason, labelColumn (the header name of the label column
 * found, or null), columns (header names or null), firstRow, shape and descr (.npy),
 * looksLikeFeatures, problem (a LabelScopeError when the file cannot be read at all) }.
 */
export async function sniffFile(core, source) {
  const { name, bytes, complete } = await head(source, 'file');
  if (isParquet(bytes)) return sniffParquet(core, source, name);
  const sniffed = unwrap(core.sniffFile(name, bytes, complete));
  if (sniffed.problem) sniffed.problem = new LabelScopeError(sniffed.problem);
  return { name, ...sniffed, labelColumn: sniffed.labelColumn ?? null };
}

/**
 * A Parquet file (format 'parquet'): its first rows, as CSV, go through the same sniffer, so a
 * labels file, a features file (numbers, or a list column of D numbers) and a labelled table get
 * the roles their CSV would; columns are the Parquet file's own. A file hyparquet cannot read
 * comes back with the reader's problem (bad_parquet, out_of_memory).
 */
async function sniffParquet(core, source, name) {
  const base = {
    name,
    format: 'parquet',
    labelColumn: null,
    columns: null,
    firstRow: [],
    looksLikeFeatures: false,
    namedAsProbabilities: false,
  };
  let table;
  try {
    table = await parquetHead(source, name);
  } catch (e) {
    if (e?.code === 'bad_parquet' || e?.code === 'out_of_memory') return { ...base, role: '', reason: '', problem: e };
    // The Parquet reader cannot be loaded here: a table, for crossValProbs or readDataset to read or refuse.
    return { ...base, role: 'combined', reason: 'a Parquet table' };
  }
  const sniffed = unwrap(core.sniffFile(name, new TextEncoder().encode(table.csv), true));
  if (sniffed.problem) sniffed.problem = new LabelScopeError(sniffed.problem);
  const [vector] = table.vectors;
  // One list column of numbers: say so, not "36 numeric columns".
  const reason =
    table.columns.length === 1 && vector && sniffed.role === 'features'
      ? `a list column '${vector.name}' of ${vector.dim} numbers per row (features)`
      : sniffed.reason;
  return {
    ...base,
    ...sniffed,
    format: 'parquet',
    reason,
    labelColumn: sniffed.labelColumn ?? null,
    columns: table.columns,
    firstRow: table.firstRow,
  };
}

/**
 * The file the labels came from, written again with `labels` (class indices, one per example) in
 * place of the given ones: every other column and cell as read, the reader's delimiter, class names
 * or indices as the file wrote them, and an original_label column when the file has a header. A
 * .npy of labels stays a .npy of the same dtype. Returns { parts: (string | Uint8Array)[], type }
 * (make a Blob of the parts, or join them). labelColumn (1-based) and hasHeader say where the labels
 * sit in `source` when the dataset was not read from it as such (probabilities computed from the
 * file's features: the dataset's own source is the computed table). A Parquet file comes back as a
 * CSV of the whole table (labelscope writes no Parquet), fromParquet: true; labelColumnName (else
 * the label column the sniffer finds) names its label column.
 */
export async function correctedLabelsFile(core, source, { dataset, labels, labelColumn, hasHeader, labelColumnName }) {
  if (!dataset?.classNames || !dataset?.source) {
    throw invalid('correctedLabelsFile needs the dataset read from the file.');
  }
  if (!labels || labels.length !== dataset.numExamples) {
    throw invalid(`correctedLabelsFile needs one label per example (${dataset.numExamples}).`);
  }
  const sniffed = await sniffFile(core, source);
  if (sniffed.problem) throw sniffed.problem;
  if (sniffed.format === 'parquet') {
    // The table as the readers see it (parquetCsv: the same columns and numbers), then rewritten as a CSV.
    const chunks = [];
    for await (const chunk of describeSource(source, sniffed.name).open()) chunks.push(new Uint8Array(chunk));
    const csv = { name: sniffed.name, data: await parquetCsv(joinChunks(chunks, sniffed.name), sniffed.name) };
    const named = labelColumnName ?? (labelColumn ? null : sniffed.labelColumn);
    const at = named ? ((await sniffFile(core, csv)).columns ?? []).indexOf(named) + 1 : labelColumn;
    if (named && at < 1) throw invalid(`${sniffed.name} has no column '${named}' to write the corrected labels into.`);
    const written = await correctedLabelsFile(core, csv, {
      dataset,
      labels,
      labelColumn: at || undefined,
      hasHeader: true,
      labelColumnName: undefined,
    });
    return { ...written, fromParquet: true };
  }
  if (sniffed.format === 'npy') {
    return {
      parts: [npyLabels(labels, { descr: sniffed.descr, twoD: sniffed.shape?.length === 2 })],
      type: 'application/octet-stream',
    };
  }
  const column = labelColumn || dataset.source.labelsColumn || 1;
  const names = dataset.classNames;
  const firstCell = sniffed.firstRow?.[column - 1] ?? '';
  // A file of class indices stays one: "2" that is not itself a class name.
  const byIndex = INTEGER.test(firstCell) && !names.includes(firstCell.trim());
  const texts = Array.from(labels, (c) => (byIndex ? String(c) : names[c]));
  return rewriteLabelColumn(core, source, sniffed, {
    // Given a column but no header setting: the file's own header, as the sniffer sees it.
    texts,
    labelColumn: column,
    hasHeader: hasHeader ?? (labelColumn ? sniffed.columns != null : (dataset.source.labelsFirstRow ?? 1) > 1),
  });
}

/**
 * A CSV or TSV file (`sniffed`: sniffFile's answer on it) written again with `texts[i]` as data row
 * i's cell in column `labelColumn` (1-based), every other cell as read and an original_label column
 * when `hasHeader`: correctedLabelsFile, and multiLabel.correctedLabelsFile with sets as text.
 * @param {any} core
 * @param {any} source
 * @param {{name: string, format: string}} sniffed
 * @param {{texts: string[], labelColumn: number, hasHeader: boolean}} where
 */
export async function rewriteLabelColumn(core, source, sniffed, { texts, labelColumn, hasHeader }) {
  const rewriter = new core.LabelRewriter(sniffed.name, { labels: texts, labelColumn, hasHeader, addOriginal: true });
  try {
    const parts = [];
    for await (const chunk of describeSource(source, sniffed.name).open()) {
      parts.push(unwrap(rewriter.feed(chunk)).text);
    }
    parts.push(unwrap(rewriter.finish()).text);
    return { parts, type: sniffed.format === 'tsv' ? 'text/tab-separated-values' : 'text/csv' };
  } finally {
    rewriter.delete();
  }
}

/**
 * rewriteLabelColumn for labels spread over several columns (multi-label label_<class> 0/1 columns):
 * each of `columns` ({column: 1-based, texts: one per data row}) rewritten, every other cell as read,
 * and with a header an original_label column holding `original[i]` (the given labels as one text).
 * One LabelRewriter per column, each reading the one before's output (the same delimiter and quoting).
 * @param {any} core
 * @param {any} source
 * @param {{name: string, format: string, columns?: string[] | null}} sniffed
 * @param {{columns: {column: number, texts: string[]}[], original: string[], hasHeader: boolean}} what
 */
export async function rewriteLabelColumns(core, source, sniffed, { columns, original, hasHeader }) {
  const width = sniffed.columns?.length ?? 0;
  // The first stage appends original_label (its own column's cell); the last writes the given labels there.
  const plan = [
    ...columns.map(({ column, texts }, s) => ({ labels: texts, labelColumn: column, addOriginal: s === 0 })),
    ...(hasHeader ? [{ labels: original, labelColumn: width + 1, addOriginal: false }] : []),
  ];
  const stages = plan.map(
    (o) => new core.LabelRewriter(sniffed.name, { ...o, hasHeader, addOriginal: o.addOriginal && hasHeader }),
  );
  const encoder = new TextEncoder();
  // Text out of stage `from` through the stages after it.
  const through = (text, from) => {
    let out = text;
    for (let s = from + 1; s < stages.length && out !== ''; s++) out = unwrap(stages[s].feed(encoder.encode(out))).text;
    return out;
  };
  try {
    const parts = [];
    for await (const chunk of describeSource(source, sniffed.name).open()) {
      parts.push(through(unwrap(stages[0].feed(chunk)).text, 0));
    }
    for (let s = 0; s < stages.length; s++) parts.push(through(unwrap(stages[s].finish()).text, s));
    return { parts, type: sniffed.format === 'tsv' ? 'text/tab-separated-values' : 'text/csv' };
  } finally {
    for (const stage of stages) stage.delete();
  }
}
