// Parquet files (the format published ML datasets come in) turned into table columns for
// cross-validation: numbers, strings, and list-valued number columns (embeddings). Read with
// hyparquet and hyparquet-compressors (pure JS, no network), loaded only when a Parquet file comes.
import { LabelScopeError } from './errors.js';

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
        at('hyparquet/src/index.js'), at('hyparquet-compressors/src/gzip.js'),
        at('hyparquet-compressors/src/brotli.js'), at('hyparquet-compressors/src/lz4.js'), at('fzstd/esm/index.mjs'),
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

/** Whether bytes start like a Parquet file ("PAR1"). */
export function isParquet(head) {
  return head?.byteLength >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

const isNumber = (v) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
const isNumberList = (v) => (Array.isArray(v) || ArrayBuffer.isView(v)) && !(v instanceof Uint8Array)
  && Array.prototype.every.call(v, (x) => typeof x === 'number' || typeof x === 'bigint');

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
        code: 'ragged_row', file, row: bad + 1,
        message: `Column '${name}' holds a list of ${values[bad]?.length ?? 0} numbers in data row ${bad + 1} but `
          + `${dim} in the first row. Every row needs the same number of values.`,
      });
    }
    const flat = new Float64Array(values.length * dim);
    values.forEach((v, i) => { for (let d = 0; d < dim; d++) flat[i * dim + d] = Number(v[d]); });
    return { name, kind: 'vector', values: flat, dim };
  }
  if (present.every((v) => typeof v === 'string' || v instanceof Date)) {
    return { name, kind: 'string', values: values.map((v) => (v == null ? null : v instanceof Date ? v.toISOString() : v)) };
  }
  return { name, kind: 'skipped', reason: 'values are neither numbers, lists of numbers nor text' };
}

/**
 * The columns of a Parquet file (ArrayBuffer or Uint8Array), in schema order.
 * @returns {Promise<{name: string, kind: string, values?: Float64Array|(string|null)[], dim?: number}[]>}
 */
export async function parquetColumns(bytes, file = 'data.parquet') {
  const { parquetMetadata, parquetSchema, parquetReadObjects, compressors } = await load();
  const buffer = bytes instanceof ArrayBuffer ? bytes
    : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let rows;
  let names;
  try {
    const metadata = parquetMetadata(buffer);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch (e) {
    if (e instanceof RangeError && /memory|allocation|Array buffer/i.test(e.message)) {
      throw new LabelScopeError({ code: 'out_of_memory', file, message: `The Parquet file is too big to read in memory here (${e.message}). Use fewer rows or columns.` });
    }
    throw new LabelScopeError({ code: 'bad_parquet', file, message: `This Parquet file cannot be read: ${e.message}` });
  }
  return names.map((name) => columnOf(name, rows.map((r) => r[name]), file));
}

/** Whole bytes of a source described by sources.js (Parquet needs random access, not a stream). */
export async function wholeBytes(source) {
  const parts = [];
  let size = 0;
  for await (const chunk of source.open()) {
    parts.push(new Uint8Array(chunk));  // a copy: a reader may reuse its chunk buffer
    size += chunk.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
