// @ts-check
// Turns what a caller hands to readDataset into named byte streams: a File/Blob (browser),
// a Uint8Array/ArrayBuffer, an async iterable of chunks (a Node stream), or {name, data, size}.
import { invalid } from './errors.js';

const CHUNK = 1 << 20; // 1 MiB: small enough for smooth progress, large enough to be cheap

function describe(source, fallbackName) {
  if (source && typeof source === 'object' && 'data' in source && !(source instanceof Uint8Array)) {
    const inner = describe(source.data, source.name ?? fallbackName);
    return { ...inner, name: source.name ?? inner.name, size: source.size ?? inner.size };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = /** @type {File} */ (source).name || fallbackName;
    return { name, size: source.size, open: () => blobChunks(source) };
  }
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return { name: fallbackName, size: bytes.byteLength, open: () => arrayChunks(bytes) };
  }
  if (typeof source === 'string') {
    const bytes = new TextEncoder().encode(source);
    return { name: fallbackName, size: bytes.byteLength, open: () => arrayChunks(bytes) };
  }
  if (source && typeof source[Symbol.asyncIterator] === 'function') {
    // A Node fs.ReadStream knows its path: show the file's name in messages.
    const name = typeof source.path === 'string' ? source.path.split(/[\\/]/).pop() : fallbackName;
    return { name, size: 0, open: () => source };
  }
  throw invalid(`Cannot read ${fallbackName}: pass a File, Blob, Uint8Array, ArrayBuffer, string or async iterable.`);
}

async function* arrayChunks(bytes) {
  for (let at = 0; at < bytes.byteLength; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

// The next piece is asked for before this one is handed on, so the browser reads the file while
// the core parses the piece before (a File reaches a worker at 100-235 MB/s in Chromium).
async function* blobChunks(blob) {
  if (typeof blob.stream === 'function') {
    const reader = blob.stream().getReader();
    const ask = () => {
      const read = reader.read();
      read.catch(() => {}); // awaited below; if the caller stops first, its failure is nobody's concern
      return read;
    };
    let next = ask();
    for (;;) {
      const { done, value } = await next;
      if (done) return;
      next = ask();
      yield value;
    }
  }
  yield new Uint8Array(await blob.arrayBuffer());
}

/**
 * The files to read, in order, from { labels, predProbs } or { combined }.
 * @returns {{role: string, name: string, size: number, open: () => AsyncIterable<Uint8Array>}[]}
 */
export function datasetSources(input) {
  if (input == null || typeof input !== 'object') {
    throw invalid('readDataset needs { labels, predProbs } or { combined }.');
  }
  if (input.combined != null) {
    if (input.labels != null || input.predProbs != null) {
      throw invalid('Pass either { combined } or { labels, predProbs }, not both.');
    }
    return [{ role: 'combined', ...describe(input.combined, 'data.csv') }];
  }
  if (input.labels == null || input.predProbs == null) {
    throw invalid('readDataset needs both labels and predProbs (or one combined CSV).');
  }
  return [
    { role: 'labels', ...describe(input.labels, 'labels') },
    { role: 'predProbs', ...describe(input.predProbs, 'pred_probs') },
  ];
}

export { describe as describeSource };
