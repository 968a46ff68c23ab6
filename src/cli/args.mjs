// Command-line arguments: which flags each command takes, strict parsing, help texts and usage
// errors (exit code 2). Option VALUES that only the core can judge (--filter-by bogus) are passed
// on; the core answers with an invalid_option error, which the caller also treats as usage.
import { parseArgs } from 'node:util';
import { checkFeatureValues, CROSS_VAL_COMMAND, FEATURE_HELP, FEATURE_OPTIONS } from './cmd-cross-val.mjs';
import { MULTI_LABEL_CROSS_VAL_HELP } from './cmd-cross-val-multilabel.mjs';
import { simulateNoiseSpec } from './cmd-simulate.mjs';
import { checkMultiLabelValues, MULTI_LABEL_HELP, MULTI_LABEL_OPTIONS } from './cmd-multilabel.mjs';
import { checkOutNotInput, checkRepeatedFlags } from './paths.mjs';
import { commandSuggestion, flagSuggestion } from './suggest.mjs';

export class UsageError extends Error {
  constructor(message, command) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

const INPUT = {
  labels: { type: 'string' },
  'pred-probs': { type: 'string' },
  data: { type: 'string' },
  'label-column': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'single-thread': { type: 'boolean' },
  'allow-unnormalized': { type: 'boolean' },
  float32: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
const FIND = {
  'filter-by': { type: 'string' },
  'rank-by': { type: 'string' },
  'frac-noise': { type: 'string' },
  'min-examples-per-class': { type: 'string' },
  'adjust-pred-probs': { type: 'boolean' },
};

const INPUT_HELP = `Input (one of):
  --labels L --pred-probs P   labels (class index or name per row) and predicted probabilities
                              (one column per class); .csv, .tsv or .npy, recognised by content
  --data FILE                 one CSV with a label column, one probability column per class and
                              optional id/text columns (kept in the output of audit)
  --label-column NAME         with --data: the label column (default: label, labels, given_label, y)
  --single-thread             read without the helper thread that prepares memory for big files
                              (same results; the helper saves time on multi-core machines)
  --allow-unnormalized        use probabilities whose rows mostly do not sum to 1 as given (with a
                              warning); without it they are refused as looking like features
  --float32                   keep the probabilities as float32 (half the memory; scores are
                              computed on the float32-rounded values)`;

const outputHelp = (formats) => `Output:
  --format ${formats.join('|').padEnd(19)}${formats.length > 1 ? `default ${formats[0]}` : 'the only format'}
  --out FILE                  write there instead of standard output`;
const OUTPUT_HELP = outputHelp(['json', 'csv']);

const FIND_HELP = `  --filter-by M               prune_by_noise_rate (default), prune_by_class, both,
                              confident_learning, predicted_neq_given, low_normalized_margin,
                              low_self_confidence
  --rank-by R                 self_confidence (default), normalized_margin,
                              confidence_weighted_entropy, or none (ascending index order)
  --frac-noise F              fraction of the estimated issues to flag, in (0, 1] (default 1)
  --min-examples-per-class N  the prune methods leave at least N examples in every class
                              (default 1)
  --adjust-pred-probs         rank with probabilities adjusted by the class thresholds`;

export const COMMANDS = {
  'find-issues': {
    options: { ...INPUT, ...FIND },
    formats: ['json', 'csv'],
    summary: 'flag likely label errors (cleanlab.filter.find_label_issues)',
    help: `Usage: labelscope find-issues (--labels L --pred-probs P | --data FILE) [options]

Flags the examples whose given label is likely wrong, most likely first.

${INPUT_HELP}

Options:
${FIND_HELP}

${OUTPUT_HELP}
  JSON: {"n","k","filter_by","rank_by","num_issues","indices":[...],"warnings":[...]}
  CSV:  rank,index,label_quality,given_label,suggested_label, one row per flagged example;
        label_quality is the --rank-by score (self_confidence with --rank-by none)`,
  },
  scores: {
    options: { ...INPUT, method: { type: 'string' }, 'adjust-pred-probs': { type: 'boolean' } },
    formats: ['json', 'csv'],
    summary: 'label quality score of every example (cleanlab.rank.get_label_quality_scores)',
    help: `Usage: labelscope scores (--labels L --pred-probs P | --data FILE) [options]

One label quality score per example, between 0 and 1: lower = more likely mislabelled.

${INPUT_HELP}

Options:
  --method M                  self_confidence (default), normalized_margin,
                              confidence_weighted_entropy
  --adjust-pred-probs         subtract the class thresholds first (not with
                              confidence_weighted_entropy)

${OUTPUT_HELP}
  JSON: {"method","adjust_pred_probs","scores":[...],"warnings":[...]}
  CSV:  index,score`,
  },
  health: {
    options: { ...INPUT },
    formats: ['json'],
    summary: 'dataset label health: per-class noise, overlapping classes, noise matrices',
    help: `Usage: labelscope health (--labels L --pred-probs P | --data FILE) [--format json]

The overall label health score, the classes ranked by label quality (worst first), the pairs of
classes most often confused, the confident joint, the noise matrices and the prior of the true
labels (cleanlab.dataset.health_summary, count.estimate_py_and_noise_matrices_from_probabilities).

${INPUT_HELP}

${outputHelp(['json'])}`,
  },
  audit: {
    options: { ...INPUT, ...FIND },
    formats: ['json', 'csv'],
    summary: 'everything for a review: flagged examples with suggested labels, rows and data',
    help: `Usage: labelscope audit (--labels L --pred-probs P | --data FILE) [options]

One row per flagged example, most likely error first: its index (from 0), its row (row N = the
N-th data row of the file, header not counted: index + 1), the given and the suggested
label, the label quality score, the probabilities of both labels, and the id/text columns of a
--data file. The JSON adds a summary.

${INPUT_HELP}

Options (as for find-issues):
${FIND_HELP}

${OUTPUT_HELP}
  JSON: {"n","k","class_names","filter_by","rank_by","num_issues","num_label_issues",
         "overall_label_health_score","warnings","issues":[{"rank","index","row",...}]}
  CSV:  rank,index,row,given_label,suggested_label,label_quality,given_probability,
        suggested_probability, then the id/text columns of --data`,
  },
};

// Probabilities from features (src/cli/cmd-cross-val.mjs): the cross-val command, and
// --features / --text-column in place of --pred-probs for the others.
for (const name of ['find-issues', 'scores', 'health', 'audit']) {
  Object.assign(COMMANDS[name].options, FEATURE_OPTIONS);
  COMMANDS[name].help += `\n\n${FEATURE_HELP}`;
}
// Multi-label data (src/cli/cmd-multilabel.mjs): --multi-label and its flags on the same four.
for (const name of ['find-issues', 'scores', 'health', 'audit']) {
  Object.assign(COMMANDS[name].options, MULTI_LABEL_OPTIONS);
  COMMANDS[name].help += `\n\n${MULTI_LABEL_HELP}`;
}
COMMANDS['cross-val'] = CROSS_VAL_COMMAND;
// One-vs-rest for a table of label sets (src/cli/cmd-cross-val-multilabel.mjs).
COMMANDS['cross-val'].options['multi-label'] = { type: 'boolean' };
COMMANDS['cross-val'].help += `\n\n${MULTI_LABEL_CROSS_VAL_HELP}`;
// Simulated label noise (src/cli/cmd-simulate.mjs): its own flags and checks.
COMMANDS['simulate-noise'] = simulateNoiseSpec(INPUT);

/**
 * labelscope --help. `nodeOnly`: for the native CLI's help (src/native/help.gen.mjs), the commands it leaves
 * to this one, listed apart with where they are.
 */
export function topHelp(version, nodeOnly = []) {
  const line = (name) => `  ${name.padEnd(14)} ${COMMANDS[name].summary}`;
  const lines = Object.keys(COMMANDS)
    .filter((name) => !nodeOnly.includes(name))
    .map(line);
  const from = nodeOnly.length
    ? `.
Probabilities computed from a labelled table's own features (--features, --text-column) are
the Node CLI's: npx labelscope <command> ... (this native build has no trainer).`
    : `, or
from a labelled table alone: --features (or cross-val) computes the probabilities first.`;
  const elsewhere = nodeOnly.length
    ? `\n\nIn the Node CLI only (npx labelscope <command>):\n${nodeOnly.map(line).join('\n')}`
    : '';
  return `labelscope ${version}: find likely label errors in classification data (confident learning,
as in cleanlab 2.9), from given labels and a model's out-of-sample predicted probabilities${from}

Usage: labelscope <command> [options]

Commands:
${lines.join('\n')}${elsewhere}

Run 'labelscope <command> --help' for the options of a command.
Exit codes: 0 success, 1 unexpected error, 2 usage error, 3 bad input file.`;
}

const has = (args, ...flags) => args.some((a) => flags.includes(a));

/**
 * Parses argv (without node and the script). Returns one of
 * { kind: 'help' | 'version', text? } or { kind: 'run', command, values }.
 */
export function parseCommandLine(argv) {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given.');
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-V') return { kind: 'version' };
  const spec = COMMANDS[command];
  if (!spec) {
    const what = command.startsWith('-')
      ? `unknown option '${command}'.`
      : `unknown command '${command}'.${commandSuggestion(command, Object.keys(COMMANDS))}`;
    throw new UsageError(`${what} Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  }
  if (has(rest, '--help', '-h')) return { kind: 'help', command };
  let values;
  let tokens;
  try {
    ({ values, tokens } = parseArgs({
      args: rest,
      options: spec.options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch (e) {
    throw new UsageError(describeParseError(e, spec), command);
  }
  const fail = (message) => {
    throw new UsageError(message, command);
  };
  checkRepeatedFlags(tokens, fail); // parseArgs keeps the last of --labels a --labels b
  checkValues(command, spec, values);
  checkOutNotInput(values, fail);
  return { kind: 'run', command, values };
}

function describeParseError(e, spec) {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'.${flagSuggestion(option, Object.keys(spec.options))}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${/'([^']*)'/.exec(e.message)?.[1]}' (every value follows its --flag).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(e.message)) {
        return `option '${option}' needs a value; for a value starting with '-', write ${option}=VALUE.`;
      }
      if (/argument missing/.test(e.message)) return `option '${option}' needs a value.`;
      return `option '${option}' takes no value.`;
    default:
      return e.message.split('\n')[0];
  }
}

function checkValues(command, spec, v) {
  const fail = (message) => {
    throw new UsageError(message, command);
  };
  if (spec.check) return spec.check(v, fail); // a command with its own flags (simulate-noise)
  checkMultiLabelValues(command, v, fail);
  const featureRun = checkFeatureValues(command, v, fail);
  if (!featureRun && v.data !== undefined && (v.labels !== undefined || v['pred-probs'] !== undefined)) {
    fail('give either --data or --labels and --pred-probs, not both.');
  }
  if (!featureRun && v.data === undefined && (v.labels === undefined || v['pred-probs'] === undefined)) {
    fail(
      v.labels === undefined && v['pred-probs'] === undefined
        ? 'missing input: give --labels and --pred-probs (or --data).'
        : `missing ${v.labels === undefined ? '--labels' : '--pred-probs'}.`,
    );
  }
  if (v['label-column'] !== undefined && v.data === undefined) fail('--label-column goes with --data.');
  for (const key of ['labels', 'pred-probs', 'data', 'out', 'label-column']) {
    if (v[key] === '') fail(`--${key} needs a value.`);
  }
  v.format ??= spec.formats[0];
  if (!spec.formats.includes(v.format)) {
    fail(`--format must be ${spec.formats.join(' or ')} for ${command}; got '${v.format}'.`);
  }
  if (v['frac-noise'] !== undefined) {
    const f = v['frac-noise'].trim() === '' ? NaN : Number(v['frac-noise']);
    if (!Number.isFinite(f)) fail(`--frac-noise must be a number in (0, 1]; got '${v['frac-noise']}'.`);
    v['frac-noise'] = f;
  }
  if (v['min-examples-per-class'] !== undefined) {
    const text = v['min-examples-per-class'];
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(Number(text))) {
      fail(`--min-examples-per-class must be a whole number >= 0; got '${v['min-examples-per-class']}'.`);
    }
    v['min-examples-per-class'] = Number(v['min-examples-per-class']);
  }
}
