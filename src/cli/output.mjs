// Output text: JSON that stays readable (arrays of numbers and flat records on one line, shortest
// round-trip numbers) and RFC 4180 CSV through the exports' one CSV writer (src/js/exports.js
// csvLine: formula-like text cells neutralised).
import { csvLine } from '../js/exports.js';

const isScalar = (v) => v === null || typeof v !== 'object';
const scalar = (v) => JSON.stringify(v) ?? 'null'; // NaN/Infinity/undefined -> null

/** JSON text: objects indented, arrays of scalars and records of scalars kept on one line. */
export function toJson(value, indent = '') {
  if (isScalar(value)) return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value);
    if (items.length === 0) return '[]';
    // Finite numbers print as JSON prints them (both use the shortest round-trip form): one join
    // instead of a JSON.stringify per number (a million scores: 0.6 -> 0.5 s).
    if (items.every(Number.isFinite)) return `[${items.join(', ')}]`;
    if (items.every(isScalar)) return `[${items.map(scalar).join(', ')}]`;
    return `[\n${items.map((x) => inner + toJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (indent !== '' && entries.every(([, v]) => isScalar(v))) {
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${scalar(v)}`).join(', ')}}`;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** CSV text with a header row; fields quoted per RFC 4180 when they hold , " CR or LF. */
export function toCsv(header, rows) {
  return [header, ...rows].map((row) => csvLine(row)).join('');
}

/**
 * The text of toJson(value, indent) in pieces, for output too large for one string (health's K x K
 * matrices at K = 3,000 are over V8's string limit): a row of a matrix per piece.
 */
export function* jsonChunks(value, indent = '') {
  if (isScalar(value)) {
    yield scalar(value);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    if (value.length === 0 || Array.prototype.every.call(value, isScalar)) {
      yield toJson(value, indent);
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? inner : `,\n${inner}`;
      yield* jsonChunks(value[i], inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0 || (indent !== '' && entries.every(([, v]) => isScalar(v)))) {
    yield toJson(value, indent);
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i];
    yield `${i === 0 ? '' : ',\n'}${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, inner);
  }
  yield `\n${indent}}`;
}

/** The text of toCsv(header, rows), a line per piece. */
export function* csvChunks(header, rows) {
  yield csvLine(header);
  for (const row of rows) yield csvLine(row);
}
