// @ts-check
// Warnings about the classes read: names that differ only in capitals or spacing ('billing', 'Billing',
// 'BILLING') are separate classes, as written; if they mean one class, the file should say so.

/** The form two class names share when they differ only in capitals (A-Z) or spacing, as crossValProbs' foldCase. */
const folded = (/** @type {string} */ name) =>
  name
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * One 'classes_differ_in_case' warning per group of class names that differ only in capitals or spacing, with
 * the rows of each ({code, message, count: rows in the group, example: its first row's index, classIndex: the
 * group's first class}). Not merged: the data may mean them apart. `counts[c]`: examples of class c.
 * @param {string[]} classNames
 * @param {ArrayLike<number>} counts
 * @param {ArrayLike<number>} [firstExample] first example of each class, when known
 */
export function caseVariantWarnings(classNames, counts, firstExample = []) {
  const groups = new Map();
  classNames.forEach((name, c) => {
    const key = folded(name);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  });
  const warnings = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The most common spelling first: the one the others are likely meant to be.
    const members = [...group].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
    const names = members.map((c) => `'${classNames[c]}'`);
    const rows = members.map((c) => counts[c] ?? 0);
    const total = rows.reduce((s, r) => s + r, 0);
    const capitals = new Set(members.map((c) => classNames[c].replace(/[ \t]+/g, ' ').trim())).size > 1;
    const spacing = new Set(members.map((c) => classNames[c].toLowerCase())).size > 1;
    const how = capitals && spacing ? 'capitals and spacing' : capitals ? 'capitals' : 'spacing';
    const firsts = members.map((c) => firstExample[c]).filter((e) => e !== undefined && e >= 0);
    warnings.push({
      code: 'classes_differ_in_case',
      count: total,
      example: firsts.length ? Math.min(...firsts) : -1,
      classIndex: members[0],
      classes: members,
      message:
        `Classes ${listWords(names)} differ only in ${how}: ${total.toLocaleString('en-US')} rows ` +
        `(${rows.map((r) => r.toLocaleString('en-US')).join(', ')}) are read as ${members.length} separate classes. ` +
        'If they are the same class, fix the file (write one spelling) and read it again; until then the model ' +
        'and the flags treat them as different classes.',
    });
  }
  if (warnings.length <= MAX_GROUPS) return warnings;
  // Thousands of classes can hold hundreds of such groups: the first ones, then how many more.
  const rest = warnings.slice(MAX_GROUPS);
  return [
    ...warnings.slice(0, MAX_GROUPS),
    {
      code: 'classes_differ_in_case',
      count: rest.reduce((s, w) => s + w.count, 0),
      example: -1,
      classIndex: rest[0].classIndex,
      classes: rest.flatMap((w) => w.classes),
      message:
        `${rest.length.toLocaleString('en-US')} more groups of classes differ only in capitals or spacing ` +
        `(${rest.reduce((s, w) => s + w.count, 0).toLocaleString('en-US')} rows), such as ` +
        `${listWords(rest[0].classes.map((c) => `'${classNames[c]}'`))}.`,
    },
  ];
}

// Groups said one by one; the rest in one warning.
const MAX_GROUPS = 10;

/** The same warnings from one label (class index) per row. */
export function caseVariantWarningsOfLabels(classNames, labels) {
  if (new Set(classNames.map(folded)).size === classNames.length) return []; // the common case: no row counted
  const counts = new Array(classNames.length).fill(0);
  const first = new Array(classNames.length).fill(-1);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0 || c >= counts.length) continue;
    if (counts[c]++ === 0) first[c] = i;
  }
  return caseVariantWarnings(classNames, counts, first);
}

const listWords = (/** @type {string[]} */ items) =>
  items.length === 2 ? `${items[0]} and ${items[1]}` : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The case warnings in one sentence, for an error they may explain (a class too small for the folds that is a
 * spelling of another): "Classes that differ only in capitals or spacing are read apart here: 'a' and 'A'; ...".
 * @param {string[]} classNames
 * @param {{ classes: number[] }[]} warnings caseVariantWarnings'
 */
export function caseVariantSentence(classNames, warnings) {
  const groups = warnings.map((w) => listWords(w.classes.map((c) => `'${classNames[c]}'`)));
  return (
    `Classes that differ only in capitals or spacing are read apart here: ${groups.join('; ')}. If ` +
    `${groups.length === 1 ? 'they are one class' : 'each group is one class'}, fix the file (write one spelling) ` +
    `and read it again, ${FOLD_ADVICE}.`
  );
}

// What a model trained here can do instead of a fixed file; the CLI and the page name it in their own words
// (option-words.js).
const FOLD_ADVICE = 'or read each group as one class, its most common spelling (the foldCase option)';
const FOLD_ADVICE_ONE = 'Or read them as one class, named by the most common spelling (the foldCase option).';

/**
 * The case warnings of a table a model is trained on here, with the other way out: crossValProbs' foldCase.
 * @template {{ code: string, message: string }} W
 * @param {W[]} warnings caseVariantWarnings'
 * @returns {W[]}
 */
export const withFoldAdvice = (warnings) =>
  warnings.map((w) => (w.code === 'classes_differ_in_case' ? { ...w, message: `${w.message} ${FOLD_ADVICE_ONE}` } : w));
