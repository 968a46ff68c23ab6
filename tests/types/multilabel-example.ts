// ls.multiLabel typed, checked (not run) by `npx tsc -p tests/types`.
import {
  createLabelScope,
  createLabelScopeWorker,
  MultiLabelDataset,
  type Aggregator,
  type MultiLabelAuditReport,
  type MultiLabelHealthSummary,
} from 'labelscope';

export async function multiLabelTour(labelsFile: File, probsFile: File): Promise<void> {
  const ls = await createLabelScope();
  const ml = ls.multiLabel;
  const labels = [[0], [0, 1], [], [1, 2]];
  const predProbs = [
    [0.9, 0.1, 0.2],
    [0.8, 0.7, 0.1],
    [0.1, 0.2, 0.3],
    [0.2, 0.9, 0.8],
  ];

  const found = ml.findLabelIssues({
    labels,
    predProbs,
    filterBy: 'confident_learning',
    returnIndicesRankedBy: 'none',
  });
  const first: number | undefined = found.indices[0];
  const perClass: Int32Array[] = ml.findIssuesPerClass({ labels, predProbs }).perClass;
  const aggregator: Aggregator = 'softmin';
  const scores: Float64Array = ml.getLabelQualityScores({ labels, predProbs, aggregator, temperature: 0.5 }).scores;
  ml.getLabelQualityScores({ labels, predProbs, aggregator: 'exponential_moving_average', alpha: null });
  // @ts-expect-error not an aggregator
  ml.getLabelQualityScores({ labels, predProbs, aggregator: 'median' });
  const rows: number[][] = ml.getLabelQualityScoresPerClass({
    labels,
    predProbs,
    method: 'normalized_margin',
  }).perClass;
  const cj = ml.computeConfidentJoint({ labels, predProbs });
  const present: number = cj.confidentJoint[0][1][1];
  const n: number = ml.numLabelIssues({ labels, predProbs });
  const health: MultiLabelHealthSummary = ml.healthSummary({ labels, predProbs });
  const inGiven: boolean | undefined = health.commonIssues[0]?.inGivenLabel;

  const dataset: MultiLabelDataset = await ml.readDataset({ labels: labelsFile, predProbs: probsFile });
  const report: MultiLabelAuditReport = ml.audit(dataset, { rankBy: 'self_confidence', aggregator: 'min' });
  const missing: number[] | undefined = report.rows[0]?.missing;
  const sets: number[][] = dataset.labelSets();
  dataset.free();
  const csr = { offsets: new Int32Array([0, 1, 1]), classes: new Int32Array([2]) };
  ml.audit({ labels: csr, predProbs: new Float64Array(6), numClasses: 3 });

  const worker = await createLabelScopeWorker();
  const remote = await worker.multiLabel.readDataset({ labels: labelsFile, predProbs: probsFile });
  const remoteHealth: MultiLabelHealthSummary = await worker.multiLabel.healthSummary({ dataset: remote });
  await remote.free();

  // One-vs-rest probabilities from a table of label sets and features, straight into the audit.
  const cv = await ml.crossValProbs(
    { combined: labelsFile },
    {
      folds: 5,
      features: ['x1', 'x2'],
      onProgress: (p) => {
        if (p.stage === 'training') void p.foldsDone;
      },
    },
  );
  const fromCv: MultiLabelAuditReport = ml.audit({ labels: cv.labels, predProbs: cv.probs, numClasses: cv.numClasses });
  // Or a labels file of sets with an N x D features file (.npy, numeric CSV or Parquet).
  const pair = await ml.crossValProbs({ labels: labelsFile, features: probsFile }, { folds: 3 });
  const extra: string[] = (pair.extraColumns ?? []).map((c) => c.name);
  // @ts-expect-error labels need their features
  await ml.crossValProbs({ labels: labelsFile });
  const remoteCv = await worker.multiLabel.crossValProbs({ combined: labelsFile }, { seed: 1 });
  const firstName: string | undefined = remoteCv.classNames[0];
  void [first, perClass, scores, rows, present, n, inGiven, missing, sets, remoteHealth, fromCv, firstName, extra];
}
