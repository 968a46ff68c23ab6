// @ts-check
// Corrected label sets written back into the file they came from (ls.multiLabel.correctedLabelsFile):
// the labels file or the labelled table, every other column and cell as read, the set column holding
// the corrected sets in the file's own notation (a;b, a|b or JSON arrays; or its label_<class> 0/1
// columns) and an original_label column, as single-label's correctedLabelsFile (files.js) writes one label.
import { invalid } from './errors.js';
import { rewriteLabelColumn, rewriteLabelColumns, sniffFile } from './files.js';
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

// Each set as the notation writes it in one cell; `what` names the argument in errors.
function setTexts(labels, classNames, notation, what) {
  const { offsets, classes } = toLabelSets(labels);
  const texts = new Array(offsets.length - 1);
  for (let i = 0; i < texts.length; i++) {
    const names = Array.from(classes.subarray(offsets[i], offsets[i + 1]), (k) => {
      if (k >= classNames.length) {
        throw invalid(`${what}[${i}] holds class ${k}; there are ${classNames.length} classes.`);
      }
      return classNames[k];
    });
    texts[i] = setText(names, notation);
  }
  return texts;
}

/**
 * A table of label_<class> 0/1 columns written again: each class's column with the corrected 0/1,
 * every other column and cell as read, in order, and original_label holding the given set (a;b).
 */
async function rewriteClassColumns(core, source, sniffed, { labels, classNames, original }) {
  const header = sniffed.columns ?? [];
  const { offsets, classes } = toLabelSets(labels);
  if (original.length !== offsets.length - 1) {
    throw invalid(
      `originalLabels has ${original.length} sets and labels ${offsets.length - 1}: give one each per row.`,
    );
  }
  const columns = classNames.map((name, k) => {
    const wanted = `label_${name}`;
    let at = header.indexOf(wanted);
    if (at < 0) at = header.findIndex((c) => c.toLowerCase() === wanted.toLowerCase());
    if (at < 0) {
      throw invalid(
        `${sniffed.name} has no column '${wanted}' for class '${name}'. Its columns are: ` +
          `${header.map((c) => `'${c}'`).join(', ') || 'none (no header)'}.`,
      );
    }
    const texts = new Array(offsets.length - 1).fill('0');
    for (let i = 0; i < texts.length; i++) {
      for (let j = offsets[i]; j < offsets[i + 1]; j++) if (classes[j] === k) texts[i] = '1';
    }
    return { column: at + 1, texts };
  });
  return rewriteLabelColumns(core, source, sniffed, { columns, original, hasHeader: true });
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
 * 'json'); or, notation 'columns', in the table's label_<class> 0/1 columns with originalLabels (the given
 * sets) written a;b in original_label (a .npy of sets is a file of its own). hasHeader: whether the first
 * row is a header (default: what the sniffer sees). Returns { parts, type } as correctedLabelsFile; a
 * Parquet table comes back as a CSV of the whole table (labelscope writes no Parquet), fromParquet: true.
 * setsColumn(source): the column the multi-label reader reads the sets from (0 when it finds none).
 * @param {any} core
 * @param {any} source
 * @param {{labels: any, classNames: string[], notation: string, labelColumn?: string | number,
 *   hasHeader?: boolean, originalLabels?: any}} args
 * @param {(source: any) => Promise<number>} setsColumn
 */
export async function correctedLabelSetsFile(
  core,
  source,
  { labels, classNames, notation, labelColumn, hasHeader, originalLabels },
  setsColumn,
) {
  if (!Array.isArray(classNames)) throw invalid('correctedLabelsFile needs classNames (one name per class).');
  const columns = notation === 'columns';
  if (!Object.hasOwn(SEPARATOR, notation) && notation !== 'json' && !columns) {
    throw invalid(
      `correctedLabelsFile writes sets as a;b ('semicolon'), a|b ('pipe') or JSON arrays ('json') into a ` +
        `column, or into label_<class> 0/1 columns ('columns'); got '${String(notation)}'. Write a .npy of ` +
        'sets as a file of their own.',
    );
  }
  if (columns && originalLabels == null) {
    throw invalid(
      'correctedLabelsFile needs originalLabels (the given sets) to write label_<class> 0/1 columns: ' +
        'they go into its original_label column, as a;b.',
    );
  }
  const texts = setTexts(labels, classNames, columns ? 'semicolon' : notation, 'labels');
  const original = columns ? setTexts(originalLabels, classNames, 'semicolon', 'originalLabels') : null;
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
        originalLabels,
      },
      setsColumn,
    );
    return { ...written, fromParquet: true };
  }
  if (columns) return rewriteClassColumns(core, source, sniffed, { labels, classNames, original });
  const column = await columnOf(source, sniffed, labelColumn, setsColumn);
  return rewriteLabelColumn(core, source, sniffed, {
    texts,
    labelColumn: column,
    hasHeader: hasHeader ?? sniffed.columns != null,
  });
}
