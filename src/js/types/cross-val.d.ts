// labelscope types: out-of-sample probabilities from features (crossValProbs) (re-exported by ../index.d.ts).
import type { LabelScope, LabelScopeWorker, WorkerByteSource, WorkerDataset } from './api.js';
import type { AuditControl, AuditOptions, AuditReport, FilterBy, LabelScopeWarning } from './core.js';
import type { ByteSource, DataSource, Dataset } from './datasets.js';
import type { ClassRef, DetectionScore, NoiseSimulation, NoiseSource, SimulateNoiseArgs } from './simulate.js';

// ---- out-of-sample probabilities from features (crossValProbs, src/js/cross-val.js) ----------------

/**
 * What crossValProbs reads: a labelled table (CSV, TSV or Parquet), or labels + an N x D features
 * file (.npy or numeric CSV).
 */
export type CrossValInput<S = ByteSource> =
  | { combined: DataSource<S> }
  | { labels: DataSource<S>; features: DataSource<S> };

/** Progress of crossValProbs: bytes while reading, then folds while training. */
export type CrossValProgress =
  | { stage: 'reading'; file: string; bytesRead: number; totalBytes: number }
  | { stage: 'training'; foldsDone: number; numFolds: number };

export interface CrossValOptions {
  /** Stratified folds (default 5); every class needs at least this many examples. */
  folds?: number;
  /** Seed of the fold assignment (default 0): the same input and seed give the same bits. */
  seed?: number;
  model?: 'logistic_regression';
  /** Inverse L2 regularisation strength as in scikit-learn; default: chosen by inner validation (reported). */
  c?: number;
  balancedClassWeight?: boolean;
  /** Table: the label column (default: label, labels, given_label, y, species, class, target, category). */
  labelColumn?: string;
  /** Table: 'all' (default: chosen automatically), or the feature columns by name (an array or "a,b,c"). */
  features?: 'all' | string | string[];
  /** Table: the free-text column (default: the one free-text column found, if any). */
  textColumn?: string;
  /** Missing feature values take the training fold's mean (default false: an error naming row and column). */
  impute?: boolean;
  maxIterations?: number;
  tolerance?: number;
  /** Table: the person's role for some columns, over the automatic choice ('ignore' leaves a column out). */
  columnRoles?: Record<string, ColumnRole>;
  /**
   * Trained on instead of the label column (e.g. simulated noise): one per row, class indices or the
   * data's class names; the label column stays out of the features. The result's `labels` are these.
   */
  labels?: Int32Array | ArrayLike<number | string>;
  /**
   * Table: class names that differ only in capitals or spacing ('billing', 'Billing', 'BILLING') are one class,
   * named by its most common spelling (default false: separate classes, with a classes_differ_in_case warning).
   */
  foldCase?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: CrossValProgress) => void;
}

export type CrossValColumnsOptions = Pick<
  CrossValOptions,
  'labelColumn' | 'features' | 'textColumn' | 'columnRoles' | 'foldCase' | 'signal' | 'onProgress'
>;

/** A role a table's column can be given (CrossValOptions.columnRoles). */
export type ColumnRole = 'label' | 'numeric' | 'categorical' | 'text' | 'ignore';

/** crossValColumns: which column would be used as what, before training. */
export interface CrossValColumnsReport {
  numExamples: number;
  numClasses: number;
  classNames: string[];
  /** Every column of a table and its use; constant columns (dropped) and one-hot levels marked. */
  columns: (FeatureColumnChoice & { constant?: boolean; levels?: string })[];
  labelColumn: string;
  notes: string[];
  used: string[];
  droppedConstant: string[];
  trainerNotes: string[];
  denseColumns: number;
  textColumns: number;
  denseShape?: [number, number];
  denseType?: 'uint8' | 'float32' | 'float64';
  imageShape?: number[];
  labelsFile: string;
  featuresFile: string;
}

/** One input column and the use chosen for it. */
export interface FeatureColumnChoice {
  name: string;
  /** 1-based file column (0 for Parquet columns). */
  column: number;
  use: 'label' | 'numeric' | 'categorical' | 'text' | 'id' | 'truth' | 'probability' | 'ignored';
  reason: string;
  distinct?: number;
  missing: number;
}

