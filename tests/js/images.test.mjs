// Each row's image from a features file of pixels (src/js/images.js), for the page's thumbnails: a
// Parquet list column of whole numbers 0-255 (list<uint8>, list<float>, list<double>) with a square
// length of at least 8 x 8, or the height x width given; other lists are not images.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { imageShapeOf, npyImages, parquetImages } from '../../src/js/images.js';
import { ROOT } from './helpers.mjs';

/** A Parquet file with an `id` column and one list column `name` of `type` elements. */
function listParquet(name, rows, type) {
  const element = { name: 'element', type, repetition_type: 'REQUIRED' };
  if (type === 'INT32') element.converted_type = 'UINT_8';
  const file = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: rows.map((_, i) => i + 1) },
      { name, data: rows },
    ],
    schema: [
      { name: 'root', num_children: 2 },
      { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
      { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      element,
    ],
  });
  return { name: `${name}.parquet`, data: new Uint8Array(file) };
}

const rows = (n, dim) => Array.from({ length: n }, (_, i) => Array.from({ length: dim }, (_, p) => (p * 7 + i) % 256));

test('image shapes: a square of at least 8 x 8, or the shape given when it fits', () => {
  assert.deepEqual(imageShapeOf(784), [28, 28]);
  assert.deepEqual(imageShapeOf(64), [8, 8]);
  assert.equal(imageShapeOf(49), null); // 7 x 7: more likely features than an image
  assert.equal(imageShapeOf(100 * 30), null);
  assert.deepEqual(imageShapeOf(768, [24, 32]), [24, 32]);
  assert.equal(imageShapeOf(784, [24, 32]), null);
});

test('a Parquet list of grey levels: list<uint8>, list<float> and list<double> give the same pixels', async () => {
  const images = rows(5, 100);
  for (const type of ['INT32', 'FLOAT', 'DOUBLE']) {
    const found = await parquetImages(listParquet('pixels', images, type));
    assert.equal(found?.column, 'pixels', type);
    assert.deepEqual([found.height, found.width, found.offset], [10, 10, 0]);
    assert.deepEqual(Array.from(found.pixels), images.flat());
  }
});

test('the shape given: the 6 x 6 fixture (36 values, too few for a square image) with [6, 6]', async () => {
  const fixture = {
    name: 'pixels.parquet',
    data: new Uint8Array(readFileSync(`${ROOT}tests/fixtures/learn/pixels.parquet`)),
  };
  assert.equal(await parquetImages(fixture), null);
  const found = await parquetImages(fixture, { shape: [6, 6] });
  assert.deepEqual([found?.height, found?.width, found?.pixels.length], [6, 6, 60 * 36]);
  // The same pixels as the .npy of the same images.
  const npy = new Uint8Array(readFileSync(`${ROOT}tests/fixtures/learn/pixels.npy`));
  const fromNpy = npyImages(npy, [6, 6]);
  assert.deepEqual(Array.from(found.pixels), Array.from(npy.subarray(fromNpy.offset)));
});

test('not images: values outside 0-255 or not whole, a list of another length, no list at all', async () => {
  assert.equal(
    await parquetImages(
      listParquet(
        'x',
        rows(4, 100).map((r) => r.map((v) => v / 255)),
        'DOUBLE',
      ),
    ),
    null,
  );
  assert.equal(
    await parquetImages(
      listParquet(
        'x',
        rows(4, 100).map((r) => r.map((v) => v + 200)),
        'DOUBLE',
      ),
    ),
    null,
  );
  assert.equal(await parquetImages(listParquet('x', rows(4, 30), 'DOUBLE')), null);
  const iris = { name: 'iris.parquet', data: new Uint8Array(readFileSync(`${ROOT}tests/fixtures/learn/iris.parquet`)) };
  assert.equal(await parquetImages(iris), null);
  assert.equal(await parquetImages({ name: 'a.csv', data: 'a,b\n1,2\n' }), null);
});
