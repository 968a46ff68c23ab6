// labelscope types: multi-label data (ls.multiLabel) (re-exported by ../index.d.ts).
import type { LabelScope, LabelScopeWorker, WorkerByteSource } from './api.js';
import type {
  ClassQuality,
  FilterBy,
  FindLabelIssuesResult,
  LabelQualityScoresResult,
  LabelScopeWarning,
  RankBy,
  ScoreMethod,
} from './core.js';
import type { DataSource, DatasetInput, ReadProgress } from './datasets.js';
import type { FileParts } from './files.js';

// ---- multi-label data (ls.multiLabel, src/js/multilabel.js) ---------------------------------------

/**
 * Label sets: one array of class indices per example (cleanlab's `List[List[int]]`; `[]` = no class),
 * or the same in CSR form (the classes of example i are `classes[offsets[i] .. offsets[i + 1])`).
 */
export type LabelSets = ReadonlyArray<Iterable<number>> | { offsets: Int32Array; classes: Int32Array };

/** How per-class scores become one score per example (exponential moving average by default). */
export type Aggregator = 'exponential_moving_average' | 'softmin' | 'min' | 'max' | 'mean';

export interface AggregatorOptions {
  aggregator?: Aggregator;
  /** exponential_moving_average weight in [0, 1] (default 0.8); `null` = 2 / (K + 1). */
  alpha?: number | null;
  /** softmin temperature > 0 (default 0.1). */
  temperature?: number;
}

/** Label sets and one independent probability per class (rows need not sum to 1). */
export type MultiLabelData =
  | { labels: LabelSets; predProbs: readonly (readonly number[])[]; numClasses?: number }
  | { labels: LabelSets; predProbs: Float64Array | Float32Array; numClasses: number };

export type OnMultiLabel<D> = MultiLabelData | { dataset: D };

/** find_label_issues options of multi-label data: as single-label, with per-class counts. */
export interface MultiLabelFindOptions {
  filterBy?: FilterBy;
  fracNoise?: number;
  /** One count per class (prune methods only). */
  numToRemovePerClass?: readonly number[];
  minExamplesPerClass?: number;
}

export interface MultiLabelReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** One name per probability column (when pred_probs has no header, or to rename). */
  classNames?: readonly string[];
  float32?: boolean;
  /** Combined CSV: the column of label sets (default: labels, label, ...). */
  labelColumn?: string;
}

/** How the labels file wrote its sets. */
export type SetNotation = 'none' | 'semicolon' | 'pipe' | 'json' | 'columns' | 'npy';

export interface MultiLabelDatasetInfo {
  numExamples: number;
  numClasses: number;
  classNames: string[];
  notation: SetNotation;
  /** Examples whose set holds more than one class. */
  rowsWithSeveral: number;
  offsets: Int32Array;
  classes: Int32Array;
  extraColumns: { name: string; values: string[] }[];
  source: {
    labelsFile: string;
    labelsFirstRow: number;
    labelsColumn: number;
    probsFile: string;
    probsFirstRow: number;
  };
  notes: string[];
  fingerprint: string;
  warnings: LabelScopeWarning[];
}

export class MultiLabelDataset implements MultiLabelDatasetInfo {
  private constructor();
  numExamples: number;
  numClasses: number;
  classNames: string[];
  notation: SetNotation;
  rowsWithSeveral: number;
  offsets: Int32Array;
  classes: Int32Array;
  extraColumns: { name: string; values: string[] }[];
  source: {
    labelsFile: string;
    labelsFirstRow: number;
    labelsColumn: number;
    probsFile: string;
    probsFirstRow: number;
  };
  notes: string[];
  fingerprint: string;
  warnings: LabelScopeWarning[];
  /** The label set of every example. */
  labelSets(): number[][];
  probabilityRows(start: number, count: number): Float64Array;
  free(): void;
}

export interface WorkerMultiLabelDataset extends MultiLabelDatasetInfo {
  readonly datasetId: number;
  probabilityRows(start: number, count: number): Promise<Float64Array>;
  free(): Promise<void>;
}

/** [absent, present] x [absent, present] counts per class: [class][given][guess]. */
export type BinaryJoint = [[number, number], [number, number]];

export interface MultiLabelConfidentJoint {
  confidentJoint: BinaryJoint[];
  confidentJointUncalibrated: BinaryJoint[];
  /** Per class the 2 x 2 joint distribution (calibrated counts / total). */
  joint: BinaryJoint[];
  /** Per class [threshold of absent, threshold of present]. */
  thresholds: number[][];
}

export interface CommonMultiLabelIssue {
  classIndex: number;
  /** true: the class is given but looks wrong (probably extra). */
  inGivenLabel: boolean;
  /** true: the class is not given but looks right (probably missing). */
  inSuggestedLabel: boolean;
  numExamples: number;
  issueProbability: number;
}

