// Each row explains itself in words, from the report's own numbers: "Labelled cat; the model gives
// dog 0.94, above dog's threshold 0.61; cat only 0.03." Returned as parts — strings and {cls} —
// so the page can emphasise class names and exports/screen readers can use plain text.
import { formatProbability } from './format.js';

// "0.94", or words at the extremes: "gives 3 >0.999" would read badly.
function p(value) {
  const text = formatProbability(value);
  if (text.startsWith('>')) return `over ${text.slice(1)}`;
  if (text.startsWith('<')) return `under ${text.slice(1)}`;
  return text;
}

// Class names that look like numbers ("3") are quoted so they do not run into the probabilities.
const looksNumeric = (text) => /^[-+.\d]/.test(text);
const name = (text) => ({ cls: looksNumeric(text) ? `“${text}”` : text });
// "dog’s threshold", but "its threshold" rather than "“3”’s threshold".
const whose = (text, part) => (looksNumeric(text) ? ['its'] : [part, '’s']);

const FILTER_PHRASES = {
  predicted_neq_given: 'the model’s top class differs from the label',
  low_self_confidence: 'its label quality is among the lowest',
  low_normalized_margin: 'its margin for the label is among the lowest',
};

/** ctx: {classNames, labels, report}. */
export function explainParts(i, { classNames, labels, report }) {
  const given = labels[i];
  const suggested = report.suggestedLabel[i];
  const counted = report.confidentJointLabel[i]; // -1: no class reached its threshold
  const pGiven = report.givenProbability[i];
  const pSuggested = report.suggestedProbability[i];
  const g = name(classNames[given]);
  const s = name(classNames[suggested]);
  const tGiven = report.thresholds[given];
  const tSuggested = report.thresholds[suggested];

  let parts;
  if (suggested !== given && counted === suggested) {
    parts = [
      'Labelled ',
      g,
      '; the model gives ',
      s,
      ` ${p(pSuggested)}, above `,
      ...whose(classNames[suggested], s),
      ` threshold ${p(tSuggested)}; `,
      g,
      pGiven < tGiven && !p(pGiven).startsWith('under') ? ` only ${p(pGiven)}.` : ` ${p(pGiven)}.`,
    ];
  } else if (suggested !== given) {
    parts = [
      'Labelled ',
      g,
      '; no class reaches its threshold. The model’s top guess is ',
      s,
      ` ${p(pSuggested)} (threshold ${p(tSuggested)}); `,
      g,
      ` gets ${p(pGiven)}.`,
    ];
  } else if (counted === given) {
    parts = ['Labelled ', g, '; the model agrees: ', g, ` ${p(pGiven)}, above its threshold ${p(tGiven)}.`];
  } else {
    parts = [
      'Labelled ',
      g,
      '; the model leans the same way but is unsure: ',
      g,
      ` ${p(pGiven)}, below its threshold ${p(tGiven)}.`,
    ];
  }
  if (report.isLabelIssue[i] && suggested === given) {
    parts.push(` Flagged because ${FILTER_PHRASES[report.filterBy] ?? 'its label quality is low'}.`);
  }
  return parts;
}

export function partsToText(parts) {
  return parts.map((part) => (typeof part === 'string' ? part : part.cls)).join('');
}

export function explainText(i, ctx) {
  return partsToText(explainParts(i, ctx));
}
