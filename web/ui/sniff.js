// What a dropped file is, asked as soon as it is dropped: the worker's sniffFile (the reader's own
// knowledge of files — format, likely role and why, header, first row, .npy shape and dtype, and a
// problem that makes the file unusable). The page does not parse files itself.
import { sharedClient } from './shared-client.js';

/** entry: {file, role, reason, columns, firstRow, shape, descr, format, problem}. */
export async function sniff(file) {
  const client = await sharedClient();
  const { name, ...found } = await client.sniffFile(file);
  return { ...found, file };
}
