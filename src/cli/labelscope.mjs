#!/usr/bin/env node
// labelscope on the command line: find likely label errors from given labels and a model's
// out-of-sample predicted probabilities. Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 bad input.
import fs from 'node:fs';
import { COMMANDS, parseCommandLine, topHelp, UsageError } from './args.mjs';
import { RUN } from './commands.mjs';
import { crossValCommand, datasetFromFeatures, featureFiles, isFeatureRun } from './cmd-cross-val.mjs';
import { modelFacts, modelSummary } from './model-summary.mjs';
import { InputError, inputFiles, readInput } from './input.mjs';
import { progressLine } from './progress.mjs';
import { csvChunks, jsonChunks } from './output.mjs';
import { errorWhere } from '../js/errors.js';
import { cliWords } from '../js/option-words.js';
import { OutputError, writeOutput } from './write.mjs';
import { multiLabelHint, multiLabelRun } from './cmd-multilabel.mjs';
import { multiLabelCrossValCommand } from './cmd-cross-val-multilabel.mjs';
import { inputHint } from './input-hints.mjs';
import { foldsWords } from './flag-words.mjs';

const EXIT = { ok: 0, unexpected: 1, usage: 2, input: 3 };

const version = () => JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const oneLine = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const say = (text) => process.stderr.write(`${oneLine(text)}\n`);

function usageFailure(message, command) {
  const help = command ? `labelscope ${command} --help` : 'labelscope --help';
  say(`labelscope${command ? ` ${command}` : ''}: ${message} Try '${help}'.`);
  return EXIT.usage;
}

/**
 * "file, row 5, column 2: message" with whatever the error knows (errorWhere); the JS API's option
 * names in the core's advice are the CLI's flags here (option-words.js).
 */
function located(error) {
  const where = errorWhere(error);
  const message = foldsWords(cliWords(error.message));
  return where ? `${where}: ${message}` : message;
}

function failure(error, command) {
  if (error instanceof UsageError) return usageFailure(error.message, command);
  if (error?.name === 'LabelScopeError') {
    if (error.code === 'invalid_option') return usageFailure(error.message, command);
    if (error.code === 'internal_error') {
      say(`labelscope: ${error.message}`);
      return EXIT.unexpected;
    }
    say(`labelscope: ${located(error)}`);
    return EXIT.input;
  }
  if (error instanceof InputError || error instanceof OutputError) {
    say(`labelscope: ${located(error)}`);
    return EXIT.input;
  }
  say(`labelscope: unexpected error: ${error?.message ?? error}`);
  return EXIT.unexpected;
}

// The output in pieces (src/cli/write.mjs writes them): K x K matrices a row at a time. `said`:
// warnings already on stderr (a model's, with its summary).
function* render(result, format, said) {
  if (format === 'csv') {
    for (const w of result.warnings) if (!said.has(w.message)) say(`labelscope: warning: ${w.message}`);
    yield* csvChunks(result.csv.header, result.csv.rows);
    return;
  }
  yield* jsonChunks(result.json);
  yield '\n';
}

/** Writes text or pieces of text to --out or standard output; a failure is an OutputError (exit 3). */
const emit = (pieces, out) => writeOutput(pieces, out);

// Loaded on demand: --help and usage errors need no WebAssembly.
// The threaded core (Node's default) helps only with big inputs: its helper is a worker that loads
// its own copy of the module (~0.1 s of CPU), and below 256 MiB the core splits no work (the parse is
// split from 256 MiB of text, the passes from 2^25 values: WASM_MIN_WORK, src/core/parallel.hpp), so
// it could only warm fresh memory, which does not pay for the worker (1M x 10, 100 MB of CSV: 0.66 s
// wall with it, 0.58 s without, idle machine). Smaller inputs load the single-threaded core.
// LABELSCOPE_HELPER_MIN_BYTES sets another size (tests of the threaded core on small files).
const HELPER_MIN_BYTES = Number(process.env.LABELSCOPE_HELPER_MIN_BYTES) || 256 << 20;
async function loadCore(values, files) {
  let api;
  try {
    api = await import('../js/index.js');
  } catch (e) {
    throw new Error(`cannot load the WebAssembly core (${e.message}). Build it with 'npm run build'.`);
  }
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  return api.createLabelScope(values['single-thread'] || bytes < HELPER_MIN_BYTES ? { threads: false } : {});
}

