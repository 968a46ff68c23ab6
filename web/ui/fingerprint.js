// A fingerprint of a file's bytes, whatever its name: how the person's choices (choices.js) find the same files
// dropped again. SHA-256 over 4 MiB chunks (the file is read once more, a chunk at a time); each File is read once.

const CHUNK = 4 * 1024 * 1024;
const hashes = new WeakMap(); // File -> Promise<hex>: each file is read once

/** 64 hex digits over the bytes of `file` (SHA-256 of its 4 MiB chunks' SHA-256s), whatever its name. */
export function fileFingerprint(file) {
  let hash = hashes.get(file);
  if (!hash) {
    hash = fingerprintOf(file);
    hashes.set(file, hash);
  }
  return hash;
}

async function fingerprintOf(file) {
  const digests = [];
  for (let at = 0; at < file.size || at === 0; at += CHUNK) {
    digests.push(new Uint8Array(await digest(await file.slice(at, at + CHUNK).arrayBuffer())));
    if (file.size === 0) break;
  }
  const all = new Uint8Array(digests.length * 32 + 8);
  digests.forEach((d, i) => all.set(d, i * 32));
  new DataView(all.buffer).setFloat64(digests.length * 32, file.size); // the length too
  return hex(await digest(all.buffer));
}

async function digest(buffer) {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return subtle.digest('SHA-256', buffer);
  return fnvDigest(new Uint8Array(buffer)); // not a secure context: a 256-bit FNV-1a over four lanes
}

function fnvDigest(bytes) {
  const lanes = new Uint32Array([0x811c9dc5, 0x050c5d1f, 0x1b873593, 0xcc9e2d51, 0x85ebca6b, 0xc2b2ae35, 7, 13]);
  for (let i = 0; i < bytes.length; i++) {
    const lane = i & 7;
    lanes[lane] = Math.imul(lanes[lane] ^ bytes[i], 0x01000193);
  }
  for (let lane = 0; lane < 8; lane++) lanes[lane] = Math.imul(lanes[lane] ^ bytes.length, 0x01000193);
  return lanes.buffer;
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
