// @ts-check
// The core's table readers (src/io/table_builder.cpp) give advice in the CLI's words ("choose it
// (--label-column)"), which the CLI prints as they are. Through the JS API the same advice names the
// API's options instead: unwrap (errors.js) turns core messages into API words, and the CLI turns
// them back (src/cli/labelscope.mjs), so each audience reads its own. The page (web/) shows the
// same messages naming its own controls instead (pageWords): neither flags nor options mean anything there.

/** [CLI words, API words, the page's words] of each piece of advice. */
const WORDS = [
  ['(--label-column)', '(the labelColumn option)', '(with the “Label column” menu in the list of files)'],
  ['(--features)', '(the features option)', '(“Choose the columns first”, then set how each column is used)'],
  [
    '(--text-column)',
    '(the textColumn option)',
    '(“Free text (words)” in the table of columns: “Choose the columns first”)',
  ],
  [
    '(--data with find-issues or audit)',
    '(readDataset with { combined }, then audit)',
    '(used as one table in the list of files)',
  ],
  ['(--impute)', '(the impute option)', '(“Compute with missing values replaced by the mean”)'],
  ['(--fold-case)', '(the foldCase option)', '(“Read these spellings as one class”)'],
  [
    '(--float32)',
    '(the float32 option of readDataset, or a Float32Array)',
    '(this page does so itself for probability files over 256 MB)',
  ],
];

/**
 * Advice the core words for the CLI and the JS API at once, and the page's words for it: the page has
 * a control of its own for it, offered under the message (web/ui/plausibility.js).
 */
const PAGE_ONLY = [
  ['(--allow-unnormalized, or the allowUnnormalized option)', '(“These are probabilities — analyse anyway”, below)'],
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

/** A message of the JS API as the page shows it: its options (and the CLI's flags) named as the page's controls. */
export const pageWords = (message) => {
  let out = swap(message, 1, 2);
  for (const [from, to] of [...WORDS.map((w) => [w[0], w[2]]), ...PAGE_ONLY]) out = out.split(from).join(to);
  return out;
};

/** Every option (and flag) the page words differently: for tests that no message on the page names one. */
export const PAGE_WORDED = [...WORDS.flatMap((w) => [w[0], w[1]]), ...PAGE_ONLY.map((w) => w[0])];
