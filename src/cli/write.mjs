// Writing a command's output in pieces, to --out or standard output, so that output larger than
// one JavaScript string (health's K x K matrices at K = 3,000) is written a piece at a time, and
// any failure while writing is one line (exit code 3) rather than a crash.
import fs from 'node:fs';

const BATCH = 1 << 20; // pieces are gathered into writes of about 1 MB

/** A failure while writing the output (exit code 3): "file: message". */
export class OutputError extends Error {
  constructor(message, file) {
    super(message);
    this.name = 'OutputError';
    this.file = file;
  }
}

// Standard output: a pipe or a file is written synchronously on Linux; a full stream is waited for.
function stdoutSink() {
  return {
    write: (text) =>
      process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve)),
    close() {},
  };
}

function fileSink(path) {
  const created = !fs.existsSync(path); // only a file this run created is removed after a failure
  const fd = fs.openSync(path, 'w');
  return {
    created,
    closed: false,
    write: (text) => {
      fs.writeSync(fd, text);
    },
    close() {
      if (!this.closed) fs.closeSync(fd);
      this.closed = true;
    },
  };
}

function describe(e, out) {
  if (e?.code === 'ENOENT' && out !== undefined) return 'no such folder';
  if (e instanceof RangeError || /heap|memory/i.test(e?.message ?? '')) {
    return `the output is too large to build (${e.message}); ask for less (e.g. --format csv) or fewer classes`;
  }
  return e?.message ?? String(e);
}

function removeQuietly(sink, path) {
  try {
    sink.close();
    // Never a device (--out /dev/full) or a file that was there before: only our own half-written file.
    if (sink.created && fs.statSync(path).isFile()) fs.unlinkSync(path);
  } catch {
    // it could not be written: nothing to remove
  }
}

/**
 * Writes `pieces` (a string, or an iterable of strings) to the file `out`, or to standard output
 * when `out` is undefined. Throws OutputError.
 */
export async function writeOutput(pieces, out) {
  let sink;
  try {
    sink = out === undefined ? stdoutSink() : fileSink(out);
    let batch = '';
    for (const piece of typeof pieces === 'string' ? [pieces] : pieces) {
      batch += piece;
      if (batch.length >= BATCH) {
        await sink.write(batch);
        batch = '';
      }
    }
    if (batch !== '') await sink.write(batch);
  } catch (e) {
    if (sink !== undefined && out !== undefined) removeQuietly(sink, out); // no half-written file
    throw new OutputError(`cannot write the output: ${describe(e, out)}.`, out ?? 'standard output');
  } finally {
    try {
      sink?.close();
    } catch {
      // already failing, or nothing more to flush
    }
  }
}
