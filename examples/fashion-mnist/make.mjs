// Makes the Fashion-MNIST demo's files from Debian's package dataset-fashion-mnist
// (`apt-get install dataset-fashion-mnist`): the first N images of the test set as pixels.npy
// (uint8, N x 784, row-major 28 x 28) and their given labels, by class name, as labels.csv.
// Not needed by npm test; running it again writes the same bytes.
//   node examples/fashion-mnist/make.mjs [N]     (default 2000)
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const SOURCE = '/usr/share/datasets/fashion-mnist/';
const OUT = new URL('./', import.meta.url);
const CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const n = Number(process.argv[2] ?? 2000);

// IDX files: a big-endian header (magic, then one count per dimension), then the bytes.
const images = gunzipSync(readFileSync(`${SOURCE}t10k-images-idx3-ubyte.gz`));
const labels = gunzipSync(readFileSync(`${SOURCE}t10k-labels-idx1-ubyte.gz`));
if (images.readUInt32BE(0) !== 0x803 || labels.readUInt32BE(0) !== 0x801) throw new Error('Not IDX image/label files.');
const total = images.readUInt32BE(4);
if (!(n > 0 && n <= total)) throw new Error(`N must be 1..${total}.`);
const side = images.readUInt32BE(8);
const pixels = images.subarray(16, 16 + n * side * side);

// .npy version 1.0: magic, header length, a Python dict literal padded to 64 bytes, then the data.
let header = `{'descr': '|u1', 'fortran_order': False, 'shape': (${n}, ${side * side}), }`;
header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
const prefix = Buffer.alloc(10);
prefix.write('\x93NUMPY', 0, 'latin1');
prefix[6] = 1;
prefix[7] = 0;
prefix.writeUInt16LE(header.length, 8);
writeFileSync(new URL('pixels.npy', OUT), Buffer.concat([prefix, Buffer.from(header, 'latin1'), pixels]));

const rows = ['label'];
for (let i = 0; i < n; i++) rows.push(CLASSES[labels[8 + i]]);
writeFileSync(new URL('labels.csv', OUT), `${rows.join('\n')}\n`);
console.log(`wrote ${n} images (${side} x ${side}) and labels`);
