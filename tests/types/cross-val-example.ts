// Typed use of crossValProbs (checked by `npx tsc -p tests/types`): a labelled table in, the
// result straight into audit(), per-fold progress, the column report.
import { createLabelScope, type CrossValResult, type CrossValProgress } from 'labelscope';

const ls = await createLabelScope();
const onProgress = (p: CrossValProgress): void => {
  if (p.stage === 'training') console.log(`fold ${p.foldsDone} of ${p.numFolds}`);
  else console.log(`${p.bytesRead} of ${p.totalBytes} bytes`);
};
const result: CrossValResult = await ls.crossValProbs(
  { combined: { name: 'iris.csv', data: 'x,species\n1,a\n2,b\n' } },
  { folds: 5, seed: 0, features: 'all', onProgress, signal: new AbortController().signal },
);
const report = ls.audit(result);
const used: string[] = result.featureReport.columns.filter((c) => c.use === 'numeric').map((c) => c.name);
console.log(report.issues.length, used, result.settings.c, result.folds[0]?.accuracy);
const dataset = await ls.datasetFromCrossVal(result);
dataset.free();
