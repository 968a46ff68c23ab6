// @ts-check
// The core's table readers (src/io/table_builder.cpp) give advice in the CLI's words ("choose it
// (--label-column)"), which the CLI prints as they are. Through the JS API the same advice names the
// API's options instead: unwrap (errors.js) turns core messages into API words, and the CLI turns
// them back (src/cli/labelscope.mjs), so each audience reads its own.

/** [CLI words, API words] of each piece of advice. */
const WORDS = [
  ['(--label-column)', '(the labelColumn option)'],
  ['(--features)', '(the features option)'],
  ['(--text-column)', '(the textColumn option)'],
  ['(--data with find-issues or audit)', '(readDataset with { combined }, then audit)'],
  ['(--float32)', '(the float32 option of readDataset, or a Float32Array)'],
];

const swap = (message, from, to) => {
  let out = String(message);
  for (const pair of WORDS) out = out.split(pair[from]).join(pair[to]);
  return out;
};

/** A core message with the CLI's flags named as the JS API's options. */
export const apiWords = (message) => swap(message, 0, 1);

/** A message of the JS API with its options named as the CLI's flags again. */
export const cliWords = (message) => swap(message, 1, 0);
