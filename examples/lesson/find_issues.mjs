#!/usr/bin/env node
// The lesson's cleanlab snippet, in JavaScript with labelscope:
//
//   from cleanlab.filter import find_label_issues
//   ranked_label_issues = find_label_issues(labels=labels, pred_probs=pred_probs,
//                                           return_indices_ranked_by='self_confidence')
//   print(f"cleanlab found {len(ranked_label_issues)} label issues.")
//   print(f"Top 10 most likely label errors: \n {ranked_label_issues[:10]}")
//
// Run: node examples/lesson/find_issues.mjs [labels.csv pred_probs.csv]
// (default: the headlines example; .csv, .tsv and .npy files all work).
import fs from 'node:fs';
import { createLabelScope } from '../../src/js/index.js';

const here = (file) => new URL(file, import.meta.url).pathname;
const [labelsFile = here('../headlines/labels.csv'), predProbsFile = here('../headlines/pred_probs.csv')] =
  process.argv.slice(2);

/** An integer array as numpy prints it: [ 3  2 39 ...] (right-aligned, wrapped at 75 columns). */
function numpyIntArray(values) {
  const width = Math.max(0, ...values.map((v) => String(v).length));
  let text = '';
  let line = '[';
  values.forEach((v, i) => {
    const word = String(v).padStart(width);
    const limit = i === values.length - 1 ? 74 : 75; // room for the closing bracket
    if (line.length + word.length > limit && line !== '[') {
      text += `${line.trimEnd()}\n`;
      line = ' ';
    }
    line += word + (i < values.length - 1 ? ' ' : '');
  });
  return `${text}${line}]`;
}

const ls = await createLabelScope();
const dataset = await ls.readDataset({
  labels: fs.createReadStream(labelsFile),
  predProbs: fs.createReadStream(predProbsFile),
});
try {
  const { indices: rankedLabelIssues } = ls.findLabelIssues({ dataset, returnIndicesRankedBy: 'self_confidence' });
  console.log(`cleanlab found ${rankedLabelIssues.length} label issues.`);
  console.log(`Top 10 most likely label errors: \n ${numpyIntArray(Array.from(rankedLabelIssues.subarray(0, 10)))}`);
} finally {
  dataset.free();
}
