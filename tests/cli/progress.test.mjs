// The CLI's one progress rule (src/cli/progress.mjs), with a stand-in stream and clock: a terminal
// gets one line rewritten with carriage returns and blanked at the end; a pipe or a log gets whole
// lines, held back for short runs and throttled within a step; --quiet gets nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { foldProgress, progressLine, readingText } from '../../src/cli/progress.mjs';

/** A stream that records what is written, and a clock the test moves. */
function setup(isTTY, quiet = false, options = {}) {
  const stream = {
    isTTY,
    text: '',
    write(t) {
      this.text += t;
    },
  };
  const clock = { t: 0 };
  const progress = progressLine(quiet, { stream, now: () => clock.t, ...options });
  return { stream, clock, progress };
}

const reading = (bytesRead) => ({ file: 'big.csv', bytesRead, totalBytes: 4e6 });

describe('progress line', () => {
  test('the words of a reading report', () => {
    assert.equal(readingText({ file: 'a.csv', bytesRead: 1e6, totalBytes: 4e6 }), 'reading a.csv: 25% of 4.0 MB');
    assert.equal(readingText({ file: 'a.csv', bytesRead: 2.5e6, totalBytes: 0 }), 'reading a.csv: 2.5 MB');
  });

  test('terminal: nothing for a second, then one line rewritten in place, at most ten times a second, blanked', () => {
    const { stream, clock, progress } = setup(true, false, { afterMs: undefined });
    const saved = [process.env.LABELSCOPE_PROGRESS_AFTER_MS, process.env.LABELSCOPE_PROGRESS_DELAY_MS];
    assert.ok(
      saved.every((v) => v === undefined),
      'run without LABELSCOPE_PROGRESS_* set',
    );
    clock.t = 999;
    progress.update(reading(1e6));
    progress.step('analysing 10 examples...');
    assert.equal(stream.text, '', 'a run shorter than a second shows nothing');
    clock.t = 1000;
    progress.update(reading(1e6));
    clock.t = 1050;
    progress.update(reading(2e6)); // within 100 ms of the last drawing: held back
    clock.t = 1100;
    progress.update(reading(3e6));
    progress.step('analysing 10 examples...'); // a step is never held back
    progress.done();
    assert.equal(
      stream.text,
      '\rlabelscope: reading big.csv: 25% of 4.0 MB' +
        '\rlabelscope: reading big.csv: 75% of 4.0 MB' +
        `\rlabelscope: analysing 10 examples...${' '.repeat(6)}` + // padded over the longer line before
        `\r${' '.repeat('labelscope: analysing 10 examples...'.length)}\r`,
    );
    progress.done();
    assert.ok(stream.text.endsWith('\r'), 'blanked once');
  });

  test('pipe or log: a fold done is a line after one second, while reading progress still waits ten', () => {
    const { stream, clock, progress } = setup(false, false, { afterMs: undefined });
    const fold = foldProgress(progress);
    clock.t = 999;
    fold({ stage: 'training', foldsDone: 0, numFolds: 5 });
    assert.equal(stream.text, '', 'under a second: nothing');
    clock.t = 1000;
    progress.update(reading(1e6));
    fold({ stage: 'training', foldsDone: 1, numFolds: 5 });
    assert.equal(stream.text, 'labelscope: cross-validation: 1 of 5 folds done\n');
  });

  test(
    'pipe or log: whole lines, only for runs over ten seconds; each step a line, progress at most every ten ' +
      'seconds',
    () => {
      const { stream, clock, progress } = setup(false, false, { afterMs: undefined });
      clock.t = 9999;
      progress.update(reading(1e6));
      assert.equal(stream.text, '', 'a run shorter than ten seconds leaves stderr empty');
      clock.t = 10000;
      progress.update(reading(1e6));
      clock.t = 19999;
      progress.update(reading(2e6)); // held back
      const fold = foldProgress(progress);
      fold({ stage: 'training', foldsDone: 0, numFolds: 2 });
      fold({ stage: 'training', foldsDone: 0, numFolds: 2 }); // the same words: not again
      fold({ stage: 'training', foldsDone: 1, numFolds: 2 });
      fold({ stage: 'reading', file: 'big.csv', bytesRead: 4e6, totalBytes: 4e6 }); // held back
      clock.t = 29999;
      progress.update(reading(4e6));
      progress.done();
      assert.equal(
        stream.text,
        [
          'labelscope: reading big.csv: 25% of 4.0 MB',
          'labelscope: cross-validation: 0 of 2 folds done',
          'labelscope: cross-validation: 1 of 2 folds done',
          'labelscope: reading big.csv: 100% of 4.0 MB',
          '',
        ].join('\n'),
      );
      assert.ok(!stream.text.includes('\r'));
    },
  );

  test('the wait can be set (LABELSCOPE_PROGRESS_AFTER_MS); --quiet writes nothing at all', () => {
    const now = setup(false, false, { afterMs: 0 });
    now.progress.step('analysing 10 examples...');
    assert.equal(now.stream.text, 'labelscope: analysing 10 examples...\n');
    for (const isTTY of [true, false]) {
      const { stream, clock, progress } = setup(isTTY, true, { afterMs: 0 });
      clock.t = 60000;
      progress.update(reading(1e6));
      progress.step('analysing 10 examples...');
      progress.done();
      assert.equal(stream.text, '', `quiet (${isTTY ? 'terminal' : 'pipe'})`);
    }
  });
});
