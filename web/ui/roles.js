// Decides what each dropped file is — given labels, predicted probabilities, one combined table,
// known truth or class names — from its name and first lines, so a person can drop everything at
// once. Every guess is shown and can be changed; the WebAssembly reader has the final word.
import { parseCsv } from './csv.js';
import { npyDescr } from './decisions.js';

export const ROLE_NAMES = {
  labels: 'Given labels',
  predProbs: 'Predicted probabilities',
  combined: 'Labels + probabilities (one table)',
  truth: 'Known truth (index, is_error)',
  classNames: 'Class names',
  ignore: 'Not used',
};
export const DATA_ROLES = ['labels', 'predProbs', 'combined'];

// The names the reader looks for first when it picks a combined file's label column.
export const LABEL_COLUMN_NAMES = ['label', 'labels', 'given_label', 'y'];
const INDEX_NAMES = ['index', 'idx', 'row', 'example', 'row_index', 'example_index'];
const ERROR_NAMES = ['is_error', 'is_label_error'];
// Columns that are never probabilities (the reader's list).
const ID_NAMES = [...INDEX_NAMES, 'id', 'row_id', 'example_id', 'image', 'file', 'filename', 'path', 'name', 'text', 'url'];
const SNIFF_BYTES = 64 * 1024;

const isNumber = (cell) => cell.trim() !== '' && Number.isFinite(Number(cell));
const isFraction = (cell) => isNumber(cell) && !Number.isInteger(Number(cell));

/** .npy magic ("\x93NUMPY") and the shape from its header dict. */
function npyShape(bytes) {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) return null;
  const header = new TextDecoder('latin1').decode(bytes.subarray(8, Math.min(bytes.length, 4096)));
  const match = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!match) return [];
  return match[1].split(',').map((s) => s.trim()).filter(Boolean).map(Number);
}

/**
 * Looks at a file's first bytes. Returns {file, role, reason, columns (header names or null),
 * firstRow, shape (for .npy)}.
 */
export async function sniffFile(file) {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const shape = npyShape(head);
  if (shape) {
    const dims = shape.join(' × ');
    const descr = npyDescr(head); // kept so corrected labels can be written in the same dtype
    return shape.length === 1
      ? { file, role: 'labels', reason: `.npy array of ${dims} labels`, columns: null, shape, descr }
      : { file, role: 'predProbs', reason: `.npy array ${dims}`, columns: null, shape, descr };
  }
  // NUL bytes (binary, UTF-16): no columns to look at; the reader says what is wrong with it.
  if (head.includes(0)) return { file, columns: null, firstRow: [], ...guessTextRole(file.name, null, [], 0) };
  const rows = parseCsv(new TextDecoder().decode(head), { limit: 3, complete: file.size <= SNIFF_BYTES });
  const first = rows[0] ?? [];
  const hasHeader = first.some((cell) => !isNumber(cell));
  const columns = hasHeader ? first.map((c) => c.trim()) : null;
  const firstRow = (hasHeader ? rows[1] : rows[0]) ?? [];
  return { file, columns, firstRow, ...guessTextRole(file.name, columns, firstRow, first.length) };
}

function guessTextRole(fileName, columns, firstRow, width) {
  const name = fileName.toLowerCase();
  const lower = (columns ?? []).map((c) => c.toLowerCase());
  if (width <= 1 && (/\.(txt|names)$/.test(name) || /class(es|_names)?\b/.test(name))) {
    return { role: 'classNames', reason: 'one class name per line' };
  }
  if (lower.some((c) => ERROR_NAMES.includes(c)) && lower.some((c) => INDEX_NAMES.includes(c))
      && !firstRow.some(isFraction)) {
    return { role: 'truth', reason: 'index and is_error columns' };
  }
  // One column (or an empty, binary or unreadable file): the file name decides, so the reader reports
  // what is wrong with a pred_probs file instead of the page waiting for one.
  if (width <= 1 && /pred|prob/.test(name)) return { role: 'predProbs', reason: 'file name' };
  if (width <= 1) return { role: 'labels', reason: 'one column' };
  const label = lower.find((c) => LABEL_COLUMN_NAMES.includes(c));
  const numericOthers = lower.filter((c, i) => c !== label && isNumber(firstRow[i] ?? '') && !ID_NAMES.includes(c));
  if (label && numericOthers.length === 0) return { role: 'labels', reason: `a '${columns[lower.indexOf(label)]}' column` };
  if (label) return { role: 'combined', reason: `a '${columns[lower.indexOf(label)]}' column next to numbers` };
  // Probabilities are all numbers; a text column means labels live in this table too.
  if (firstRow.some((cell) => !isNumber(cell))) {
    return { role: 'combined', reason: 'text and number columns (choose the label column)' };
  }
  return { role: 'predProbs', reason: `${width} numeric columns` };
}

/** Whether the roles make one dataset; if not, what the person should do next. */
export function checkRoles(entries) {
  const count = (role) => entries.filter((e) => e.role === role).length;
  for (const role of ['labels', 'predProbs', 'combined', 'classNames']) {
    if (count(role) > 1) {
      return { ready: false, problem: `${count(role)} files are marked as “${ROLE_NAMES[role]}”. Choose one below.` };
    }
  }
  if (count('combined') && (count('labels') || count('predProbs'))) {
    return { ready: false, problem: 'Use either one combined table or a labels file with a probabilities file, not both. Change a role below.' };
  }
  if (count('combined')) return { ready: true };
  if (count('labels') && count('predProbs')) return { ready: true };
  if (count('labels')) return { ready: false, problem: 'Now add the predicted probabilities (CSV, TSV or .npy, one column per class).' };
  if (count('predProbs')) return { ready: false, problem: 'Now add the given labels (one label per row, same order as the probabilities).' };
  return { ready: false, problem: 'Add a labels file and a predicted-probabilities file, or one table with both.' };
}

/**
 * Adds newly dropped files to the current set. A drop that makes a dataset on its own, or any
 * data file dropped after a dataset was read, starts over; otherwise the drop completes the set
 * (a file with the same role or name is replaced). Truth and class-name files add to a read set.
 */
export function mergeFiles(current, incoming, currentWasRead) {
  if (checkRoles(incoming).ready) return incoming;
  const bringsData = incoming.some((e) => DATA_ROLES.includes(e.role));
  if (bringsData && currentWasRead) return incoming;
  let merged = current.slice();
  for (const entry of incoming) {
    merged = merged.filter((e) => e.file.name !== entry.file.name && !replaces(entry.role, e.role));
    merged.push(entry);
  }
  return merged;
}

function replaces(newRole, oldRole) {
  if (newRole === 'combined') return DATA_ROLES.includes(oldRole);
  if (newRole === 'labels' || newRole === 'predProbs') return oldRole === newRole || oldRole === 'combined';
  return newRole === 'classNames' && oldRole === 'classNames';
}
