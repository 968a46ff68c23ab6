// @ts-check
// Corrected label sets written back into the file they came from (ls.multiLabel.correctedLabelsFile):
// the labels file or the labelled table, every other column and cell as read, the set column holding
// the corrected sets in the file's own notation (a;b, a|b or JSON arrays) and an original_label
// column, as single-label's correctedLabelsFile (files.js) writes one label.
import { invalid } from './errors.js';
import { rewriteLabelColumn, sniffFile } from './files.js';
import { toLabelSets } from './multilabel.js';
import { joinChunks, parquetCsv } from './parquet.js';
import { describeSource } from './sources.js';

const SEPARATOR = { semicolon: ';', pipe: '|' };

/**
 * One set as the notation writes it in one cell: class names joined by ; or |, or a JSON array.
 * @param {string[]} names
 * @param {string} notation 'semicolon' | 'pipe' | 'json'
 */
export function setText(names, notation) {
  return notation === 'json' ? JSON.stringify(names) : names.join(SEPARATOR[notation] ?? ';');
}

// The 1-based column of `labelColumn` (a number, or a header name) in the sniffed file.
async function columnOf(source, sniffed, labelColumn, setsColumn) {
  if (typeof labelColumn === 'number') {
    if (!Number.isSafeInteger(labelColumn) || labelColumn < 1) {
      throw invalid(`labelColumn must be a column number from 1 or a column name; got ${labelColumn}.`);
    }
    return labelColumn;
  }
  if (labelColumn == null) {
    // The column the multi-label reader takes for the sets (labels, label, ..., or the only one).
    const found = await setsColumn(source);
    if (found > 0) return found;
  }
  const columns = sniffed.columns ?? [];
  const wanted = String(labelColumn ?? sniffed.labelColumn ?? '');
  let at = columns.indexOf(wanted);
  if (at < 0) at = columns.findIndex((c) => c.toLowerCase() === wanted.toLowerCase());
  if (at < 0) {
    throw invalid(
      `${sniffed.name} has no column '${wanted}' to write the sets into. Its columns are: ` +
        `${columns.map((c) => `'${c}'`).join(', ') || 'none (no header)'}. Give labelColumn as a name or a number.`,
    );
  }
  return at + 1;
}

/**
 * `source` (a CSV or TSV labels file or labelled table) written again with `labels` (label sets: arrays
 * of class indices, or { offsets, classes }) in column `labelColumn` (a name, or a number from 1; default:
 * the label column the sniffer finds), as `classNames` written in `notation` ('semicolon', 'pipe' or
 * 'json'; 0/1 columns and .npy files are sets of their own to write). hasHeader: whether the first
 * row is a header (default: what the sniffer sees). Returns { parts, type } as correctedLabelsFile; a
 * Parquet table comes back as a CSV of the whole table (labelscope writes no Parquet), fromParquet: true.
 * setsColumn(source): the column the multi-label reader reads the sets from (0 when it finds none).
 * @param {any} core
 * @param {any} source
 * @param {{labels: any, classNames: string[], notation: string, labelColumn?: string | number,
 *   hasHeader?: boolean}} args
 * @param {(source: any) => Promise<number>} setsColumn
 */
export async function correctedLabelSetsFile(
  core,
  source,
  { labels, classNames, notation, labelColumn, hasHeader },
  setsColumn,
) {
  if (!Array.isArray(classNames)) throw invalid('correctedLabelsFile needs classNames (one name per class).');
  if (!Object.hasOwn(SEPARATOR, notation) && notation !== 'json') {
    throw invalid(
      `correctedLabelsFile writes sets as a;b ('semicolon'), a|b ('pipe') or JSON arrays ('json') into a ` +
        `column; got '${String(notation)}'. Write 0/1 columns or a .npy of sets as a file of their own.`,
    );
  }
  const { offsets, classes } = toLabelSets(labels);
  const texts = new Array(offsets.length - 1);
  for (let i = 0; i < texts.length; i++) {
    const names = Array.from(classes.subarray(offsets[i], offsets[i + 1]), (k) => {
      if (k >= classNames.length) {
        throw invalid(`labels[${i}] holds class ${k}; there are ${classNames.length} classes.`);
      }
      return classNames[k];
    });
    texts[i] = setText(names, notation);
  }
  const sniffed = await sniffFile(core, source);
  if (sniffed.problem) throw sniffed.problem;
  if (sniffed.format === 'npy') {
    throw invalid(
      `${sniffed.name} is a .npy file: correctedLabelsFile writes sets into tables. Write the ` +
        'corrected sets as a file of their own instead.',
    );
  }
  if (sniffed.format === 'parquet') {
    // The table as the readers see it (parquetCsv, as files.js does for single labels), written as a CSV.
    const chunks = [];
    for await (const chunk of describeSource(source, sniffed.name).open()) chunks.push(new Uint8Array(chunk));
    const csv = { name: sniffed.name, data: await parquetCsv(joinChunks(chunks, sniffed.name), sniffed.name) };
    const written = await correctedLabelSetsFile(
      core,
      csv,
      {
        labels,
        classNames,
        notation,
        labelColumn: labelColumn ?? sniffed.labelColumn ?? undefined,
        hasHeader: true,
      },
      setsColumn,
    );
    return { ...written, fromParquet: true };
  }
  const column = await columnOf(source, sniffed, labelColumn, setsColumn);
  return rewriteLabelColumn(core, source, sniffed, {
    texts,
    labelColumn: column,
    hasHeader: hasHeader ?? sniffed.columns != null,
  });
}
