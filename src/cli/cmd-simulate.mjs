// `labelscope simulate-noise`: flips a share of the labels with a seed (the JS API's simulateNoise,
// so the CLI, the API and the page flip the same rows) and writes NOISY.csv: label (the noisy
// label, as the input names classes), true_label and is_error, one row per example.
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { checkOutNotInput, sameFile } from './paths.mjs';
import { fileChunks } from './input.mjs';
import { writeOutput } from './write.mjs';
import { probsCsv } from '../js/cross-val-result.js';

const HELP = `Usage: labelscope simulate-noise (--data FILE | --labels L --pred-probs P) --rate R --seed S
                                 [--pair A,B] [--out NOISY.csv] [--features F --probs-out PROBS.csv]
       labelscope simulate-noise ... --noise-matrix M.csv --seed S   (instead of --rate)

Flips a chosen fraction of the labels, for lessons and for testing a detector: exactly
round(R x eligible rows) rows, chosen by a seeded shuffle. The same input, rate and seed flip the
same rows here, in the JS API (simulateNoise) and on the page; a higher rate with the same seed
flips those rows and more.

Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (read to know the classes and their names)
  --data FILE                 one CSV with a label column and one probability column per class;
                              with --features all|COL,...: a labelled table of feature columns
                              (CSV/TSV or Parquet), its probabilities computed here
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files

Options:
  --rate R                    fraction of the eligible rows to flip, in [0, 1] (e.g. 0.1)
  --seed S                    whole number from 0 to 2^53 - 1
  --pair A,B                  flip only rows labelled A or B, each to the other class of the pair
                              (class names or indices); R is then the fraction of those rows.
                              Without it every row is eligible and moves to one of the other
                              classes, uniformly
  --noise-matrix M.csv        instead of --rate: K rows of K numbers (a header of class names is
                              allowed), row = noisy label, column = true label, each column
                              summing to 1: of the n_j rows of class j, n_j x M[i][j] move to
                              class i (whole rows by largest remainder, so a column adds up to n_j),
                              e.g. 30 % of Shirt labelled T-shirt and nothing back

Probabilities for the noisy labels (optional):
  --features F                the data's features (N x D .npy or numeric CSV, one row per label),
                              or with --data TABLE (a labelled table of feature columns, e.g.
                              species,f1,f2,...): all or COL,COL,... (its own columns, as
                              'labelscope cross-val --data' takes them; the noisy labels replace
                              its label column): the probabilities are computed again by 5-fold cross-validated
                              logistic regression on the NOISY labels, as 'labelscope cross-val'
                              does. This is the honest check: the model learns from the flipped
                              labels, as it would from real mistakes. With --features, --pred-probs
                              may be left out (it is then computed from the given labels first)
  --probs-out FILE            PROBS.csv to analyse NOISY.csv with (a header of class names, one row
                              per example): recomputed with --features; without, the given
                              probabilities, kept. Keeping them is a teaching approximation: they
                              come from a model that never saw the flips, so flips are easier to find

Output:
  --out FILE                  NOISY.csv (default: standard output); never one of the input files
  CSV: label,true_label,is_error, one row per example in input order: the noisy label, the
       input's label (taken as the truth), is_error 1 if flipped; class names if the input labels
       are names, else indices.
  Give it back as labels: labelscope find-issues --labels NOISY.csv --pred-probs P
  (or --pred-probs PROBS.csv, the --probs-out file)`;

/** The command's entry in COMMANDS (args.mjs); INPUT: the shared input flags. */
export function simulateNoiseSpec(INPUT) {
  const { labels, 'pred-probs': predProbs, data, 'label-column': labelColumn, format, out } = INPUT;
  return {
    options: {
      labels,
      'pred-probs': predProbs,
      data,
      'label-column': labelColumn,
      format,
      out,
      'single-thread': INPUT['single-thread'],
      help: INPUT.help,
      rate: { type: 'string' },
      seed: { type: 'string' },
      pair: { type: 'string' },
      features: { type: 'string' },
      'probs-out': { type: 'string' },
      'noise-matrix': { type: 'string' },
    },
    formats: ['csv'],
    summary: 'flip a fraction of the labels with a seed (known truth for lessons)',
    help: HELP,
    check: checkSimulateValues,
  };
}

