// A typed tour of the labelscope API, checked (not run) by `npx tsc -p tests/types`.
// Every `@ts-expect-error` line must be a type error: wrong option values are rejected at compile time.
import {
  createLabelScope,
  createLabelScopeWorker,
  Dataset,
  LabelScope,
  LabelScopeError,
  type AuditReport,
  type SparseAuditReport,
  type SparseMatrix,
  type ClassQuality,
  type FilterBy,
  type FindLabelIssuesResult,
  type LabelScopeErrorCode,
  type LabelScopeWarning,
  type RankBy,
  type ReadProgress,
  type WorkerDataset,
} from 'labelscope';

// Another build of the module: the default export of e.g. build-wasm/small-memory/labelscope-core.mjs.
declare const smallMemoryBuild: (moduleOptions: object) => Promise<unknown>;

export async function tour(file: File, wasm: ArrayBuffer): Promise<void> {
  const ls: LabelScope = await createLabelScope({ wasmBinary: wasm });
  await createLabelScope({ locateFile: (path, dir) => `${dir}${path}` });
  await createLabelScope({ moduleFactory: smallMemoryBuild });

  // --- arrays in, typed arrays out ---
  const labels = new Int32Array([0, 0, 1, 1, 2, 2, 0]);
  const rows = [
    [0.9, 0.05, 0.05],
    [0.1, 0.8, 0.1],
    [0.1, 0.8, 0.1],
    [0.2, 0.7, 0.1],
    [0.1, 0.1, 0.8],
    [0.1, 0.2, 0.7],
    [0.8, 0.1, 0.1],
  ];
  const flat = new Float64Array(rows.flat());

  const found: FindLabelIssuesResult = ls.findLabelIssues({
    labels,
    predProbs: flat,
    numClasses: 3,
    filterBy: 'prune_by_noise_rate',
    returnIndicesRankedBy: 'self_confidence',
    fracNoise: 1,
    minExamplesPerClass: 1,
  });
  const mask: Uint8Array = found.mask;
  const ranked: Int32Array = found.indices; // most likely mislabelled first
  const warnings: LabelScopeWarning[] = found.warnings;
  console.log(
    mask.length,
    ranked[0],
    warnings.map((w) => `${w.code}: ${w.message}`),
  );

  ls.findLabelIssues({
    labels: [0, 0, 1, 1, 2, 2, 0],
    predProbs: rows,
    numToRemovePerClass: [1, 0, 0],
    filterBy: 'both',
  });
  ls.findLabelIssues({ labels, predProbs: new Float32Array(flat), numClasses: 3, returnIndicesRankedBy: 'none' });
  ls.findLabelIssues({ labels, predProbs: rows, returnIndicesRankedBy: 'confidence_weighted_entropy' });

  const filters: FilterBy[] = [
    'prune_by_noise_rate',
    'prune_by_class',
    'both',
    'confident_learning',
    'predicted_neq_given',
    'low_normalized_margin',
    'low_self_confidence',
  ];
  for (const filterBy of filters) ls.findLabelIssues({ labels, predProbs: rows, filterBy });

  const scores: Float64Array = ls.getLabelQualityScores({
    labels,
    predProbs: rows,
    method: 'normalized_margin',
    adjustPredProbs: true,
  }).scores; // lower = more likely mislabelled
  ls.getLabelQualityScores({ labels, predProbs: rows, method: 'confidence_weighted_entropy' });

  const cj = ls.computeConfidentJoint({ labels, predProbs: rows, calibrate: false });
  const joint: number[][] = cj.confidentJoint;
  const thresholds: number[] = cj.thresholds;
  const offDiagonal: Int32Array = cj.offDiagonal;

  const latent = ls.estimateLatent({
    labels,
    predProbs: rows,
    pyMethod: 'marginal_ps',
    convergeLatentEstimates: false,
  });
  const py: number[] = latent.py;
  const nm: number[][] = latent.noiseMatrix;
  const inm: number[][] = latent.inverseNoiseMatrix;

  const n1: number = ls.numLabelIssues({ labels, predProbs: rows, estimationMethod: 'off_diagonal_calibrated' });
  const n2: number = ls.numLabelIssues({
    labels,
    predProbs: rows,
    estimationMethod: 'off_diagonal_custom',
    confidentJoint: joint,
  });

  const health = ls.healthSummary({ labels, predProbs: rows, asymmetric: true });
  const worst: ClassQuality | undefined = health.classesByLabelQuality[0];
  console.log(health.overallLabelHealthScore, worst?.labelQualityScore, health.overlappingClasses[0]?.classA);
  const classes: ClassQuality[] = ls.rankClassesByLabelQuality({ labels, predProbs: rows });
  ls.findOverlappingClasses({ labels, predProbs: rows });

  // OOD: higher = more in-distribution. Labels are only needed to adjust the probabilities.
  const ood: Float64Array = ls.outOfDistributionScores({ labels, predProbs: rows, method: 'entropy' }).scores;
  ls.outOfDistributionScores({ predProbs: rows, method: 'least_confidence', adjustPredProbs: false });
  ls.outOfDistributionScores({ labels, predProbs: flat, numClasses: 3, method: 'gen' });

  const report: AuditReport = ls.audit({ labels, predProbs: rows }, { rankBy: 'normalized_margin', asymmetric: true });
  const rankBy: RankBy = report.rankBy;
  console.log(report.issues, report.labelQuality, report.suggestedLabel, report.classQuality, rankBy);
  // Many classes: the K x K matrices as their non-zero cells.
  const sparse: SparseAuditReport = ls.audit({ labels, predProbs: rows }, { matrices: 'sparse' });
  const cells: SparseMatrix | undefined = sparse.noiseMatrix;
  console.log(sparse.matrices, cells?.row, cells?.value, sparse.issues);
  // @ts-expect-error: matrices is 'full', 'sparse' or 'none'
  ls.audit({ labels, predProbs: rows }, { matrices: 'dense' });

  // --- files in: a Dataset in WebAssembly memory ---
  const progress: ReadProgress[] = [];
  const controller = new AbortController();
  const dataset: Dataset = await ls.readDataset(
    { combined: file },
    {
      onProgress: (p) => progress.push(p),
      signal: controller.signal,
      labelColumn: 'label',
      float32: true,
    },
  );
  try {
    const names: string[] = dataset.classNames;
    const firstRows: Float64Array = dataset.probabilityRows(0, 10);
    const audit = ls.audit(dataset, { filterBy: 'prune_by_class', rankBy: 'self_confidence' });
    ls.findLabelIssues({ dataset, filterBy: 'confident_learning' });
    ls.getLabelQualityScores({ dataset, method: 'self_confidence' });
    ls.healthSummary({ dataset });
    console.log(names, firstRows, audit.numLabelIssues, dataset.trueLabels?.length, dataset.source.predProbsFile);
  } finally {
    dataset.free();
  }
  const separate = await ls.readDataset(
    {
      labels: { name: 'labels.csv', data: 'label\n0\n1\n' },
      predProbs: new Uint8Array([0x30]),
    },
    { classNames: ['cat', 'dog'] },
  );
  separate.free();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield new Uint8Array(0);
  }
  (await ls.readDataset({ labels: chunks(), predProbs: await file.arrayBuffer() })).free();

  // --- errors ---
  try {
    ls.findLabelIssues({ labels, predProbs: rows });
  } catch (e) {
    if (e instanceof LabelScopeError) {
      const code: LabelScopeErrorCode = e.code;
      console.log(code, e.message, e.file, e.row, e.column, e.example, e.classIndex, e.toJSON().code);
    }
  }
  const err = new LabelScopeError({ code: 'bad_number', message: 'x', file: 'p.csv', row: 2, column: 3 });
  console.log(err instanceof Error, err.name);

  // --- the worker: same methods, promises ---
  const worker = await createLabelScopeWorker({ wasmBinary: wasm, workerUrl: new URL('./worker.js', location.href) });
  const wds: WorkerDataset = await worker.readDataset({ labels: file, predProbs: file }, { onProgress: () => {} });
  const wfound: FindLabelIssuesResult = await worker.findLabelIssues({ dataset: wds, filterBy: 'both' });
  const wreport: AuditReport = await worker.audit(wds, { rankBy: 'none' });
  const wrows: Float64Array = await wds.probabilityRows(0, 5);
  const wn: number = await worker.numLabelIssues({ labels: labels.slice(), predProbs: flat.slice(), numClasses: 3 });
  await wds.free();
  worker.terminate();
  console.log(wfound, wreport, wrows, wn, scores, joint, thresholds, offDiagonal, py, nm, inm, n1, n2, classes, ood);

  // --- wrong values are type errors ---
  // @ts-expect-error: 'bogus' is not a filterBy value
  ls.findLabelIssues({ labels, predProbs: rows, filterBy: 'bogus' });
  // @ts-expect-error: not a ranking method
  ls.findLabelIssues({ labels, predProbs: rows, returnIndicesRankedBy: 'margin' });
  // @ts-expect-error: cleanlab's snake_case name is not an option (use filterBy)
  ls.findLabelIssues({ labels, predProbs: rows, filter_by: 'both' });
  // @ts-expect-error: confidence_weighted_entropy cannot be combined with adjustPredProbs
  ls.getLabelQualityScores({ labels, predProbs: rows, method: 'confidence_weighted_entropy', adjustPredProbs: true });
  // @ts-expect-error: pyMethod values are 'cnt' | 'eqn' | 'marginal' | 'marginal_ps'
  ls.estimateLatent({ labels, predProbs: rows, pyMethod: 'count' });
  // @ts-expect-error: OOD methods are 'entropy' | 'least_confidence' | 'gen'
  ls.outOfDistributionScores({ labels, predProbs: rows, method: 'max' });
  // @ts-expect-error: without labels, adjustPredProbs: false is required
  ls.outOfDistributionScores({ predProbs: rows });
  // @ts-expect-error: off_diagonal_custom needs confidentJoint
  ls.numLabelIssues({ labels, predProbs: rows, estimationMethod: 'off_diagonal_custom' });
  // @ts-expect-error: a flat Float64Array needs numClasses
  ls.findLabelIssues({ labels, predProbs: flat });
  // @ts-expect-error: audit's option is rankBy, not returnIndicesRankedBy
  ls.audit({ labels, predProbs: rows }, { returnIndicesRankedBy: 'self_confidence' });
  // @ts-expect-error: a Dataset and arrays at once
  ls.findLabelIssues({ dataset: separate, labels, predProbs: rows });
  // @ts-expect-error: numLabelIssues does not take a Dataset
  ls.numLabelIssues({ dataset: separate });
  // @ts-expect-error: a worker cannot receive an async iterable
  await worker.readDataset({ labels: chunks(), predProbs: file });
  // @ts-expect-error: readDataset needs predProbs with labels
  await ls.readDataset({ labels: file });
  // @ts-expect-error: not an error code
  const badCode: LabelScopeErrorCode = 'oops';
  // @ts-expect-error: Dataset is created by readDataset only
  new Dataset();
  console.log(badCode);
}
