// Reading the input files into a Dataset: friendly errors for missing files, chunks streamed into
// the WebAssembly reader, progress reported to the run's progress line (src/cli/progress.mjs).
import fs from 'node:fs';

const CHUNK = 1 << 20;

/** A problem with an input file found before the reader sees it (exit code 3). */
export class InputError extends Error {
  constructor(message, file) {
    super(message);
    this.name = 'InputError';
    this.file = file;
  }
}

const OPEN_PROBLEMS = {
  ENOENT: 'no such file. Check the path.',
  EACCES: 'permission denied: the file cannot be read.',
  EPERM: 'permission denied: the file cannot be read.',
  ENOTDIR: 'no such file (a folder in the path is a file).',
  ELOOP: 'too many symbolic links in the path.',
};

/** The size in bytes of a readable file; throws InputError otherwise. */
function checkReadable(path) {
  let stat;
  try {
    stat = fs.statSync(path);
    fs.accessSync(path, fs.constants.R_OK);
  } catch (e) {
    throw new InputError(OPEN_PROBLEMS[e.code] ?? `cannot open: ${e.message}`, path);
  }
  if (stat.isDirectory()) throw new InputError('is a folder, not a file.', path);
  return stat.isFile() ? stat.size : 0;
}

/**
 * The file's bytes in chunks of up to 1 MiB, all read into one reused buffer: readDataset copies
 * each chunk into WebAssembly memory before it asks for the next, and on these VMs touching fresh
 * memory costs more than reading the file (a stream's new buffer per chunk measured ~220 ms more
 * CPU on the 100 MB bench CSV). Opened only when the reader gets to it; closed when it stops early.
 */
export async function* fileChunks(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The input files named on the command line, checked: [{role, path, size}]. */
export function inputFiles(values) {
  const named =
    values.data !== undefined
      ? [['combined', values.data]]
      : [
          ['labels', values.labels],
          ['predProbs', values['pred-probs']],
        ];
  return named.map(([role, path]) => ({ role, path, size: checkReadable(path) }));
}

// The chunks of `path`, remembering in `reading.path` which file is being read.
async function* tracked(path, reading) {
  reading.path = path;
  try {
    yield* fileChunks(path);
  } finally {
    reading.path = undefined;
  }
}

/** Reads the files into a Dataset (the caller frees it); `progress`: a progressLine (progress.mjs). */
export async function readInput(ls, files, values, progress) {
  const input = {};
  const reading = { path: undefined };
  for (const { role, path, size } of files) input[role] = { name: path, size, data: tracked(path, reading) };
  // No command prints the fingerprint (the page keys saved decisions by it): not hashed.
  const options = { onProgress: (p) => progress.update(p), fingerprint: false };
  if (values['label-column'] !== undefined) options.labelColumn = values['label-column'];
  if (values['allow-unnormalized']) options.allowUnnormalized = true;
  if (values.float32) options.float32 = true;
  try {
    return await ls.readDataset(input, options);
  } catch (e) {
    // Out of memory while a file was read (--labels /dev/zero): that file, not the probabilities.
    if (e?.name === 'LabelScopeError' && !e.file && reading.path !== undefined) e.file = reading.path;
    throw e;
  }
}