export interface FeatureReport {
  /** Every column of a table and its use (empty for an N x D features file). */
  columns: FeatureColumnChoice[];
  labelColumn: string;
  /** Feature columns used, after constant columns were dropped. */
  used: string[];
  droppedConstant: string[];
  /** "name: level1, level2, ..." per one-hot encoded column. */
  oneHot: string[];
  notes: string[];
  denseColumns: number;
  textColumns: number;
  /** N x D features file: [rows, cols], its stored type and an image shape (e.g. [28, 28]) if it had one. */
  denseShape?: [number, number];
  denseType?: 'uint8' | 'float32' | 'float64';
  imageShape?: number[];
  labelsFile: string;
  featuresFile: string;
}

export interface CrossValFold {
  trainRows: number;
  testRows: number;
  /** On the fold's held-out rows. */
  accuracy: number;
  logLoss: number;
  iterations: number;
}

/** Out-of-sample probabilities: pass to audit() as they are, or to datasetFromCrossVal(). */
export interface CrossValResult {
  /** numExamples x numClasses, row-major, each row from a model that never saw the example. */
  predProbs: Float64Array;
  numExamples: number;
  numClasses: number;
  /** As the labels name them (sorted), or the integer labels' values. */
  classNames: string[];
  /** Class index of each example's given label. */
  labels: Int32Array;
  folds: CrossValFold[];
  settings: {
    folds: number;
    foldsUsed: number;
    seed: number;
    model: 'logistic_regression';
    c: number;
    /** Whether c was chosen automatically. */
    cChosen: boolean;
    balancedClassWeight: boolean;
    impute: boolean;
    /** The foldCase option, when set. */
    foldCase?: true;
    /** The columnRoles option, when given. */
    columnRoles?: Record<string, ColumnRole>;
  };
  notes: string[];
  /**
   * 'classes_differ_in_case' (one per group of class names that differ only in capitals or spacing); 'label_leak'
   * when a feature column determines the label (a copy of it), else 'perfect_model' at 99.5% held-out accuracy or
   * more; 'weak_model' when the held-out accuracy is close to always answering the most common class (less than a
   * quarter of the way from it to 1). datasetFromCrossVal adds them to the dataset's warnings.
   */
  warnings: LabelScopeWarning[];
  /**
   * The table's columns as read, every one but the label, in file order: id, known truth, text, numbers (in their
   * shortest round-trip form, '' when missing) and categories (datasetFromCrossVal keeps them beside the results).
   * Above 256 feature columns or 10,000,000 feature cells only the id, known-truth and text columns.
   */
  extraColumns: { name: string; values: string[] }[];
  featureReport: FeatureReport;
}

declare module './api.js' {
  interface LabelScope {
    /**
     * Out-of-sample predicted probabilities from the data's own features (k-fold cross-validated
     * logistic regression).
     */
    crossValProbs(data: CrossValInput, options?: CrossValOptions): Promise<CrossValResult>;
    /** Which column crossValProbs would use as what (missing cells counted, not refused), before training. */
    crossValColumns(data: CrossValInput, options?: CrossValColumnsOptions): Promise<CrossValColumnsReport>;
    /** A Dataset holding a crossValProbs result (labels, probabilities, class names), for the methods that take one. */
    datasetFromCrossVal(result: CrossValResult): Promise<Dataset>;
    audit(data: CrossValResult, options?: AuditOptions): AuditReport;
    auditAsync(data: CrossValResult, options?: AuditOptions & AuditControl): Promise<AuditReport>;
  }
}

declare module './api.js' {
  interface LabelScopeWorker {
    /**
     * In the worker: progress per fold; `signal` rejects at once (and stops the training where
     * memory can be shared).
     */
    crossValProbs(data: CrossValInput<WorkerByteSource>, options?: CrossValOptions): Promise<CrossValResult>;
    crossValColumns(
      data: CrossValInput<WorkerByteSource>,
      options?: CrossValColumnsOptions,
    ): Promise<CrossValColumnsReport>;
    datasetFromCrossVal(result: CrossValResult): Promise<WorkerDataset>;
    /** A crossValProbs result is copied to the worker, not transferred. */
    audit(data: CrossValResult, options?: AuditOptions & AuditControl): Promise<AuditReport>;
  }
}