/** Flag checks of simulate-noise (usage errors, exit 2); converts --rate and --seed to numbers. */
export function checkSimulateValues(v, fail) {
  if (v.data !== undefined && (v.labels !== undefined || v['pred-probs'] !== undefined)) {
    fail('give either --data or --labels and --pred-probs, not both.');
  }
  const withFeatures = v.features !== undefined;
  if (v.data === undefined && (v.labels === undefined || (v['pred-probs'] === undefined && !withFeatures))) {
    fail(
      v.labels === undefined && v['pred-probs'] === undefined
        ? 'missing input: give --labels and --pred-probs (or --data).'
        : `missing ${v.labels === undefined ? '--labels' : '--pred-probs'}.`,
    );
  }
  if (v['label-column'] !== undefined && v.data === undefined) fail('--label-column goes with --data.');
  if (withFeatures && v['probs-out'] === undefined) {
    fail('--features needs --probs-out FILE: the probabilities recomputed on the noisy labels are written there.');
  }
  for (const key of ['labels', 'pred-probs', 'data', 'out', 'label-column', 'pair', 'features', 'probs-out']) {
    if (v[key] === '') fail(`--${key} needs a value.`);
  }
  v.format ??= 'csv';
  if (v.format !== 'csv') fail(`--format must be csv for simulate-noise; got '${v.format}'.`);
  if (v['noise-matrix'] !== undefined) {
    if (v['noise-matrix'] === '') fail('--noise-matrix needs a value.');
    if (v.rate !== undefined || v.pair !== undefined) {
      fail('--noise-matrix sets how many rows of each class flip and where: leave out --rate and --pair.');
    }
    v.noiseMatrix = readNoiseMatrix(v['noise-matrix'], fail);
  } else {
    if (v.rate === undefined) fail('missing --rate: the fraction of labels to flip, in [0, 1] (e.g. --rate 0.1).');
    const rate = v.rate.trim() === '' ? NaN : Number(v.rate);
    if (!(rate >= 0 && rate <= 1)) fail(`--rate must be a number in [0, 1]; got '${v.rate}'.`);
    v.rate = rate;
  }
  if (v.seed === undefined) {
    fail('missing --seed: a whole number such as --seed 7 (the same seed flips the same rows).');
  }
  if (!/^\s*\d+\s*$/.test(v.seed) || !Number.isSafeInteger(Number(v.seed))) {
    fail(`--seed must be a whole number from 0 to 2^53 - 1; got '${v.seed}'.`);
  }
  v.seed = Number(v.seed);
  checkOutNotInput(v, fail, 'the noisy labels');
  if (v.out !== undefined && v['noise-matrix'] !== undefined && sameFile(v.out, v['noise-matrix'])) {
    fail(`--out ${v.out} is an input file (--noise-matrix); write the noisy labels to another file.`);
  }
  const probsOut = v['probs-out'];
  if (probsOut !== undefined) {
    for (const flag of ['labels', 'pred-probs', 'data', 'features', 'out']) {
      if (v[flag] !== undefined && sameFile(probsOut, v[flag])) {
        fail(
          `--probs-out ${probsOut} is ${flag === 'out' ? 'the --out file' : `an input file (--${flag})`}; ` +
            'write the probabilities to another file.',
        );
      }
    }
  }
}

/**
 * The --noise-matrix file: K rows of K numbers (comma, tab or semicolon separated; a first line of
 * names is skipped). Whether K and the columns fit the data is checked by simulateNoise.
 */
function readNoiseMatrix(file, fail) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`cannot read --noise-matrix ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}.`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const rows = lines.map((line) => line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')));
  if (rows.length > 0 && rows[0].some((cell) => cell === '' || !Number.isFinite(Number(cell)))) rows.shift(); // names
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === '' || !Number.isFinite(Number(cell))) {
        fail(`--noise-matrix ${file}: row ${r + 1}, column ${c + 1} is '${cell}', not a number.`);
      }
    }),
  );
  if (rows.length === 0) fail(`--noise-matrix ${file} holds no rows of numbers.`);
  return rows.map((row) => row.map(Number));
}

const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;
const DELIMITERS = { comma: ',', tab: '\t', semicolon: ';' };
const SNIFF_LIMIT = 64 << 20;

/**
 * The text of one cell of a CSV file (RFC 4180 quoting), reading only as far as that record:
 * record and column are 1-based, as the dataset's source map counts them. undefined if not found.
 */