export interface MultiLabelHealthSummary {
  overallLabelHealthScore: number;
  classesByLabelQuality: ClassQuality[];
  commonIssues: CommonMultiLabelIssue[];
  warnings: LabelScopeWarning[];
}

/** A flagged example: its given set and the classes that look missing or extra. */
export interface MultiLabelIssueRow {
  example: number;
  given: number[];
  missing: number[];
  extra: number[];
}

export interface MultiLabelAuditReport {
  numExamples: number;
  numClasses: number;
  /** Flagged examples, most likely wrong first. */
  issues: Int32Array;
  isLabelIssue: Uint8Array;
  /** Aggregated label quality score per example. */
  labelQuality: Float64Array;
  /** Per class the examples flagged for it (index order). */
  classIssues: Int32Array[];
  labelCounts: number[];
  thresholds: number[][];
  confidentJoint: BinaryJoint[];
  confidentJointUncalibrated: BinaryJoint[];
  numLabelIssues: number;
  health: Omit<MultiLabelHealthSummary, 'warnings'>;
  rows: MultiLabelIssueRow[];
  warnings: LabelScopeWarning[];
}

export interface MultiLabel {
  readDataset(input: DatasetInput, options?: MultiLabelReadOptions): Promise<MultiLabelDataset>;
  findLabelIssues(
    args: OnMultiLabel<MultiLabelDataset> &
      MultiLabelFindOptions &
      AggregatorOptions & {
        returnIndicesRankedBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): FindLabelIssuesResult;
  findIssuesPerClass(
    args: OnMultiLabel<MultiLabelDataset> &
      MultiLabelFindOptions & {
        returnIndicesRankedBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): { perClass: Int32Array[]; warnings: LabelScopeWarning[] };
  getLabelQualityScores(
    args: OnMultiLabel<MultiLabelDataset> &
      AggregatorOptions & {
        method?: ScoreMethod;
        adjustPredProbs?: boolean;
      },
  ): LabelQualityScoresResult;
  getLabelQualityScoresPerClass(
    args: OnMultiLabel<MultiLabelDataset> & {
      method?: ScoreMethod;
      adjustPredProbs?: boolean;
    },
  ): { perClass: number[][]; warnings: LabelScopeWarning[] };
  computeConfidentJoint(args: OnMultiLabel<MultiLabelDataset>): MultiLabelConfidentJoint;
  numLabelIssues(args: OnMultiLabel<MultiLabelDataset>): number;
  healthSummary(args: OnMultiLabel<MultiLabelDataset>): MultiLabelHealthSummary;
  audit(
    data: MultiLabelDataset | MultiLabelData,
    options?: MultiLabelFindOptions &
      AggregatorOptions & {
        rankBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): MultiLabelAuditReport;
  /** Rows of a labels file holding more than one class (0 if none or unreadable). */
  countMultiLabelRows(labels: DataSource): Promise<number>;
  /**
   * The same count, with the file row (header counted) and column of the first such set (0 if none).
   * role 'combined': one table holding the labels and the probability columns.
   */
  sniffLabelSets(
    labels: DataSource,
    role?: 'labels' | 'combined',
  ): Promise<{ rowsWithSeveral: number; firstRow: number; column: number }>;
  /**
   * One-vs-rest out-of-sample probabilities from a table of label sets and features (CSV, TSV or
   * Parquet), or a labels file of sets (one column, a header named like a label column or none)
   * with an N x D features file (.npy, numeric CSV or Parquet): one binary logistic regression per
   * class, every class on the same folds.
   */
  crossValProbs(input: MultiLabelCrossValInput, options?: MultiLabelCrossValOptions): Promise<MultiLabelCrossValResult>;
  /**
   * A CSV or TSV labels file or table (a Parquet table: as CSV, fromParquet) written again with corrected
   * sets in its set column (in the notation given) or its label_<class> 0/1 columns, every other cell as
   * read, and an original_label column.
   */
  correctedLabelsFile(source: DataSource, args: CorrectedLabelSetsArgs): Promise<FileParts>;
}

/** What multiLabel.correctedLabelsFile writes: the sets, their class names and the notation of the file. */
export interface CorrectedLabelSetsArgs {
  labels: LabelSets;
  classNames: readonly string[];
  /** 'columns': a table of label_<class> 0/1 columns, each written with the corrected sets (needs originalLabels). */
  notation: 'semicolon' | 'pipe' | 'json' | 'columns';
  /** The column of sets: a header name or a number from 1 (default: the label column found). */
  labelColumn?: string | number;
  /** Default: whether the file has a header, as the sniffer sees it. */
  hasHeader?: boolean;
  /** notation 'columns': the given sets, written a;b in the original_label column. */
  originalLabels?: LabelSets;
}

/** What multiLabel.crossValProbs reads: one labelled table, or labels and features files. */
export type MultiLabelCrossValInput<S = DataSource> = { combined: S } | { labels: S; features: S };

export interface MultiLabelCrossValOptions {
  folds?: number;
  seed?: number;
  /** Inverse L2 strength, one for every class (default: chosen by summed held-out log loss). */
  c?: number;
  balancedClassWeight?: boolean;
  maxIterations?: number;
  tolerance?: number;
  model?: 'logistic_regression';
  /** The column of label sets (a;b, a|b or JSON arrays; [] for an empty set). */
  labelColumn?: string;
  /** With { combined }: the feature columns (names, or 'all'). */
  features?: 'all' | string | readonly string[];
  /** With { combined }: the free-text column. */
  textColumn?: string;
  impute?: boolean;
  signal?: AbortSignal;
  onProgress?: (
    progress:
      | { stage: 'reading'; file: string; bytesRead: number; totalBytes: number }
      | { stage: 'training'; foldsDone: number; numFolds: number },
  ) => void;
}

export interface MultiLabelCrossValResult {
  /** numExamples x numClasses, row-major: P(class in the set), independent per class. */
  probs: Float64Array;
  numExamples: number;
  numClasses: number;
  classNames: string[];
  /** The sets read, in CSR form: feed { labels, predProbs: probs, numClasses } to audit(). */
  labels: { offsets: Int32Array; classes: Int32Array };
  notation: SetNotation;
  rowsWithSeveral: number;
  labelColumn: string;
  /** Per fold: accuracy = share of (row, class) decisions right at 0.5; logLoss = mean binary log loss. */
  folds: { trainRows: number; testRows: number; accuracy: number; logLoss: number; iterations: number }[];
  foldsUsed: number;
  c: number;
  notes: string[];
  features: {
    used: string[];
    droppedConstant: string[];
    oneHot: string[];
    notes: string[];
    denseColumns: number;
    textColumns: number;
  };
  /** A table's id, known-truth and text columns as read (empty for labels + features files). */
  extraColumns?: { name: string; values: string[] }[];
  /**
   * 'classes_differ_in_case'; 'weak_model' when the held-out accuracy per (row, class) is less than a quarter of
   * the way from answering each class's more common case (mostly: not in the set) to 1.
   */
  warnings: LabelScopeWarning[];
}

/** ls.multiLabel in the worker: the same methods, with promises. */
export interface WorkerMultiLabel {
  readDataset(
    input: DatasetInput<WorkerByteSource>,
    options?: Omit<MultiLabelReadOptions, 'onProgress' | 'signal'> & {
      onProgress?: (progress: ReadProgress) => void;
      signal?: AbortSignal;
    },
  ): Promise<WorkerMultiLabelDataset>;
  findLabelIssues(
    args: OnMultiLabel<WorkerMultiLabelDataset> &
      MultiLabelFindOptions &
      AggregatorOptions & {
        returnIndicesRankedBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): Promise<FindLabelIssuesResult>;
  findIssuesPerClass(
    args: OnMultiLabel<WorkerMultiLabelDataset> &
      MultiLabelFindOptions & {
        returnIndicesRankedBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): Promise<{ perClass: Int32Array[]; warnings: LabelScopeWarning[] }>;
  getLabelQualityScores(
    args: OnMultiLabel<WorkerMultiLabelDataset> &
      AggregatorOptions & {
        method?: ScoreMethod;
        adjustPredProbs?: boolean;
      },
  ): Promise<LabelQualityScoresResult>;
  getLabelQualityScoresPerClass(
    args: OnMultiLabel<WorkerMultiLabelDataset> & {
      method?: ScoreMethod;
      adjustPredProbs?: boolean;
    },
  ): Promise<{ perClass: number[][]; warnings: LabelScopeWarning[] }>;
  computeConfidentJoint(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<MultiLabelConfidentJoint>;
  numLabelIssues(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<number>;
  healthSummary(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<MultiLabelHealthSummary>;
  audit(
    data: WorkerMultiLabelDataset | MultiLabelData,
    options?: MultiLabelFindOptions &
      AggregatorOptions & {
        rankBy?: RankBy;
        adjustPredProbs?: boolean;
      },
  ): Promise<MultiLabelAuditReport>;
  crossValProbs(
    input: MultiLabelCrossValInput<DataSource<WorkerByteSource>>,
    options?: MultiLabelCrossValOptions,
  ): Promise<MultiLabelCrossValResult>;
  /** Rows of a labels file (or table) holding more than one class, and where the first one is (0 if none). */
  sniffLabelSets(
    labels: DataSource<WorkerByteSource>,
  ): Promise<{ rowsWithSeveral: number; firstRow: number; column: number }>;
  correctedLabelsFile(source: DataSource<WorkerByteSource>, args: CorrectedLabelSetsArgs): Promise<FileParts>;
}

declare module './api.js' {
  interface LabelScope {
    /** Multi-label data: each example has a set of classes (possibly empty). */
    readonly multiLabel: MultiLabel;
  }
}

declare module './api.js' {
  interface LabelScopeWorker {
    readonly multiLabel: WorkerMultiLabel;
  }
}
