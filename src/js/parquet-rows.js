// @ts-check
// A Parquet table's rows for the detail pane and the all-rows export of a table computed here, and the
// one door to a table's rows as written (rowsAsWritten): a Parquet file here, a CSV/TSV file's
// WrittenRows (written-rows.js) otherwise.
import { invalid } from './errors.js';
import { isParquet, parquetRowCells } from './parquet.js';
import { asBlob, WrittenRows } from './written-rows.js';

/**
 * A Parquet table's rows for the detail pane and the all-rows export: one row is read at random from
 * the file when shown (parquetRowCells: its pages only), the whole table written out as CSV only when
 * exported (table(): a WrittenRows of parquetTableCsv's text). The same text either way.
 */
export class ParquetRows {
  #blob;
  #name;
  #table = null;
  numRows;

  constructor(blob, name, numRows) {
    this.#blob = blob;
    this.#name = name;
    this.numRows = numRows;
  }

  /**
   * A Parquet source (File, Blob, bytes, {name, data}); expectedRows as WrittenRows.read.
   * @param {any} source @param {{expectedRows?: number}} [options]
   */
  static async read(source, { expectedRows } = {}) {
    const blob = await asBlob(source);
    const name = /** @type {File} */ (blob).name || source?.name || 'the table';
    const { numRows } = await parquetRowCells(blob, name, 0);
    if (expectedRows != null && numRows !== expectedRows) {
      throw invalid(`${name} now has ${numRows} rows, not the ${expectedRows} it had when read. Drop the file again.`);
    }
    return new ParquetRows(blob, name, numRows);
  }

  /** Data row i's cells with their columns' names: [{name, value}]. */
  async namedCells(i) {
    if (!(i >= 0 && i < this.numRows)) throw invalid(`There is no row ${i + 1} in ${this.#name}.`);
    return (await parquetRowCells(this.#blob, this.#name, i)).cells;
  }

  /** The whole table written out (once), for the export. */
  table() {
    this.#table ??= WrittenRows.read(this.#blob, { expectedRows: this.numRows });
    return this.#table;
  }
}

/**
 * The rows of a table as written: a ParquetRows for a Parquet file, else a WrittenRows (one pass).
 * @param {any} source
 * @param {{expectedRows?: number, signal?: AbortSignal | null}} [options]
 * @returns {Promise<WrittenRows | ParquetRows>}
 */
export async function rowsAsWritten(source, options = {}) {
  const blob = await asBlob(source);
  if (isParquet(new Uint8Array(await blob.slice(0, 4).arrayBuffer()))) {
    return ParquetRows.read(source, { expectedRows: options.expectedRows });
  }
  return WrittenRows.read(source, options);
}
