// @ts-check
// Parquet files (the format published ML datasets come in) turned into table columns for
// cross-validation: numbers, strings, and list-valued number columns (embeddings). Read with
// hyparquet and hyparquet-compressors (pure JS, no network), loaded only when a Parquet file comes.
import { LabelScopeError } from './errors.js';
import { describeSource } from './sources.js';

let library = null;

// Node and bundlers resolve the package names. A browser page without a bundler (and any module
// worker: workers get no import map) loads the same files from its own origin, next to src/js/
// (scripts/serve.mjs serves /node_modules/<package>/, scripts/build-site.sh copies them).
async function load() {
  library ??= (async () => {
    try {
      const [hyparquet, compressors] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
      return { ...hyparquet, compressors: compressors.compressors };
    } catch {
      const at = (path) => import(new URL(`../../node_modules/${path}`, import.meta.url).href);
      const [hyparquet, gzip, brotli, lz4, zstd] = await Promise.all([
        at('hyparquet/src/index.js'),
        at('hyparquet-compressors/src/gzip.js'),
        at('hyparquet-compressors/src/brotli.js'),
        at('hyparquet-compressors/src/lz4.js'),
        at('fzstd/esm/index.mjs'),
      ]);
      return {
        ...hyparquet,
        // SNAPPY is hyparquet's own; these are hyparquet-compressors' (its index needs bare imports).
        compressors: {
          GZIP: (input, length) => gzip.gunzip(input, new Uint8Array(length)),
          BROTLI: brotli.decompressBrotli,
          ZSTD: (input) => zstd.decompress(input),
          LZ4: lz4.decompressLz4,
          LZ4_RAW: lz4.decompressLz4Raw,
        },
      };
    }
  })();
  try {
    return await library;
  } catch (e) {
    library = null;
    throw new LabelScopeError({ code: 'unsupported', message: `The Parquet reader cannot be loaded (${e.message}).` });
  }
}

/**
 * The chunks of a Parquet file as one array (it is read with random access). A file too big for
 * memory is an out_of_memory error naming it, never an uncaught RangeError.
 */
export function joinChunks(parts, file) {
  let bytes;
  try {
    bytes = new Uint8Array(parts.reduce((size, p) => size + p.byteLength, 0));
  } catch (e) {
    throw new LabelScopeError({
      code: 'out_of_memory',
      file,
      message: `The Parquet file is too big to hold in memory here (${e.message}). Use fewer rows or columns.`,
    });
  }
  parts.reduce((at, p) => {
    bytes.set(p, at);
    return at + p.byteLength;
  }, 0);
  return bytes;
}

/** Whether bytes start like a Parquet file ("PAR1"). */
export function isParquet(head) {
  return head?.byteLength >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

const isNumber = (v) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
const isNumberList = (v) =>
  (Array.isArray(v) || ArrayBuffer.isView(v)) &&
  !(v instanceof Uint8Array) &&
  Array.prototype.every.call(v, (x) => typeof x === 'number' || typeof x === 'bigint');

// One column's values -> {name, kind: 'numeric'|'string'|'vector'|'skipped', values, dim?, reason?}.
function columnOf(name, values, file) {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every(isNumber)) {
    return { name, kind: 'numeric', values: Float64Array.from(values, (v) => (v == null ? NaN : Number(v))) };
  }
  if (present.length > 0 && present.every(isNumberList)) {
    const dim = present[0].length;
    const bad = values.findIndex((v) => v == null || v.length !== dim);
    if (bad >= 0) {
      throw new LabelScopeError({
        code: 'ragged_row',
        file,
        row: bad + 1,
        message:
          `Column '${name}' holds a list of ${values[bad]?.length ?? 0} numbers in data row ${bad + 1} but ` +
          `${dim} in the first row. Every row needs the same number of values.`,
      });
    }
    const flat = new Float64Array(values.length * dim);
    values.forEach((v, i) => {
      for (let d = 0; d < dim; d++) flat[i * dim + d] = Number(v[d]);
    });
    return { name, kind: 'vector', values: flat, dim };
  }
  if (present.every((v) => typeof v === 'string' || v instanceof Date)) {
    const text = (v) => (v == null ? null : v instanceof Date ? v.toISOString() : v);
    return { name, kind: 'string', values: values.map(text) };
  }
  return { name, kind: 'skipped', reason: 'values are neither numbers, lists of numbers nor text' };
}

