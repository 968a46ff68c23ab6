// What a dropped file is, asked as soon as it is dropped. The worker's sniffFile (the reader's own
// knowledge of files: roles, columns, and a problem that makes the file unusable) has the final
// word where the worker offers it; the page's first-bytes guess (roles.js) fills in what the
// decision exports still need (first row, .npy shape and dtype) until those move to src/js too.
import { sharedClient } from './core.js';
import { ROLE_NAMES, sniffFile as guessFromFirstBytes } from './roles.js';

/** entry: {file, role, reason, columns, firstRow, shape, descr, problem}. */
export async function sniff(file) {
  const entry = await guessFromFirstBytes(file);
  const client = await sharedClient().catch(() => null);
  if (typeof client?.sniffFile !== 'function') return entry;
  const found = await client.sniffFile(file);
  const merged = { ...entry };
  if (found?.role && found.role in ROLE_NAMES) merged.role = found.role;
  if (Array.isArray(found?.columns)) merged.columns = found.columns;
  if (found?.reason) merged.reason = found.reason;
  if (found?.problem) merged.problem = found.problem;
  return merged;
}