// Errors about the whole dataset come without a file; name the file they are about.
const LABEL_ERRORS = ['single_label_class', 'label_out_of_range', 'bad_label', 'unknown_class'];
function withFile(error, files) {
  if (error?.name !== 'LabelScopeError' || error.file || error.code === 'invalid_option') return error;
  const role = files.length === 1 ? 'combined' : LABEL_ERRORS.includes(error.code) ? 'labels' : 'predProbs';
  error.file = files.find((f) => f.role === role)?.path;
  return error;
}

async function run(command, values) {
  const featureRun = isFeatureRun(command, values); // probabilities computed from features first
  const files = featureRun ? featureFiles(values) : inputFiles(values); // missing files fail before the module loads
  const ls = await loadCore(values, files);
  const progress = progressLine(values.quiet); // stderr (src/cli/progress.mjs)
  let dataset;
  // A model trained here: its summary on stderr (unless --quiet), its facts as the JSON's "model"
  // (src/cli/model-summary.mjs), its warnings with the summary, or alone for PROBS.csv (no other place).
  let model;
  const said = new Set();
  const trained = (cv) => {
    model = modelFacts(cv);
    if (!values.quiet) for (const line of modelSummary(model)) say(`labelscope: ${line}`);
    if (values.quiet && command !== 'cross-val') return;
    for (const w of cv.warnings) {
      say(`labelscope: warning: ${w.message}`);
      said.add(w.message);
    }
  };
  try {
    if (command === 'cross-val') {
      // one-vs-rest for label sets (no summary of its models yet: only their warnings)
      const warned = (cv) => cv.warnings?.forEach((w) => say(`labelscope: warning: ${w.message}`));
      if (values['multi-label'])
        return await emit(await multiLabelCrossValCommand(ls, files, values, warned), values.out);
      return await emit(await crossValCommand(ls, files, values, trained), values.out);
    }
    if (values['multi-label']) {
      return await emit(await multiLabelRun(ls, command, files, values, progress, say, featureRun), values.out);
    }
    // simulate-noise writes probabilities trained again on the noisy labels: this model is not theirs.
    const told = command === 'simulate-noise' ? undefined : trained;
    dataset = featureRun
      ? await datasetFromFeatures(ls, files, values, told)
      : await readInput(ls, files, values, progress);
    progress.step(`analysing ${dataset.numExamples} examples...`);
    const result = await RUN[command](ls, dataset, values); // simulate-noise may train a model
    if (model && result.json) result.json.model = model;
    progress.clear();
    await emit(render(result, values.format, said), values.out);
  } catch (e) {
    // What the files look like when it says more (swapped, features given as probabilities): input-hints.mjs.
    const hinted = featureRun ? e : await inputHint(e, ls, files, values);
    throw withFile(await multiLabelHint(hinted, ls, files), files);
  } finally {
    progress.clear();
    dataset?.free();
  }
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    return failure(e, e.command);
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`labelscope ${version()}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.command ? COMMANDS[parsed.command].help : topHelp(version())}\n`);
    return EXIT.ok;
  }
  try {
    await run(parsed.command, parsed.values);
    return EXIT.ok;
  } catch (e) {
    return failure(e, parsed.command);
  }
}

// `labelscope ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  say(`labelscope: cannot write to standard output: ${e.message}`);
  process.exit(EXIT.input); // a failure while writing: exit 3, as for --out
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = failure(e);
  },
);