/**
 * The columns of a Parquet file (ArrayBuffer or Uint8Array), in schema order.
 * @returns {Promise<{name: string, kind: string, values?: Float64Array|(string|null)[], dim?: number}[]>}
 */
export async function parquetColumns(bytes, file = 'data.parquet') {
  const { parquetMetadata, parquetSchema, parquetReadObjects, compressors } = await load();
  const buffer =
    bytes instanceof ArrayBuffer ? bytes : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let rows;
  let names;
  try {
    const metadata = parquetMetadata(buffer);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch (e) {
    if (e instanceof RangeError) {
      throw new LabelScopeError({
        code: 'out_of_memory',
        file,
        message: `The Parquet file is too big to read in memory here (${e.message}). Use fewer rows or columns.`,
      });
    }
    throw new LabelScopeError({ code: 'bad_parquet', file, message: `This Parquet file cannot be read: ${e.message}` });
  }
  return names.map((name) =>
    columnOf(
      name,
      rows.map((r) => r[name]),
      file,
    ),
  );
}

const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// Columns (parquetColumns', none skipped) as CSV text with a header: a list column's D values as D
// columns named vectorName(column, d).
function columnsCsv(columns, vectorName) {
  const header = [];
  const cells = [];
  let n = 0;
  for (const c of columns) {
    if (c.kind === 'vector') {
      n = c.values.length / c.dim;
      for (let d = 0; d < c.dim; d++) {
        header.push(csvField(vectorName(c, d)));
        cells.push((i) => String(c.values[i * c.dim + d]));
      }
    } else {
      n = c.values.length;
      header.push(csvField(c.name));
      cells.push(
        c.kind === 'numeric'
          ? (i) => (Number.isNaN(c.values[i]) ? '' : String(c.values[i]))
          : (i) => (c.values[i] == null ? '' : csvField(c.values[i])),
      );
    }
  }
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) lines.push(cells.map((cell) => cell(i)).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * A Parquet file as CSV text with a header row, for the readers of labels and probabilities: numbers
 * in their shortest round-trip form (the same bits read back), text quoted where needed, a list of
 * K numbers per row as K columns named 0..K-1 (probabilities of classes 0..K-1), nulls empty.
 */
export async function parquetCsv(bytes, file) {
  const columns = (await parquetColumns(bytes, file)).filter((c) => c.kind !== 'skipped');
  return columnsCsv(columns, (c, d) => String(d));
}

/**
 * A Parquet table as CSV text with every column the trainer sees, in schema order (a list of D numbers
 * as D columns <name>[0] .. <name>[D-1], as the trainer names them): numbers in their shortest form,
 * text as it is, nulls empty. What the detail pane and the all-rows export show of a Parquet table
 * computed here (src/js/written-rows.js): its typed values, written out.
 */
export async function parquetTableCsv(bytes, file) {
  const columns = (await parquetColumns(bytes, file)).filter((c) => c.kind !== 'skipped');
  return columnsCsv(columns, (c, d) => `${c.name}[${d}]`);
}

/** One Parquet value as parquetTableCsv writes it: numbers in their shortest form, a Date as ISO, null empty. */
function cellText(v) {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (isNumber(v)) return Number.isNaN(Number(v)) ? '' : String(Number(v));
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
}

/**
 * Row `row` (from 0) of a Parquet file (a File or Blob read at random: the footer and that row's pages),
 * as parquetTableCsv writes it: {numRows, cells: [{name, value}]}, a list of D numbers as D cells named
 * <name>[0] .. <name>[D-1]. The detail pane's row of a Parquet table, without reading the whole file.
 */
export async function parquetRowCells(source, file, row) {
  const { parquetMetadataAsync, parquetSchema, parquetReadObjects, compressors } = await load();
  const buffer = await readableAtRandom(source, file);
  try {
    const metadata = await parquetMetadataAsync(buffer);
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    const [values = {}] = await parquetReadObjects({
      file: buffer,
      metadata,
      rowStart: row,
      rowEnd: row + 1,
      compressors,
    });
    const cells = [];
    for (const name of names) {
      const v = values[name];
      if (isNumberList(v))
        Array.prototype.forEach.call(v, (x, d) => cells.push({ name: `${name}[${d}]`, value: String(Number(x)) }));
      else cells.push({ name, value: cellText(v) });
    }
    return { numRows: Number(metadata.num_rows), cells };
  } catch (e) {
    throw new LabelScopeError({ code: 'bad_parquet', file, message: `This Parquet file cannot be read: ${e.message}` });
  }
}

const HEAD_ROWS = 6; // as many rows as the sniffer looks at

// Random access to a source for hyparquet (its AsyncBuffer): a File or Blob by slices, bytes as
// they are; null for a stream, which is read whole.
/** The file read at random where it can be (randomAccess), else its bytes read whole. */
async function readableAtRandom(source, file) {
  const buffer = randomAccess(source);
  if (buffer) return buffer;
  const parts = [];
  for await (const chunk of describeSource(source, file).open()) parts.push(new Uint8Array(chunk));
  return joinChunks(parts, file).buffer;
}

function randomAccess(source) {
  const data =
    source && typeof source === 'object' && 'data' in source && !(source instanceof Uint8Array) ? source.data : source;
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    return { byteLength: data.size, slice: (start, end) => data.slice(start, end).arrayBuffer() };
  }
  if (data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  return null;
}

/**
 * The first rows of a Parquet file, for sniffFile: { csv (a header and up to 6 rows; a list column
 * of D numbers as D columns named <name>_0 .. <name>_<D-1>), columns (the names of the columns
 * read, in schema order), firstRow (the first row's cells by column; a list as "D numbers"),
 * vectors ({name, dim} of its list columns), numRows }. A File, Blob or bytes is read at random
 * (the footer and the first rows' pages), so a big file is not loaded to be sniffed.
 */
export async function parquetHead(source, file) {
  const { parquetMetadataAsync, parquetSchema, parquetReadObjects, compressors } = await load();
  const buffer = await readableAtRandom(source, file);
  let names;
  let rows;
  let numRows;
  try {
    const metadata = await parquetMetadataAsync(buffer);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    numRows = Number(metadata.num_rows);
    rows = await parquetReadObjects({
      file: buffer,
      metadata,
      rowStart: 0,
      rowEnd: Math.min(numRows, HEAD_ROWS),
      compressors,
    });
  } catch (e) {
    if (e instanceof RangeError) {
      throw new LabelScopeError({
        code: 'out_of_memory',
        file,
        message: `The Parquet file is too big to read in memory here (${e.message}). Use fewer rows or columns.`,
      });
    }
    throw new LabelScopeError({ code: 'bad_parquet', file, message: `This Parquet file cannot be read: ${e.message}` });
  }
  const columns = names
    .map((name) =>
      columnOf(
        name,
        rows.map((r) => r[name]),
        file,
      ),
    )
    .filter((c) => c.kind !== 'skipped');
  const firstRow =
    rows.length === 0
      ? []
      : columns.map((c) => {
          if (c.kind === 'vector') return `${c.dim} numbers`;
          if (c.kind === 'numeric') return Number.isNaN(c.values[0]) ? '' : String(c.values[0]);
          return c.values[0] ?? '';
        });
  return {
    csv: columnsCsv(columns, (c, d) => `${c.name}_${d}`),
    columns: columns.map((c) => c.name),
    firstRow,
    vectors: columns.filter((c) => c.kind === 'vector').map((c) => ({ name: c.name, dim: c.dim })),
    numRows,
  };
}

/**
 * The same source, read as CSV if it is a Parquet file (by its first bytes or its .parquet name):
 * readDataset's readers then take a Parquet export of labels and probabilities like a CSV.
 */
export function parquetAsCsv(source) {
  return {
    ...source,
    async *open() {
      const chunks = source.open()[Symbol.asyncIterator]();
      const first = await chunks.next();
      if (first.done) return;
      if (!isParquet(first.value) && !/\.parquet$/i.test(source.name)) {
        yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
        return;
      }
      const parts = [new Uint8Array(first.value)];
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        parts.push(new Uint8Array(next.value));
      }
      yield new TextEncoder().encode(await parquetCsv(joinChunks(parts, source.name), source.name));
    },
  };
}
