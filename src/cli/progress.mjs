// Progress on standard error, one rule for every command (reading files, cross-validation folds):
// - on a terminal, after a second: one line rewritten in place with carriage returns, at most ten
//   times a second, blanked at the end;
// - into a pipe or a log, where a carriage return rewrites nothing: whole lines. A step (a fold
//   done) after a second, as on a terminal, since a run that trains is worth following; the progress
//   within a step (bytes read) only in runs over ten seconds, at most one line per ten seconds, so a
//   short audit's stderr stays empty for scripts;
// - --quiet: nothing.
// LABELSCOPE_PROGRESS_AFTER_MS (older name LABELSCOPE_PROGRESS_DELAY_MS) sets the wait for both,
// e.g. to 0 in tests.

const AFTER_MS = { tty: 1000, pipe: 10000 };
const STEP_AFTER_MS = 1000;
const EVERY_MS = { tty: 100, pipe: 10000 };

function afterFromEnv(env = process.env) {
  for (const name of ['LABELSCOPE_PROGRESS_AFTER_MS', 'LABELSCOPE_PROGRESS_DELAY_MS']) {
    const text = env[name];
    if (text !== undefined && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  }
  return undefined;
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The words for a readDataset / crossValProbs progress report of the reading stage. */
export function readingText({ file, bytesRead, totalBytes }) {
  const amount =
    totalBytes > 0
      ? `${Math.min(100, Math.floor((100 * bytesRead) / totalBytes))}% of ${megabytes(totalBytes)}`
      : megabytes(bytesRead);
  return `reading ${file}: ${amount}`;
}

/**
 * The progress line of one run (see the rule above).
 * @param {boolean} [quiet] --quiet: write nothing
 * @param {{ stream?: { write: (text: string) => unknown, isTTY?: boolean }, now?: () => number,
 *   afterMs?: number }} [options] stream (default stderr), clock and wait (default: the rule's)
 */
export function progressLine(
  quiet = false,
  { stream = process.stderr, now = Date.now, afterMs = afterFromEnv() } = {},
) {
  const kind = stream.isTTY ? 'tty' : 'pipe';
  const wait = afterMs ?? AFTER_MS[kind];
  const stepWait = afterMs ?? STEP_AFTER_MS;
  const start = now();
  let last = ''; // the text written last
  let lastAt = -Infinity;
  let onScreen = 0; // terminal: the length of the line drawn
  const write = (text) => {
    const line = `labelscope: ${text}`;
    if (kind === 'tty') {
      stream.write(`\r${line.padEnd(onScreen)}`);
      onScreen = line.length;
    } else {
      stream.write(`${line}\n`);
    }
    last = text;
    lastAt = now();
  };
  const due = (text, after) => !quiet && text !== last && now() - start >= after;
  const done = () => {
    if (onScreen) stream.write(`\r${' '.repeat(onScreen)}\r`);
    onScreen = 0;
    last = '';
  };
  return {
    /** How far the current step is: a text, or a reading report ({ file, bytesRead, totalBytes }). */
    update(progress) {
      const text = typeof progress === 'string' ? progress : readingText(progress);
      if (due(text, wait) && now() - lastAt >= EVERY_MS[kind]) write(text);
    },
    /** A new step or a step done ("analysing 1000 examples...", "2 of 5 folds done"): never held back. */
    step(text) {
      if (due(text, stepWait)) write(text);
    },
    /** The run is over: a terminal's line is blanked. */
    done,
    clear: done,
  };
}

/** crossValProbs' onProgress for `progress`: the reading, then one step per fold done. */
export function foldProgress(progress, what = 'cross-validation') {
  return (p) =>
    p.stage === 'reading' ? progress.update(p) : progress.step(`${what}: ${p.foldsDone} of ${p.numFolds} folds done`);
}
