// Each row's image beside it, for data that are pixels (the Fashion-MNIST demo): drawn from the
// uint8 .npy the probabilities were computed from, on a small canvas (nothing leaves the tab).
import { h } from './dom.js';

/**
 * A canvas showing row i of images {pixels, offset, height, width} (grey levels, 0 = black),
 * scaled by CSS to `size` px; null when the data has no images.
 */
export function thumbnail(images, i, { size = 56, label = '' } = {}) {
  if (!images) return null;
  const { pixels, offset, height, width } = images;
  const name = label || `Image of row ${i + 1}`;
  const canvas = h('canvas', { class: 'thumb', width, height, role: 'img', 'aria-label': name });
  canvas.style.width = `${size}px`;
  canvas.style.height = `${Math.round((size * height) / width)}px`;
  const area = height * width;
  const start = offset + i * area;
  if (start + area > pixels.length) return canvas;
  const image = new ImageData(width, height);
  for (let p = 0; p < area; p++) {
    const v = pixels[start + p];
    image.data[4 * p] = v;
    image.data[4 * p + 1] = v;
    image.data[4 * p + 2] = v;
    image.data[4 * p + 3] = 255;
  }
  canvas.getContext('2d').putImageData(image, 0, 0);
  return canvas;
}
