// The message for files refused at once (web/controllers/reading.js refusal): every refused file is
// named with its reason, and the count matches what is shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusal } from '../../web/controllers/reading.js';

const entry = (name, problem) => ({ file: { name }, problem });

test("one refused file: its name and the reader's message", () => {
  const { error, title, hint } = refusal([entry('labels.csv', 'not UTF-8')]);
  assert.equal(error.message, 'not UTF-8');
  assert.equal(error.file, 'labels.csv');
  assert.equal(title, 'Could not use labels.csv');
  assert.equal(hint, 'labels.csv was not added. Fix it and drop it again.');
});

test('two refused files (a Windows-1252 pair): both named with their reasons, the count agrees', () => {
  const first = { code: 'bad_encoding', message: 'labels.csv is not UTF-8 (Windows-1252?): save it as UTF-8.' };
  const { error, title, hint } = refusal([
    entry('labels.csv', first),
    entry('pred_probs.csv', 'pred_probs.csv is not UTF-8.'),
  ]);
  assert.equal(error, first);
  assert.equal(title, 'Could not use 2 files (labels.csv first)');
  assert.equal(
    hint,
    'Also refused: pred_probs.csv (pred_probs.csv is not UTF-8). None of these 2 files was added: ' +
      'fix them and drop them again.',
  );
});

test('three refused files with the same message: the others say so instead of repeating it', () => {
  const problem = 'The file is not UTF-8 text. Save it as UTF-8.';
  const { title, hint } = refusal([entry('a.csv', problem), entry('b.csv', problem), entry('c.csv', 'empty')]);
  assert.equal(title, 'Could not use 3 files (a.csv first)');
  assert.equal(
    hint,
    'Also refused: b.csv (the same problem); c.csv (empty). None of these 3 files was added: ' +
      'fix them and drop them again.',
  );
});
