// Thumbnails from a Parquet file of pixels: a list column of grey levels per row (list<uint8>, or
// list<float> of whole numbers 0-255) whose length is a square (here 12 x 12) is drawn beside each
// row in the table and in the detail pane, as a uint8 .npy is; a list of other numbers is not.
// The files are written here with hyparquet-writer (seeded: the same bytes every run).
import { parquetWriteBuffer } from 'hyparquet-writer';
import { app, dropFiles, expect, openApp, screenshotsAtSizes, test, waitReady } from './fixtures.mjs';

const N = 60;
const SIDE = 12;

/** 60 images of 12 x 12 in 3 classes (a bright row, column or diagonal); rows 7, 17, ... labelled as the next class. */
function images() {
  let seed = 3;
  const r = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pixels = [];
  const labels = [];
  for (let i = 0; i < N; i++) {
    const c = i % 3;
    labels.push(i % 10 === 7 ? (c + 1) % 3 : c);
    const image = [];
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const on = c === 0 ? y === 5 : c === 1 ? x === 6 : x === y;
        image.push(Math.min(255, Math.floor((on ? 190 : 20) + 60 * r())));
      }
    }
    pixels.push(image);
  }
  return { pixels, labels };
}

/** A Parquet file with one list column `name` of `type` elements (INT32 as UINT_8, FLOAT or DOUBLE). */
function listParquet(name, rows, type, extra = []) {
  const element = { name: 'element', type, repetition_type: 'REQUIRED' };
  if (type === 'INT32') element.converted_type = 'UINT_8';
  return Buffer.from(
    parquetWriteBuffer({
      columnData: [...extra.map((c) => ({ name: c.name, data: c.data })), { name, data: rows }],
      schema: [
        { name: 'root', num_children: extra.length + 1 },
        ...extra.map((c) => c.schema),
        { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        element,
      ],
    }),
  );
}

const panel = (page) => app(page).locator('.cv-panel');
const computeButton = (page) => app(page).getByRole('button', { name: /Compute out-of-sample probabilities here/ });

async function compute(page, files) {
  await openApp(page);
  await dropFiles(page, files);
  await computeButton(page).click();
  await waitReady(page);
  await expect(panel(page)).toHaveAttribute('data-state', 'done');
}

/** The grey level of each pixel drawn on a thumbnail canvas (its red channel). */
const drawn = (canvas) =>
  canvas.evaluate((c) =>
    Array.from(
      c
        .getContext('2d')
        .getImageData(0, 0, c.width, c.height)
        .data.filter((_, i) => i % 4 === 0),
    ),
  );

test('labels CSV + a list<uint8> Parquet of 12 x 12 pixels: each row’s image in the table and the detail pane', async ({
  page,
}, testInfo) => {
  const { pixels, labels } = images();
  await compute(page, [
    { name: 'labels.csv', text: `label\n${labels.join('\n')}\n` },
    { name: 'features.parquet', buffer: listParquet('pixels', pixels, 'INT32') },
  ]);
  const first = app(page).locator('.vt-spacer .vt-row[data-position="0"]');
  const index = Number(await first.getAttribute('data-index'));
  const thumb = first.locator('.thumb');
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((c) => [c.width, c.height])).toEqual([SIDE, SIDE]);
  // The row's own pixels, not another row's.
  expect(await drawn(thumb)).toEqual(pixels[index]);
  await first.click();
  const big = app(page).locator('.detail .thumb');
  await expect(big).toBeVisible();
  expect(await drawn(big)).toEqual(pixels[index]);
  await screenshotsAtSizes(page, testInfo, 'parquet-thumbs', {
    show: () =>
      app(page)
        .locator('[role=grid]')
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60)),
  });
});

test('a labelled Parquet table with a list<float> of grey levels: thumbnails too', async ({ page }) => {
  const { pixels, labels } = images();
  const label = {
    name: 'label',
    data: labels,
    schema: { name: 'label', type: 'INT32', repetition_type: 'REQUIRED' },
  };
  await compute(page, [{ name: 'images.parquet', buffer: listParquet('image', pixels, 'FLOAT', [label]) }]);
  const thumb = app(page).locator('.vt-spacer .vt-row[data-position="0"] .thumb');
  await expect(thumb).toBeVisible();
  const index = Number(await app(page).locator('.vt-spacer .vt-row[data-position="0"]').getAttribute('data-index'));
  expect(await drawn(thumb)).toEqual(pixels[index]);
});

test('a list of numbers that are not grey levels (0-1 floats) draws no thumbnails', async ({ page }) => {
  const { pixels, labels } = images();
  const scaled = pixels.map((image) => image.map((v) => v / 255));
  await compute(page, [
    { name: 'labels.csv', text: `label\n${labels.join('\n')}\n` },
    { name: 'features.parquet', buffer: listParquet('embedding', scaled, 'DOUBLE') },
  ]);
  await expect(app(page).locator('.vt-spacer .vt-row[data-position="0"]')).toBeVisible();
  await expect(app(page).locator('.thumb')).toHaveCount(0);
});
