// @ts-check
// Buffers to transfer (not copy) through postMessage: every typed array found in a value, one level deep.
export function transferables(value) {
  const buffers = new Set();
  const visit = (v) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
  };
  if (value && typeof value === 'object') {
    visit(value);
    for (const v of Object.values(value)) visit(v);
  }
  return [...buffers];
}
