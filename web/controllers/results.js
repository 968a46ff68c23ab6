// What a lesson or quiz page gets in the labelscope-result event: the numbers of the current
// result, plain data (no DOM).
import { displayColumns } from './columns.js';

/**
 * ctx: {dataset, report, truth}; scores: scoreFlags(truth, issues) or null; source: the data's
 * name; numDecided: decisions made on this dataset.
 */
export function resultDetail({ dataset, report }, { scores, source, numDecided }) {
  const { id } = displayColumns(dataset);
  const issues = Array.from(report.issues);
  const detail = {
    numExamples: report.numExamples,
    numClasses: report.numClasses,
    classNames: [...dataset.classNames],
    numIssues: issues.length,
    issues,
    ids: id ? issues.map((i) => id.values[i]) : null,
    numLabelIssues: report.numLabelIssues,
    estimatedNoiseRate: report.numLabelIssues / report.numExamples,
    healthScore: report.healthScore,
    filterBy: report.filterBy,
    rankBy: report.rankBy,
    source,
    numDecided,
    truth: null,
  };
  if (scores) {
    const s = scores;
    detail.truth = {
      numErrors: s.numErrors,
      numReviewed: s.numKnown,
      flaggedConfirmed: s.confirmed,
      flaggedCorrect: s.correct,
      flaggedUnknown: s.unknown,
      precision: s.precision,
      recall: s.recall,
    };
  }
  return detail;
}
