// @ts-check
// Each row's image, for the thumbnails the page draws beside the rows: the pixels of a features file
// when they are pixel-like. A uint8 .npy (N x H x W, or N x D with D a square), or a Parquet file with
// a list column of D numbers per row that are all whole numbers from 0 to 255 (a list<uint8>, or a
// list<float> of grey levels), D a square or the height x width given. The page asks these; it does
// not parse the files itself.
import { isParquet, joinChunks, parquetColumns } from './parquet.js';
import { describeSource } from './sources.js';

// A smaller square (7 x 7 = 49 values) is more likely a row of features than an image.
const MIN_SIDE = 8;

/**
 * @typedef {{pixels: Uint8Array, offset: number, height: number, width: number}} RowImages
 * Row i's grey levels (0 = black) are pixels[offset + i * height * width ...], row-major.
 */

/**
 * [height, width] of images of `dim` values: `shape` ([height, width]) when it holds exactly that
 * many, otherwise a square of at least 8 x 8 (784 = 28 x 28); null when neither.
 * @param {number} dim
 * @param {number[] | null} [shape]
 */
export function imageShapeOf(dim, shape = null) {
  if (shape) return shape.length === 2 && shape[0] * shape[1] === dim ? [shape[0], shape[1]] : null;
  const side = Math.round(Math.sqrt(dim));
  return side >= MIN_SIDE && side * side === dim ? [side, side] : null;
}

/**
 * The images of a uint8 .npy (its bytes) of N x H x W, or N x (height * width): read in place, after
 * the header.
 * @param {Uint8Array} bytes
 * @param {number[]} shape [height, width]
 * @returns {RowImages}
 */
export function npyImages(bytes, [height, width]) {
  const headerLength = bytes[8] | (bytes[9] << 8);
  return { pixels: bytes, offset: 10 + headerLength, height, width };
}

const isGreyLevel = (v) => Number.isInteger(v) && v >= 0 && v <= 255;

/**
 * The images in a Parquet file's list column (`column`, or the one list column whose values are
 * pixel-like), or null when it has none: the values must all be whole numbers from 0 to 255, and
 * each row's count a square of at least 8 x 8 or height x width of `shape`.
 * @param {any} source File, Blob, bytes or {name, data}
 * @param {{shape?: number[] | null, column?: string}} [options]
 * @returns {Promise<(RowImages & {column: string}) | null>}
 */
export async function parquetImages(source, { shape = null, column } = {}) {
  const { name, open } = describeSource(source, 'features.parquet');
  const parts = [];
  for await (const chunk of open()) parts.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
  const bytes = joinChunks(parts, name);
  if (!isParquet(bytes)) return null;
  const lists = (await parquetColumns(bytes, name)).filter(
    (c) => c.kind === 'vector' && (column == null || c.name === column),
  );
  for (const list of lists) {
    const found = imageShapeOf(list.dim ?? 0, shape);
    if (!found) continue;
    const values = /** @type {Float64Array} */ (list.values);
    if (!values.every(isGreyLevel)) continue;
    return { pixels: Uint8Array.from(values), offset: 0, height: found[0], width: found[1], column: list.name };
  }
  return null;
}