/**
 * Arguments of `simulateNoisyData`: simulateNoise's, and the probabilities to analyse the noisy
 * labels with.
 */
export type SimulateNoisyDataArgs<D = Dataset, S = ByteSource> = SimulateNoiseArgs<D> & {
  /** The data's features: an N x D .npy or numeric CSV, one row per label, in the labels' order. */
  features?: DataSource<S>;
  /**
   * The labelled table the labels were read from (instead of `features`): its own feature columns
   * are trained on with the noisy labels in place of its label column.
   */
  combined?: DataSource<S>;
  /**
   * `'recompute'` (the default with `features`): the probabilities are computed again by
   * `crossValProbs` on the NOISY labels, so the model learns from the flipped labels as it would
   * from real mistakes — the honest check. `'keep'` (the default without): the given probabilities
   * (`dataset`'s, or `predProbs`), from a model that never saw the flips — a teaching
   * approximation that makes flips easier to find.
   */
  probabilities?: 'recompute' | 'keep';
  /** Options of the cross-validation (recompute). */
  crossVal?: Pick<
    CrossValOptions,
    | 'folds'
    | 'seed'
    | 'c'
    | 'balancedClassWeight'
    | 'maxIterations'
    | 'tolerance'
    | 'impute'
    | 'labelColumn'
    | 'features'
    | 'textColumn'
    | 'columnRoles'
  >;
  /** Also read the noisy labels with their probabilities as a Dataset (`dataset` of the result; free it). */
  returnDataset?: boolean;
  signal?: AbortSignal;
  /** crossValProbs' progress while recomputing. */
  onProgress?: (progress: CrossValProgress) => void;
};

/** Arguments of `sweepNoisyData`: sweepNoiseRate's, with the probabilities chosen as simulateNoisyData chooses them. */
export type SweepNoisyDataArgs<D = Dataset, S = ByteSource> = NoiseSource<D> & {
  rates?: readonly number[];
  seed?: number;
  pair?: readonly [ClassRef, ClassRef] | string;
  filterBy?: FilterBy;
  features?: DataSource<S>;
  combined?: DataSource<S>;
  /** 'recompute' (default with features): one cross-validation per rate, on that rate's noisy labels. */
  probabilities?: 'recompute' | 'keep';
  crossVal?: SimulateNoisyDataArgs['crossVal'];
  signal?: AbortSignal;
  /** crossValProbs' progress, with the rate being computed. */
  onProgress?: (progress: CrossValProgress & { rate: number; rateIndex: number; numRates: number }) => void;
};

/** Result of `simulateNoisyData`: pass `{ labels, predProbs, numClasses }` to audit or findLabelIssues. */
export interface NoisyData<D = Dataset> {
  simulation: NoiseSimulation;
  /** What was done: recomputed on the noisy labels, or kept as given. */
  probabilities: 'recomputed' | 'kept';
  /** The noisy labels (= simulation.noisyLabels). */
  labels: Int32Array;
  /** N x K, row-major. */
  predProbs: Float64Array | Float32Array;
  numClasses: number;
  classNames: string[];
  /** The crossValProbs result on the noisy labels (recompute), else null. */
  crossVal: CrossValResult | null;
  /** With returnDataset. */
  dataset?: D;
}

declare module './api.js' {
  interface LabelScope {
    /** Flips labels (as simulateNoise) and gives the probabilities to look for them with: recomputed or kept. */
    simulateNoisyData(args: SimulateNoisyDataArgs): Promise<NoisyData>;
    /** sweepNoiseRate with recomputed (one training per rate) or kept probabilities. */
    sweepNoisyData(args: SweepNoisyDataArgs): Promise<(DetectionScore & { probabilities: 'recomputed' | 'kept' })[]>;
  }
}

declare module './api.js' {
  interface LabelScopeWorker {
    simulateNoisyData(args: SimulateNoisyDataArgs<WorkerDataset, WorkerByteSource>): Promise<NoisyData<WorkerDataset>>;
    sweepNoisyData(
      args: SweepNoisyDataArgs<WorkerDataset, WorkerByteSource>,
    ): Promise<(DetectionScore & { probabilities: 'recomputed' | 'kept' })[]>;
  }
}