function csvCell(file, delimiter, record, column) {
  const fd = fs.openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(1 << 16);
    let [row, col, cell, offset] = [1, 1, '', 0];
    // quote: 0 outside quotes, 1 inside, 2 just after a quote inside (an escaped "" or the end)
    let [quote, afterCR, first] = [0, false, true];
    const found = () => row === record && col === column;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, offset);
      if (n === 0) return found() ? cell : undefined;
      offset += n;
      let text = decoder.write(buffer.subarray(0, n));
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      for (const ch of text) {
        if (afterCR) {
          afterCR = false;
          if (ch === '\n') continue;
        }
        if (quote === 2) {
          quote = ch === '"' ? 1 : 0;
          if (quote === 1) {
            cell += ch;
            continue;
          }
        } else if (quote === 1) {
          if (ch === '"') quote = 2;
          else cell += ch;
          continue;
        }
        if (ch === '"') {
          quote = 1;
        } else if (ch === delimiter || ch === '\n' || ch === '\r') {
          if (found()) return cell;
          if (ch === delimiter) {
            col++;
          } else {
            afterCR = ch === '\r';
            row++;
            col = 1;
          }
          cell = '';
          if (row > record) return undefined;
        } else {
          cell += ch;
        }
      }
      if (offset > SNIFF_LIMIT) return undefined;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function isNpy(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(6);
    return fs.readSync(fd, magic, 0, 6, 0) === 6 && magic.toString('latin1') === '\x93NUMPY';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether the input gives labels as class names (else indices): the first label cell of the
 * file, as the page decides when it exports labels in the form they came in.
 */
export function labelsAreNames(dataset, labelsFile) {
  if (isNpy(labelsFile)) return false; // integers
  const layout = /(comma|tab|semicolon)-separated/;
  const notes = dataset.notes.filter((n) => layout.test(n));
  const note = notes.find((n) => n.startsWith(`${dataset.source.labelsFile}:`)) ?? notes[0] ?? '';
  const delimiter = DELIMITERS[layout.exec(note)?.[1] ?? 'comma'];
  const first = csvCell(labelsFile, delimiter, dataset.source.labelsFirstRow, dataset.source.labelsColumn);
  return first !== undefined && first.trim() !== '' && !INTEGER.test(first);
}

/**
 * Runs the simulation on the dataset read: { csv: {header, rows}, warnings }. With --probs-out,
 * also writes the probabilities to analyse the noisy labels with (recomputed with --features).
 */
export async function simulateNoiseCommand(ls, dataset, v) {
  const args = v.noiseMatrix
    ? { dataset, noiseMatrix: v.noiseMatrix, seed: v.seed }
    : { dataset, rate: v.rate, seed: v.seed };
  if (v.pair !== undefined) args.pair = v.pair;
  let sim;
  if (v['probs-out'] !== undefined) {
    if (v.features !== undefined && v.data !== undefined) {
      // A labelled table: its own columns, trained on with the noisy labels in place of its label column.
      args.combined = { name: v.data, size: fs.statSync(v.data).size, data: fileChunks(v.data) };
      args.crossVal = {
        features: v.features,
        ...(v['label-column'] !== undefined ? { labelColumn: v['label-column'] } : {}),
      };
    } else if (v.features !== undefined) {
      const size = fs.statSync(v.features).size;
      args.features = { name: v.features, size, data: fileChunks(v.features) };
    }
    const r = await ls.simulateNoisyData({ ...args, probabilities: v.features !== undefined ? 'recompute' : 'keep' });
    sim = r.simulation;
    const n = r.labels.length;
    await writeOutput(
      probsCsv({ numExamples: n, numClasses: r.numClasses, classNames: r.classNames, predProbs: r.predProbs }),
      v['probs-out'],
    );
  } else {
    sim = ls.simulateNoise(args);
  }
  // Probabilities computed from features: the classes are the labels' own values (names or numbers).
  const byName =
    v['pred-probs'] === undefined && v.features !== undefined ? true : labelsAreNames(dataset, v.data ?? v.labels);
  const name = byName ? (c) => dataset.classNames[c] : (c) => c;
  const rows = new Array(sim.noisyLabels.length);
  for (let i = 0; i < rows.length; i++) rows[i] = [name(sim.noisyLabels[i]), name(sim.trueLabels[i]), sim.isError[i]];
  const warnings = dataset.warnings.map((w) => ({ code: w.code, message: w.message, count: w.count }));
  return { warnings, csv: { header: ['label', 'true_label', 'is_error'], rows } };
}
