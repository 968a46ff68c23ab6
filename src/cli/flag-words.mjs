// The core's advice on the number of folds is worded for every audience ("Use 3 folds or fewer"); on the
// command line it names the flag that does it ("Use --folds 3 or fewer"). The other flags' words:
// src/js/option-words.js (cliWords).
const FOLDS = [
  [/\bUse (\d+) folds or fewer\b/g, 'Use --folds $1 or fewer'],
  [
    /\bThere are (\d+) examples, fewer than the (\d+) folds\. Use fewer folds \(at least 2\)/g,
    'There are $1 examples, fewer than the $2 folds. Use --folds $1 or fewer (at least 2)',
  ],
];

/** A message with its advice on folds naming --folds. */
export const foldsWords = (message) => FOLDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
