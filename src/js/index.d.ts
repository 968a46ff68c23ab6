// Type declarations of labelscope's JS API (hand-written; checked by `npx tsc -p tests/types`).
//
// labelscope finds likely label errors in classification data from the given labels and a model's
// out-of-sample predicted probabilities (confident learning, as in cleanlab 2.9.0), in a
// WebAssembly core. Option names are camelCase; option *values* are cleanlab's
// (`filterBy: 'prune_by_noise_rate'`, `returnIndicesRankedBy: 'self_confidence'`).
//
// These declarations use the DOM types Blob, File, AbortSignal and URL: compile with
// `"lib": ["dom", ...]` (browser) or with @types/node (Node >= 20 has the same globals).

// ---- option values ------------------------------------------------------------------------------

/**
 * How `findLabelIssues` decides which examples are label issues (cleanlab's `filter_by`).
 * - `'prune_by_noise_rate'` (default): for each off-diagonal cell (given k, true j) of the
 *   calibrated confident joint, flag that many examples labelled k with the largest margin
 *   p[j] - p[k].
 * - `'prune_by_class'`: for each class k, flag the examples labelled k with the lowest p[k], as
 *   many as the confident joint estimates are mislabelled.
 * - `'both'`: flagged by both of the above.
 * - `'confident_learning'`: the examples counted off the diagonal of the confident joint.
 * - `'predicted_neq_given'`: the model's argmax differs from the given label.
 * - `'low_normalized_margin'` / `'low_self_confidence'`: the examples with the lowest score, as
 *   many as `numLabelIssues` estimates.
 *
 * Except for the two `low_*` methods, an example whose given label is the model's argmax (within
 * 1e-6) is never flagged. The prune methods skip classes with <= `minExamplesPerClass` examples.
 */
export type FilterBy =
  | 'prune_by_noise_rate'
  | 'prune_by_class'
  | 'both'
  | 'confident_learning'
  | 'predicted_neq_given'
  | 'low_normalized_margin'
  | 'low_self_confidence';

/**
 * A per-example label quality score (cleanlab's `rank.get_label_quality_scores` methods), in
 * [0, 1]: **lower = more likely mislabelled**.
 * - `'self_confidence'` (default): p[given label].
 * - `'normalized_margin'`: (p[given] - max other p + 1) / 2.
 * - `'confidence_weighted_entropy'`: log(1 + x) / x with x = normalized entropy / p[given]
 *   (cannot be combined with `adjustPredProbs`).
 */
export type ScoreMethod = 'self_confidence' | 'normalized_margin' | 'confidence_weighted_entropy';

/** How flagged examples are ordered: by a score (most likely mislabelled first), or `'none'` (index order). */
export type RankBy = ScoreMethod | 'none';

/** How the prior of the true labels, `py`, is estimated (cleanlab's `py_method`). */
export type PyMethod = 'cnt' | 'eqn' | 'marginal' | 'marginal_ps';

/** How `numLabelIssues` counts (cleanlab's `estimation_method`). */
export type EstimationMethod = 'off_diagonal' | 'off_diagonal_calibrated' | 'off_diagonal_custom';

/**
 * Out-of-distribution score from predicted probabilities (cleanlab's `OutOfDistribution`
 * methods): **higher = more in-distribution**, lower = more likely an outlier.
 * - `'entropy'` (default): 1 - normalized entropy of the row.
 * - `'least_confidence'`: the largest probability of the row.
 * - `'gen'`: the GEN score (generalized entropy of the softmax of the probabilities, top 100 classes).
 */
export type OodMethod = 'entropy' | 'least_confidence' | 'gen';

// ---- inputs -------------------------------------------------------------------------------------

/** Given labels: one class index 0..K-1 per example (`Int32Array` is used as is; others are copied). */
export type Labels = Int32Array | ArrayLike<number>;

/** A K x K matrix of counts, rows = given label, columns = (guessed) true label. */
export type CountMatrixInput = ReadonlyArray<ArrayLike<number>>;

/** Predicted probabilities as one flat row-major N x K typed array, with K = `numClasses`. */
export interface FlatPredProbs {
  /**
   * Out-of-sample predicted probabilities, row-major (example i, class k at `i * numClasses + k`).
   * A `Float32Array` is read as float32 values (arithmetic is still in double).
   */
  predProbs: Float64Array | Float32Array;
  /** K, the number of classes (columns). */
  numClasses: number;
}

/** Predicted probabilities as an array of N rows of K numbers. */
export interface RowPredProbs {
  /** One row of K probabilities per example; every row must have the same length K. */
  predProbs: ReadonlyArray<ArrayLike<number>>;
  /** Ignored: K is the length of the rows. */
  numClasses?: number;
}

/** Predicted probabilities in either shape. */
export type PredProbsInput = FlatPredProbs | RowPredProbs;

/** Labels and probabilities handed in as arrays. */
export type ArrayData = PredProbsInput & {
  /** Given labels, one class index per example (same order as the probability rows). */
  labels: Labels;
  dataset?: undefined;
};

/** Compute on a dataset already read with `readDataset` (no re-parsing, no copy). */
export interface OnDataset<D = Dataset> {
  dataset: D;
  labels?: undefined;
  predProbs?: undefined;
  numClasses?: undefined;
}

// ---- options ------------------------------------------------------------------------------------

/** A score method together with `adjustPredProbs` (CWE cannot be adjusted, as in cleanlab). */
export type ScoreChoice =
  | {
      /** Score method (default `'self_confidence'`). Lower = more likely mislabelled. */
      method?: 'self_confidence' | 'normalized_margin';
      /**
       * Score probabilities adjusted by the per-class thresholds (cleanlab's
       * `adjust_pred_probs`): p'_k ∝ p_k - t_k + max t. Default false.
       */
      adjustPredProbs?: boolean;
    }
  | {
      method: 'confidence_weighted_entropy';
      /** Not supported for confidence_weighted_entropy (an `invalid_option` error). */
      adjustPredProbs?: false;
    };

/** Options shared by `findLabelIssues` and `audit` (cleanlab's `find_label_issues` arguments). */
export interface FindOptions {
  /** Which examples are label issues (default `'prune_by_noise_rate'`). */
  filterBy?: FilterBy;
  /** Fraction of the estimated label issues to return, in (0, 1] (default 1). Prune methods only. */
  fracNoise?: number;
  /**
   * Per class, how many examples to flag (length K; overrides the estimate). Only for
   * `'prune_by_class'`, `'prune_by_noise_rate'` and `'both'`.
   */
  numToRemovePerClass?: ArrayLike<number>;
  /**
   * Keep at least this many examples of every class unflagged; the prune methods skip classes with
   * this many examples or fewer (default 1).
   */
  minExamplesPerClass?: number;
  /**
   * A precomputed K x K confident joint, used as is (not calibrated) by the prune methods instead
   * of computing one; ignored by `'confident_learning'`.
   */
  confidentJoint?: CountMatrixInput;
}

/** `returnIndicesRankedBy` with `adjustPredProbs` (CWE cannot be adjusted). */
export type RankChoice =
  | {
      /**
       * Order `indices` by this label quality score, most likely mislabelled first (ties: lower
       * index first). Default / `'none'`: ascending index order.
       */
      returnIndicesRankedBy?: 'self_confidence' | 'normalized_margin' | 'none';
      /** Rank by scores of threshold-adjusted probabilities (default false). */
      adjustPredProbs?: boolean;
    }
  | {
      returnIndicesRankedBy: 'confidence_weighted_entropy';
      /** Not supported for confidence_weighted_entropy. */
      adjustPredProbs?: false;
    };

/** Options of `findLabelIssues`. */
export type FindLabelIssuesOptions = FindOptions & RankChoice;

/** Options of `getLabelQualityScores`. */
export type LabelQualityScoresOptions = ScoreChoice;

/** Options of `computeConfidentJoint`. */
export interface ConfidentJointOptions {
  /** Calibrate the counts so row sums equal the label counts (default true). */
  calibrate?: boolean;
}

/** Options of `estimateLatent` (cleanlab's `estimate_py_and_noise_matrices_from_probabilities`). */
export interface EstimateLatentOptions {
  /** How the prior of true labels is estimated (default `'cnt'`). `'eqn'` fails on a singular noise matrix. */
  pyMethod?: PyMethod;
  /** Iterate py and the noise matrices until they agree (default true). */
  convergeLatentEstimates?: boolean;
  /** Start from the calibrated confident joint (default true). */
  calibrate?: boolean;
}

/** Options of `numLabelIssues`. */
export type NumLabelIssuesOptions =
  | {
      /**
       * `'off_diagonal'` (default): the examples counted off the diagonal of the confident joint
       * whose given label is not the argmax (= what `filterBy: 'confident_learning'` flags);
       * `'off_diagonal_calibrated'`: N times the off-diagonal mass of the joint estimated from the
       * calibrated confident joint (rounded half to even).
       */
      estimationMethod?: 'off_diagonal' | 'off_diagonal_calibrated';
      /** Used only by `'off_diagonal_custom'`. */
      confidentJoint?: undefined;
    }
  | {
      /** Count from the given `confidentJoint` (estimated the way `'off_diagonal_calibrated'` counts). */
      estimationMethod: 'off_diagonal_custom';
      /** The K x K confident joint to count from (required). */
      confidentJoint: CountMatrixInput;
    };

/** Options of `healthSummary`, `rankClassesByLabelQuality`, `findOverlappingClasses`. */
export interface HealthOptions {
  /** List overlapping class pairs in both orders (A, B) and (B, A) (default false). */
  asymmetric?: boolean;
}

/** Options of `outOfDistributionScores` (labels are needed only to adjust the probabilities). */
export type OutOfDistributionArgs = PredProbsInput & { method?: OodMethod } & (
  | {
      /** Given labels (needed for the default `adjustPredProbs: true`). */
      labels: Labels;
      /** Adjust probabilities by the per-class thresholds first (default true). */
      adjustPredProbs?: boolean;
    }
  | {
      labels?: null;
      /** Without labels, adjustment is impossible: pass `adjustPredProbs: false`. */
      adjustPredProbs: false;
    }
);

/** Progress of an audit in stages (`auditAsync`, the worker's `audit`). */
export interface AuditProgress {
  stagesDone: number;
  numStages: number;
}

/** Cancelling and progress for `auditAsync` and the worker's `audit`. */
export interface AuditControl {
  /** Cancels between two stages: the promise rejects with code `'cancelled'`. */
  signal?: AbortSignal;
  /** Called after each stage. */
  onProgress?: (progress: AuditProgress) => void;
}

/** Options of `audit`. */
export type AuditOptions = FindOptions &
  HealthOptions &
  (
    | {
        /**
         * Ranking of the flagged examples and the per-example `labelQuality` score (default
         * `'self_confidence'`; `'none'`: index order, with self-confidence scores).
         */
        rankBy?: 'self_confidence' | 'normalized_margin' | 'none';
        /** Scores of threshold-adjusted probabilities (default false). */
        adjustPredProbs?: boolean;
      }
    | {
        rankBy: 'confidence_weighted_entropy';
        /** Not supported for confidence_weighted_entropy. */
        adjustPredProbs?: false;
      }
  );

// ---- results ------------------------------------------------------------------------------------

/** Why a warning was given. */
export type WarningCode =
  /** Some rows do not sum to 1; they are used as given (as cleanlab does). */
  | 'rows_not_normalized'
  /** Values within 1e-3 outside [0, 1] (float rounding in exports); used as given. */
  | 'values_slightly_outside'
  /** A class has too few examples for the prune methods to flag any of them. */
  | 'class_too_small'
  /** An option has no effect with the chosen method. */
  | 'option_ignored';

/** Something worth showing that did not stop the analysis. */
export interface LabelScopeWarning {
  code: WarningCode;
  /** What happened and what it means, for people. */
  message: string;
  /** How many rows / examples are affected. */
  count: number;
  /** First affected example (0-based), or -1. */
  example: number;
  /** The class concerned, or -1. */
  classIndex: number;
}

/** Result of `findLabelIssues`. */
export interface FindLabelIssuesResult {
  /** One entry per example: 1 = flagged as a likely label issue, 0 = not. */
  mask: Uint8Array;
  /**
   * The flagged examples (0-based): most likely mislabelled first when `returnIndicesRankedBy` is
   * a score, else ascending.
   */
  indices: Int32Array;
  /** Input warnings (rows not summing to 1, values slightly outside [0, 1]). */
  warnings: LabelScopeWarning[];
}

/** Result of `getLabelQualityScores`. */
export interface LabelQualityScoresResult {
  /** One score per example in [0, 1]: **lower = more likely mislabelled**. */
  scores: Float64Array;
  warnings: LabelScopeWarning[];
}

/** Result of `computeConfidentJoint`. */
export interface ConfidentJointResult {
  /**
   * K x K counts: entry [i][j] = examples given label i whose probability of class j reaches
   * class j's threshold (calibrated unless `calibrate: false`).
   */
  confidentJoint: number[][];
  /** Per-class thresholds t_k: mean p[k] over the examples labelled k (2 for an absent class). */
  thresholds: number[];
  /** Examples counted off the diagonal of the confident joint (ascending). */
  offDiagonal: Int32Array;
}

/** Result of `estimateLatent`. */
export interface LatentEstimates {
  /** Prior of the true labels, p(true = k), length K. */
  py: number[];
  /** K x K noise matrix p(given = i | true = j) (columns sum to 1). */
  noiseMatrix: number[][];
  /** K x K inverse noise matrix p(true = i | given = j) (columns sum to 1). */
  inverseNoiseMatrix: number[][];
  /** The (calibrated, unless `calibrate: false`) confident joint the estimates come from. */
  confidentJoint: number[][];
}

/** One row of the class table (cleanlab's `rank_classes_by_label_quality`). */
export interface ClassQuality {
  classIndex: number;
  /** Estimated examples given this class whose true class is another. */
  labelIssues: number;
  /** Estimated examples of this true class given another label. */
  inverseLabelIssues: number;
  /** Fraction of the examples given this label that are mislabelled. */
  labelNoise: number;
  /** Fraction of this true class that carries another label. */
  inverseLabelNoise: number;
  /** 1 - labelNoise: lower = noisier class. */
  labelQualityScore: number;
}

/** One pair of classes that the labels confuse (cleanlab's `find_overlapping_classes`). */
export interface ClassOverlap {
  classA: number;
  classB: number;
  /** Estimated examples labelled as one of the pair that belong to the other. */
  numOverlappingExamples: number;
  /** Their share of the dataset (estimated joint probability). */
  jointProbability: number;
}

/** Result of `healthSummary` (cleanlab's `dataset.health_summary`). */
export interface HealthSummary {
  /** 1 - (estimated label issues / N): 1 = no label issues found. */
  overallLabelHealthScore: number;
  /** K x K estimated joint distribution of (given, true) labels; sums to 1. */
  joint: number[][];
  /** Classes, noisiest (lowest labelQualityScore) first. */
  classesByLabelQuality: ClassQuality[];
  /** Class pairs, most overlapping first. */
  overlappingClasses: ClassOverlap[];
}

/** Result of `outOfDistributionScores`. */
export interface OutOfDistributionResult {
  /** One score per example: **higher = more in-distribution**, lower = more likely an outlier. */
  scores: Float64Array;
}

/** Everything a UI shows about a dataset, with the shared steps computed once (`audit`). */
export interface AuditReport {
  numExamples: number;
  numClasses: number;
  /** The filter used. */
  filterBy: FilterBy;
  /** The ranking used (`'none'`: issues in index order). */
  rankBy: RankBy;
  /** Flagged examples in rank order: most likely mislabelled first. */
  issues: Int32Array;
  /** Per example: 1 = flagged, 0 = not. */
  isLabelIssue: Uint8Array;
  /** Per example label quality score of `rankBy` (self-confidence for `'none'`): lower = more likely mislabelled. */
  labelQuality: Float64Array;
  /** Per example: the class the confident joint counted it under, else the model's argmax. */
  suggestedLabel: Int32Array;
  /** Per example: the class the confident joint counted it under, or -1 if no class was confident. */
  confidentJointLabel: Int32Array;
  /** Per example: the model's argmax (first on ties). */
  predictedLabel: Int32Array;
  /** Per example: p[given label]. */
  givenProbability: Float64Array;
  /** Per example: p[suggested label]. */
  suggestedProbability: Float64Array;
  /** Examples per given label, length K. */
  labelCounts: number[];
  /** Per-class thresholds (mean self-confidence). */
  thresholds: number[];
  /** K x K calibrated confident joint. */
  confidentJoint: number[][];
  /** K x K raw confident joint. */
  confidentJointUncalibrated: number[][];
  /** K x K estimated joint of (given, true) labels. */
  joint: number[][];
  /** Prior of the true labels. */
  py: number[];
  /** p(given = i | true = j). */
  noiseMatrix: number[][];
  /** p(true = i | given = j). */
  inverseNoiseMatrix: number[][];
  /** Estimated number of label issues (`'off_diagonal'`). */
  numLabelIssues: number;
  /** Overall label health score: 1 - numLabelIssues / N. */
  healthScore: number;
  /** Classes, noisiest first. */
  classQuality: ClassQuality[];
  /** Class pairs, most overlapping first. */
  overlappingClasses: ClassOverlap[];
  /** Input warnings and classes too small for the prune methods. */
  warnings: LabelScopeWarning[];
}

// ---- reading files ------------------------------------------------------------------------------

/**
 * Bytes of one file: a `File`/`Blob` (read as a stream), bytes, text, or an async iterable of
 * chunks (a Node `fs.ReadStream`, whose file name is used in messages). Each chunk is copied
 * before the next is requested, so an iterable may reuse one buffer for every chunk.
 */
export type ByteSource = Blob | ArrayBufferView | ArrayBuffer | string | AsyncIterable<Uint8Array>;

/** A file with a name for messages (and its size, for progress, when `data` is a stream). */
export interface NamedSource<S = ByteSource> {
  /** The file name used in messages and `Dataset.source` (default: the File's name or 'labels' / 'pred_probs' / 'data.csv'). */
  name?: string;
  data: S;
  /** Total bytes, for `onProgress` when `data` does not know its size. */
  size?: number;
}

/** One file to read. */
export type DataSource<S = ByteSource> = S | NamedSource<S>;

/**
 * What `readDataset` reads: a labels file plus a pred_probs file (CSV, TSV or .npy), or one
 * combined CSV with a label column and one probability column per class.
 */
export type DatasetInput<S = ByteSource> =
  | {
      /** Labels: class indices or class names, one per row (CSV/TSV with or without header, or .npy of integers). */
      labels: DataSource<S>;
      /** Probabilities: N rows x K columns (CSV/TSV; a header row names the classes; or a .npy N x K array). */
      predProbs: DataSource<S>;
      combined?: undefined;
    }
  | {
      /** One CSV: a label column (label, labels, given_label or y), one numeric column per class, other columns kept. */
      combined: DataSource<S>;
      labels?: undefined;
      predProbs?: undefined;
    };

/** Progress of `readDataset`, after each chunk. */
export interface ReadProgress {
  /** The file being read. */
  file: string;
  /** Bytes read so far, over all files. */
  bytesRead: number;
  /** Total bytes of all files whose size is known (streams without `size` count 0). */
  totalBytes: number;
}

/** Options of `readDataset`. */
export interface ReadDatasetOptions {
  /** Called after every chunk. */
  onProgress?: (progress: ReadProgress) => void;
  /** Abort reading: the promise rejects with code `'cancelled'`. */
  signal?: AbortSignal;
  /** Combined CSV: the label column's name (default: label, labels, given_label or y). */
  labelColumn?: string;
  /** Combined CSV: the probability columns by name (default: every numeric column but ids and truth columns). */
  probabilityColumns?: readonly string[];
  /** Class names, one per probability column (when pred_probs has no header, or to rename). */
  classNames?: readonly string[];
  /** Store probabilities as float32 (half the memory; arithmetic stays double). */
  float32?: boolean;
  /**
   * Accept probabilities whose rows mostly do not sum to 1 (used as given, with a warning). Without
   * it such input is refused with code `implausible_probabilities`: it usually means feature or
   * score columns were given where predicted probabilities belong.
   */
  allowUnnormalized?: boolean;
}

/** What a dataset read into memory holds besides its probabilities. */
export interface DatasetInfo {
  /** N. */
  readonly numExamples: number;
  /** K. */
  readonly numClasses: number;
  /** K class names (the pred_probs header, `classNames`, or '0'..'K-1'). */
  readonly classNames: string[];
  /** Whether the probabilities are stored as float32. */
  readonly float32: boolean;
  /** Given labels as class indices. */
  readonly labels: Int32Array;
  /** Known true labels (a true_label column), -1 where unknown; absent when the input has none. */
  readonly trueLabels?: Int32Array;
  /** Known errors (an is_error column): 1 wrong, 0 correct, -1 unknown; absent when the input has none. */
  readonly knownErrors?: Int32Array;
  /** Other columns of a combined CSV (id, text, ...), kept for display. */
  readonly extraColumns: { name: string; values: string[] }[];
  /** What the reader decided (header row, delimiter, shape), for people. */
  readonly notes: string[];
  /**
   * 16 hex digits over the bytes (and roles) of the files read, whatever their names: the same
   * files give the same fingerprint. Not cryptographic. The page keys saved review decisions by it.
   */
  readonly fingerprint: string;
  /** The files the labels and probabilities came from. */
  readonly source: DatasetSource;
  /** Warnings about the values (rows not summing to 1, values slightly outside [0, 1]). */
  readonly warnings: LabelScopeWarning[];
}

/**
 * A dataset read into WebAssembly memory by `readDataset`: analyse it many times without
 * re-parsing, then `free()` it. Using it after `free()` throws a LabelScopeError with code `'freed'`.
 */
export class Dataset implements DatasetInfo {
  private constructor();
  readonly numExamples: number;
  readonly numClasses: number;
  readonly classNames: string[];
  readonly float32: boolean;
  readonly labels: Int32Array;
  readonly trueLabels?: Int32Array;
  readonly knownErrors?: Int32Array;
  readonly extraColumns: { name: string; values: string[] }[];
  readonly notes: string[];
  readonly fingerprint: string;
  readonly source: DatasetSource;
  readonly warnings: LabelScopeWarning[];
  /** Probabilities of rows [start, start + count) (clipped to N) as a flat row-major Float64Array. */
  probabilityRows(start: number, count: number): Float64Array;
  /** Releases the WebAssembly memory. Safe to call twice. */
  free(): void;
}

// ---- errors -------------------------------------------------------------------------------------

/** Every `LabelScopeError.code`. */
export type LabelScopeErrorCode =
  // bad values (the core)
  | 'empty_input'
  | 'too_few_classes'
  | 'single_label_class'
  | 'length_mismatch'
  | 'too_many_examples'
  | 'non_finite'
  | 'out_of_range'
  | 'label_out_of_range'
  | 'invalid_option'
  // bad files (the readers)
  | 'empty_file'
  | 'no_data_rows'
  | 'not_text'
  | 'utf16'
  | 'unterminated_quote'
  | 'bad_quote'
  | 'ragged_row'
  | 'blank_row'
  | 'bad_number'
  | 'bad_label'
  | 'unknown_class'
  | 'looks_multi_label'
  | 'missing_column'
  | 'duplicate_column'
  | 'row_count_mismatch'
  | 'bad_npy'
  | 'missing_file'
  // cross-validation from features (crossValProbs)
  | 'missing_value'
  | 'too_few_examples'
  | 'constant_features'
  | 'not_features'
  | 'bad_parquet'
  | 'bad_input'
  // the JS layer
  | 'freed'
  | 'cancelled'
  | 'unsupported'
  | 'worker_error'
  | 'engine_stopped' // the worker died (out of memory, closed); it was restarted, its datasets are gone
  | 'file_too_large' // a File larger than the browser reads (about 2 GB)
  | 'file_unreadable' // a File the browser cannot read (moved or changed since it was chosen)
  | 'out_of_memory'
  | 'internal_error'
  // the page (<label-scope> data by URL: src, labels-src, ...)
  | 'bad_address' // not an address this page can fetch
  | 'cross_origin' // another origin: the page fetches from its own origin only
  | 'fetch_failed'; // the server did not answer with the file

/** Plain-data form of a LabelScopeError (`toJSON()`, what a worker sends back). */
export interface LabelScopeErrorInfo {
  code: LabelScopeErrorCode;
  message: string;
  /** File the bad value is in (readDataset). */
  file?: string;
  /** 1-based row in that file, header row counted (for .npy: example + 1). */
  row?: number;
  /** 1-based column in that file. */
  column?: number;
  /** 0-based example index (array inputs). */
  example?: number;
  /** Class index concerned. */
  classIndex?: number;
}

/** The one error type of the API: a bad file, a bad value or a bad option, with where it is. */
export class LabelScopeError extends Error implements LabelScopeErrorInfo {
  constructor(info: LabelScopeErrorInfo);
  readonly name: 'LabelScopeError';
  readonly code: LabelScopeErrorCode;
  readonly file?: string;
  readonly row?: number;
  readonly column?: number;
  readonly example?: number;
  readonly classIndex?: number;
  /** Plain data (code, message and the location fields that are set), for postMessage and JSON. */
  toJSON(): LabelScopeErrorInfo;
}

// ---- the API ------------------------------------------------------------------------------------

/** Arguments of a computation on arrays or on a Dataset. */
export type DataArgs<O, D = Dataset> = (ArrayData | OnDataset<D>) & O;

/** Options of `createLabelScope`. */
export interface CreateLabelScopeOptions {
  /** The bytes of labelscope-core.wasm (e.g. when a bundler inlines it); skips fetching it. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps 'labelscope-core.wasm' (and the directory of the module) to the URL to load it from. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /**
   * The default export of another build of `labelscope-core.mjs` (e.g. one with a smaller memory
   * limit, as the tests use); it is called with the module options above. Default: the module in
   * `dist/wasm/`.
   */
  moduleFactory?: (moduleOptions: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (path: string, scriptDirectory: string) => string }) => Promise<unknown>;
  /**
   * Load the core with a helper thread (`dist/wasm/threads/`), which warms fresh memory while a
   * big file is read. Default: yes in Node and in a worker of a cross-origin isolated page, when
   * it is there (no when `wasmBinary` or `locateFile` is given: those are for the
   * single-threaded core); no elsewhere in browsers (threads need isolation, waiting for one a
   * worker). `true` fails when it cannot be loaded; `false` never loads it. Results are the same
   * either way.
   */
  threads?: boolean;
}

/** Loads the WebAssembly core (browser, worker or Node) and returns the API. */
export function createLabelScope(options?: CreateLabelScopeOptions): Promise<LabelScope>;

/**
 * The API on the current thread (synchronous; use `createLabelScopeWorker` to keep a page
 * responsive). Inputs are plain arrays or typed arrays, or a `Dataset`; results are plain objects
 * and typed arrays. Errors are thrown as `LabelScopeError`.
 */
export class LabelScope {
  private constructor();
  /** Threads used to read files: 2 with the threaded core on a machine with 2 or more cores, else 1. */
  readonly threads: number;
  /** Likely label issues (cleanlab's `filter.find_label_issues`). */
  findLabelIssues(args: DataArgs<FindLabelIssuesOptions>): FindLabelIssuesResult;
  /** Per-example label quality scores (cleanlab's `rank.get_label_quality_scores`): lower = more likely mislabelled. */
  getLabelQualityScores(args: DataArgs<LabelQualityScoresOptions>): LabelQualityScoresResult;
  /** The confident joint, per-class thresholds and off-diagonal examples (cleanlab's `compute_confident_joint`). */
  computeConfidentJoint(args: ArrayData & ConfidentJointOptions): ConfidentJointResult;
  /** Prior and noise matrices (cleanlab's `estimate_py_and_noise_matrices_from_probabilities`). */
  estimateLatent(args: ArrayData & EstimateLatentOptions): LatentEstimates;
  /** Estimated number of label issues (cleanlab's `count.num_label_issues`). */
  numLabelIssues(args: ArrayData & NumLabelIssuesOptions): number;
  /** Dataset health: score, joint, class table, overlapping classes (cleanlab's `dataset.health_summary`). */
  healthSummary(args: DataArgs<HealthOptions>): HealthSummary;
  /** Classes, noisiest first (= `healthSummary(args).classesByLabelQuality`). */
  rankClassesByLabelQuality(args: DataArgs<HealthOptions>): ClassQuality[];
  /** Class pairs, most overlapping first (= `healthSummary(args).overlappingClasses`). */
  findOverlappingClasses(args: DataArgs<HealthOptions>): ClassOverlap[];
  /** Out-of-distribution scores: higher = more in-distribution. */
  outOfDistributionScores(args: OutOfDistributionArgs): OutOfDistributionResult;
  /** Everything a UI shows, computed once, on a Dataset or on arrays. */
  audit(data: Dataset | (PredProbsInput & { labels: Labels }), options?: AuditOptions): AuditReport;
  /**
   * The same report, computed in stages with a pause for the event loop between them, so a long
   * audit can show progress and be cancelled (`signal`) while the page stays responsive.
   */
  auditAsync(data: Dataset | (PredProbsInput & { labels: Labels }), options?: AuditOptions & AuditControl): Promise<AuditReport>;
  /**
   * Reads labels + probabilities (CSV, TSV, .npy) in chunks into a Dataset. Errors name the file,
   * 1-based row and column (`LabelScopeError` codes such as `'bad_number'`, `'ragged_row'`,
   * `'label_out_of_range'`).
   */
  readDataset(input: DatasetInput, options?: ReadDatasetOptions): Promise<Dataset>;
}

// ---- the worker variant -------------------------------------------------------------------------

/** A dataset that lives in the worker's memory (from `LabelScopeWorker.readDataset`). */
export interface WorkerDataset extends DatasetInfo {
  /** The worker's handle for this dataset. */
  readonly datasetId: number;
  /** Probabilities of rows [start, start + count) as a flat row-major Float64Array. */
  probabilityRows(start: number, count: number): Promise<Float64Array>;
  /** Releases the worker's memory; later use rejects with code `'freed'`. */
  free(): Promise<void>;
}

/**
 * Where the examples came from: example i is row `labelsFirstRow + i` of the labels file and row
 * `predProbsFirstRow + i` of the probabilities file (1-based, header counted; for .npy, the array row).
 */
export interface DatasetSource {
  labelsFile: string;
  labelsFirstRow: number;
  /** 1-based column of the labels. */
  labelsColumn: number;
  predProbsFile: string;
  predProbsFirstRow: number;
  /** 1-based file column of each class's probabilities. */
  predProbsColumns: number[];
}

/** Inputs a worker can receive: structured-cloneable sources (no async iterables / streams). */
export type WorkerByteSource = Blob | ArrayBufferView | ArrayBuffer | string;

/** Options of `LabelScopeWorker.readDataset`. */
export interface WorkerReadDatasetOptions extends Omit<ReadDatasetOptions, 'onProgress' | 'signal'> {
  /** Called with the worker's progress reports. */
  onProgress?: (progress: ReadProgress) => void;
  /** Abort: the promise rejects with code `'cancelled'` at once. */
  signal?: AbortSignal;
}

/**
 * The same API running in a module Web Worker: every method returns a Promise of the same result.
 * Typed-array inputs are transferred to the worker (detached afterwards): pass copies to keep them.
 */
export interface LabelScopeWorker {
  /**
   * Threads the worker's core reads files with: 2 in a cross-origin isolated page (the threaded
   * core) on a machine with 2 or more cores, else 1.
   */
  readonly threads: number;
  findLabelIssues(args: DataArgs<FindLabelIssuesOptions, WorkerDataset>): Promise<FindLabelIssuesResult>;
  getLabelQualityScores(args: DataArgs<LabelQualityScoresOptions, WorkerDataset>): Promise<LabelQualityScoresResult>;
  computeConfidentJoint(args: ArrayData & ConfidentJointOptions): Promise<ConfidentJointResult>;
  estimateLatent(args: ArrayData & EstimateLatentOptions): Promise<LatentEstimates>;
  numLabelIssues(args: ArrayData & NumLabelIssuesOptions): Promise<number>;
  healthSummary(args: DataArgs<HealthOptions, WorkerDataset>): Promise<HealthSummary>;
  rankClassesByLabelQuality(args: DataArgs<HealthOptions, WorkerDataset>): Promise<ClassQuality[]>;
  findOverlappingClasses(args: DataArgs<HealthOptions, WorkerDataset>): Promise<ClassOverlap[]>;
  outOfDistributionScores(args: OutOfDistributionArgs): Promise<OutOfDistributionResult>;
  /** Runs in stages: `signal` cancels between them and the worker stays usable for the next call. */
  audit(data: WorkerDataset | (PredProbsInput & { labels: Labels }), options?: AuditOptions & AuditControl): Promise<AuditReport>;
  /** Reads files in the worker; the dataset stays there. */
  readDataset(input: DatasetInput<WorkerByteSource>, options?: WorkerReadDatasetOptions): Promise<WorkerDataset>;
  /** Stops the worker: pending and later calls reject with code `'worker_error'`. */
  terminate(): void;
}

/** Options of `createLabelScopeWorker`. */
export interface CreateLabelScopeWorkerOptions {
  /** The bytes of labelscope-core.wasm, sent to the worker. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** URL of labelscope's worker.js (default: next to this module). */
  workerUrl?: string | URL;
}

/**
 * Starts a module Web Worker and loads the WebAssembly core in it (browsers). Rejects with code
 * `'unsupported'` where there are no Web Workers (plain Node: use `createLabelScope`).
 */
export function createLabelScopeWorker(options?: CreateLabelScopeWorkerOptions): Promise<LabelScopeWorker>;

// ---- simulated label noise (lessons: src/js/simulate.js, src/js/compare.js) ---------------------

/** How `simulateNoise` flipped the labels. */
export type NoiseMode = 'uniform' | 'pair' | 'matrix';

/** A class by index (0-based) or by name (exact, then ignoring case and surrounding blanks). */
export type ClassRef = number | string;

/** Which labels to add noise to: arrays, or a dataset read with `readDataset`. */
export type NoiseSource<D = Dataset> =
  | {
      /** True labels, one class index per example. */
      labels: Labels;
      /** K, the number of classes a label can flip to (default: `classNames.length`, or the rows' length). */
      numClasses?: number;
      /** Names of the K classes, so that `pair` can name them. */
      classNames?: readonly string[];
      /** Looked at only for K (so findLabelIssues' arguments work here too); the flips ignore it. */
      predProbs?: ReadonlyArray<ArrayLike<number>> | Float64Array | Float32Array;
      dataset?: undefined;
    }
  | { dataset: D; labels?: undefined; numClasses?: undefined; classNames?: undefined; predProbs?: undefined };

/**
 * Arguments of `simulateNoise`. Exactly round(rate x eligible rows) rows flip (halves up), chosen by
 * a seeded shuffle in the core: the same input, rate and seed flip the same rows in the CLI
 * (`labelscope simulate-noise`), this API and the page; a higher rate with the same seed flips
 * those rows (to the same classes) and more.
 */
export type SimulateNoiseArgs<D = Dataset> = NoiseSource<D> & {
  /** Whole number in [0, 2^53) (default 0). */
  seed?: number;
} & (
    | {
        /**
         * Fraction of the eligible rows to flip, in [0, 1]: without `pair` every row is eligible and
         * moves to one of the K - 1 other classes (uniformly); with `pair` only rows of the pair are,
         * and each moves to the other class of the pair.
         */
        rate: number;
        /** Two different classes, [a, b] or the text 'A,B' (e.g. 'Shirt,T-shirt'). */
        pair?: readonly [ClassRef, ClassRef] | string;
        noiseMatrix?: undefined;
      }
    | {
        /**
         * K x K, `noiseMatrix[i][j]` = P(noisy = i | true = j): each column sums to 1 (within 1e-6),
         * the orientation of `estimateLatent().noiseMatrix`. Of the n_j rows labelled j, exactly
         * round(n_j x P(i, j)) move to i (largest remainder, so a column's counts add up to n_j).
         */
        noiseMatrix: ReadonlyArray<ArrayLike<number>>;
        rate?: undefined;
        pair?: undefined;
      }
  );

/** Result of `simulateNoise`. */
export interface NoiseSimulation {
  /** The labels after flipping (a learner's "given" labels). */
  noisyLabels: Int32Array;
  /** 1 where the label was flipped, 0 where it was kept. */
  isError: Uint8Array;
  /** The flipped rows, ascending. */
  flipped: Int32Array;
  /** The labels before flipping. */
  trueLabels: Int32Array;
  mode: NoiseMode;
  /** The rate asked for (null for a noise matrix). */
  rate: number | null;
  seed: number;
  /** The pair as class indices (pair mode), else null. */
  pair: [number, number] | null;
}

/** Arguments of `scoreDetection`: the flips (`isError` or the whole simulation) and a detector's flags. */
export type ScoreDetectionArgs = (
  | { isError: ArrayLike<number | boolean>; simulation?: undefined }
  | { simulation: NoiseSimulation; isError?: undefined }
) & {
  /** Flagged row indices, or a `findLabelIssues` result (its indices), or an `audit` report (its issues). */
  flagged: ArrayLike<number> | { indices: ArrayLike<number> } | { issues: ArrayLike<number> };
};

/**
 * A detector against known flips. found = flipped rows that were flagged; precision = found /
 * flagged; recall = found / flipped; f1 = 2 found / (flagged + flipped). A ratio whose denominator
 * is 0 is null (nothing flagged: precision; nothing flipped: recall; neither: f1).
 */
export interface DetectionScore {
  /** The simulation's rate and seed, when `simulation` was given. */
  rate?: number | null;
  seed?: number;
  flipped: number;
  found: number;
  flagged: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * Arguments of `compareMethods`: the noisy data (a simulation on a dataset uses the dataset's
 * probabilities with the simulation's noisy labels) and the known flips.
 */
export type CompareMethodsArgs<D = Dataset> = (
  | { dataset: D; labels?: undefined; predProbs?: undefined; numClasses?: undefined }
  | (PredProbsInput & { labels?: Labels; dataset?: undefined })
) & {
  /** The flips: a simulateNoise result (its noisy labels are analysed unless `labels` is given). */
  simulation?: NoiseSimulation;
  /** Or the known errors directly (default: the dataset's true_label / is_error columns). */
  isError?: ArrayLike<number | boolean>;
  /** Precision at k of the rankings (default: the number of flipped rows). */
  k?: number;
};

/** One `filterBy` method against the flips. */
export interface MethodScore extends DetectionScore {
  filterBy: FilterBy;
}

/** One ranking (label quality score, lowest first; ties: lower index) against the flips. */
export interface RankingScore {
  rankBy: ScoreMethod;
  k: number;
  /** Flipped rows among the first k. */
  found: number;
  /** found / k (null when k = 0). */
  precisionAtK: number | null;
}

/** Result of `compareMethods`: all seven `filterBy` methods and the three rankings on the same flips. */
export interface MethodComparison {
  numExamples: number;
  flipped: number;
  methods: MethodScore[];
  rankings: RankingScore[];
}

/**
 * Arguments of `sweepNoiseRate`: for each rate, flip that share of the labels (same seed: each rate's
 * flips contain the lower rates'), keep the given probabilities and score one `filterBy` method.
 */
export type SweepNoiseRateArgs<D = Dataset> = (
  | { dataset: D; labels?: undefined; predProbs?: undefined; numClasses?: undefined; classNames?: undefined }
  | (PredProbsInput & { labels: Labels; classNames?: readonly string[]; dataset?: undefined })
) & {
  /** Fractions in [0, 1] (default 0, 0.05, ..., 0.3). */
  rates?: readonly number[];
  seed?: number;
  pair?: readonly [ClassRef, ClassRef] | string;
  /** The method scored (default `'prune_by_noise_rate'`). */
  filterBy?: FilterBy;
};

export interface LabelScope {
  /** Flips labels with a seed (uniformly, along a class pair, or by a noise matrix); the flips are known truth. */
  simulateNoise(args: SimulateNoiseArgs): NoiseSimulation;
  /** Precision, recall and F1 of flagged rows against known flips. */
  scoreDetection(args: ScoreDetectionArgs): DetectionScore;
  /** Every filterBy method and ranking on the same flips (lessons: which method finds what). */
  compareMethods(args: CompareMethodsArgs): MethodComparison;
  /** One method's precision and recall at each simulated noise rate (one DetectionScore per rate). */
  sweepNoiseRate(args: SweepNoiseRateArgs): DetectionScore[];
}

export interface LabelScopeWorker {
  simulateNoise(args: SimulateNoiseArgs<WorkerDataset>): Promise<NoiseSimulation>;
  scoreDetection(args: ScoreDetectionArgs): Promise<DetectionScore>;
  compareMethods(args: CompareMethodsArgs<WorkerDataset>): Promise<MethodComparison>;
  sweepNoiseRate(args: SweepNoiseRateArgs<WorkerDataset>): Promise<DetectionScore[]>;
}

// ---- out-of-sample probabilities from features (crossValProbs, src/js/cross-val.js) ----------------

/** What crossValProbs reads: a labelled table (CSV, TSV or Parquet), or labels + an N x D features file (.npy or numeric CSV). */
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
  signal?: AbortSignal;
  onProgress?: (progress: CrossValProgress) => void;
}

export type CrossValColumnsOptions = Pick<CrossValOptions,
  'labelColumn' | 'features' | 'textColumn' | 'columnRoles' | 'signal' | 'onProgress'>;

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
    folds: number; foldsUsed: number; seed: number; model: 'logistic_regression'; c: number;
    /** Whether c was chosen automatically. */
    cChosen: boolean; balancedClassWeight: boolean; impute: boolean;
    /** The columnRoles option, when given. */
    columnRoles?: Record<string, ColumnRole>;
  };
  notes: string[];
  /** The table's id, known-truth and text columns as read (datasetFromCrossVal keeps them beside the results). */
  extraColumns: { name: string; values: string[] }[];
  featureReport: FeatureReport;
}

export interface LabelScope {
  /** Out-of-sample predicted probabilities from the data's own features (k-fold cross-validated logistic regression). */
  crossValProbs(data: CrossValInput, options?: CrossValOptions): Promise<CrossValResult>;
  /** Which column crossValProbs would use as what (missing cells counted, not refused), before training. */
  crossValColumns(data: CrossValInput, options?: CrossValColumnsOptions): Promise<CrossValColumnsReport>;
  /** A Dataset holding a crossValProbs result (labels, probabilities, class names), for the methods that take one. */
  datasetFromCrossVal(result: CrossValResult): Promise<Dataset>;
  audit(data: CrossValResult, options?: AuditOptions): AuditReport;
  auditAsync(data: CrossValResult, options?: AuditOptions & AuditControl): Promise<AuditReport>;
}

export interface LabelScopeWorker {
  /** In the worker: progress per fold; `signal` rejects at once (and stops the training where memory can be shared). */
  crossValProbs(data: CrossValInput<WorkerByteSource>, options?: CrossValOptions): Promise<CrossValResult>;
  crossValColumns(data: CrossValInput<WorkerByteSource>, options?: CrossValColumnsOptions): Promise<CrossValColumnsReport>;
  datasetFromCrossVal(result: CrossValResult): Promise<WorkerDataset>;
  /** A crossValProbs result is copied to the worker, not transferred. */
  audit(data: CrossValResult, options?: AuditOptions & AuditControl): Promise<AuditReport>;
}

/**
 * Arguments of `simulateNoisyData`: simulateNoise's, and the probabilities to analyse the noisy
 * labels with.
 */
export type SimulateNoisyDataArgs<D = Dataset, S = ByteSource> = SimulateNoiseArgs<D> & {
  /** The data's features: an N x D .npy or numeric CSV, one row per label, in the labels' order. */
  features?: DataSource<S>;
  /**
   * `'recompute'` (the default with `features`): the probabilities are computed again by
   * `crossValProbs` on the NOISY labels, so the model learns from the flipped labels as it would
   * from real mistakes — the honest check. `'keep'` (the default without): the given probabilities
   * (`dataset`'s, or `predProbs`), from a model that never saw the flips — a teaching
   * approximation that makes flips easier to find.
   */
  probabilities?: 'recompute' | 'keep';
  /** Options of the cross-validation (recompute). */
  crossVal?: Pick<CrossValOptions, 'folds' | 'seed' | 'c' | 'balancedClassWeight' | 'maxIterations' | 'tolerance' | 'impute'>;
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

export interface LabelScope {
  /** Flips labels (as simulateNoise) and gives the probabilities to look for them with: recomputed or kept. */
  simulateNoisyData(args: SimulateNoisyDataArgs): Promise<NoisyData>;
  /** sweepNoiseRate with recomputed (one training per rate) or kept probabilities. */
  sweepNoisyData(args: SweepNoisyDataArgs): Promise<(DetectionScore & { probabilities: 'recomputed' | 'kept' })[]>;
}

export interface LabelScopeWorker {
  simulateNoisyData(args: SimulateNoisyDataArgs<WorkerDataset, WorkerByteSource>): Promise<NoisyData<WorkerDataset>>;
  sweepNoisyData(args: SweepNoisyDataArgs<WorkerDataset, WorkerByteSource>):
    Promise<(DetectionScore & { probabilities: 'recomputed' | 'kept' })[]>;
}

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
  source: { labelsFile: string; labelsFirstRow: number; labelsColumn: number; probsFile: string; probsFirstRow: number };
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
  source: { labelsFile: string; labelsFirstRow: number; labelsColumn: number; probsFile: string; probsFirstRow: number };
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
  findLabelIssues(args: OnMultiLabel<MultiLabelDataset> & MultiLabelFindOptions & AggregatorOptions & {
    returnIndicesRankedBy?: RankBy; adjustPredProbs?: boolean;
  }): FindLabelIssuesResult;
  findIssuesPerClass(args: OnMultiLabel<MultiLabelDataset> & MultiLabelFindOptions & {
    returnIndicesRankedBy?: RankBy; adjustPredProbs?: boolean;
  }): { perClass: Int32Array[]; warnings: LabelScopeWarning[] };
  getLabelQualityScores(args: OnMultiLabel<MultiLabelDataset> & AggregatorOptions & {
    method?: ScoreMethod; adjustPredProbs?: boolean;
  }): LabelQualityScoresResult;
  getLabelQualityScoresPerClass(args: OnMultiLabel<MultiLabelDataset> & {
    method?: ScoreMethod; adjustPredProbs?: boolean;
  }): { perClass: number[][]; warnings: LabelScopeWarning[] };
  computeConfidentJoint(args: OnMultiLabel<MultiLabelDataset>): MultiLabelConfidentJoint;
  numLabelIssues(args: OnMultiLabel<MultiLabelDataset>): number;
  healthSummary(args: OnMultiLabel<MultiLabelDataset>): MultiLabelHealthSummary;
  audit(data: MultiLabelDataset | MultiLabelData, options?: MultiLabelFindOptions & AggregatorOptions & {
    rankBy?: RankBy; adjustPredProbs?: boolean;
  }): MultiLabelAuditReport;
  /** Rows of a labels file holding more than one class (0 if none or unreadable). */
  countMultiLabelRows(labels: DataSource): Promise<number>;
  /** The same count, with the file row (header counted) and column of the first such set (0 if none). */
  sniffLabelSets(labels: DataSource): Promise<{ rowsWithSeveral: number; firstRow: number; column: number }>;
}

/** ls.multiLabel in the worker: the same methods, with promises. */
export interface WorkerMultiLabel {
  readDataset(input: DatasetInput<WorkerByteSource>, options?: Omit<MultiLabelReadOptions, 'onProgress' | 'signal'> & {
    onProgress?: (progress: ReadProgress) => void; signal?: AbortSignal;
  }): Promise<WorkerMultiLabelDataset>;
  findLabelIssues(args: OnMultiLabel<WorkerMultiLabelDataset> & MultiLabelFindOptions & AggregatorOptions & {
    returnIndicesRankedBy?: RankBy; adjustPredProbs?: boolean;
  }): Promise<FindLabelIssuesResult>;
  findIssuesPerClass(args: OnMultiLabel<WorkerMultiLabelDataset> & MultiLabelFindOptions & {
    returnIndicesRankedBy?: RankBy; adjustPredProbs?: boolean;
  }): Promise<{ perClass: Int32Array[]; warnings: LabelScopeWarning[] }>;
  getLabelQualityScores(args: OnMultiLabel<WorkerMultiLabelDataset> & AggregatorOptions & {
    method?: ScoreMethod; adjustPredProbs?: boolean;
  }): Promise<LabelQualityScoresResult>;
  getLabelQualityScoresPerClass(args: OnMultiLabel<WorkerMultiLabelDataset> & {
    method?: ScoreMethod; adjustPredProbs?: boolean;
  }): Promise<{ perClass: number[][]; warnings: LabelScopeWarning[] }>;
  computeConfidentJoint(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<MultiLabelConfidentJoint>;
  numLabelIssues(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<number>;
  healthSummary(args: OnMultiLabel<WorkerMultiLabelDataset>): Promise<MultiLabelHealthSummary>;
  audit(data: WorkerMultiLabelDataset | MultiLabelData, options?: MultiLabelFindOptions & AggregatorOptions & {
    rankBy?: RankBy; adjustPredProbs?: boolean;
  }): Promise<MultiLabelAuditReport>;
}

export interface LabelScope {
  /** Multi-label data: each example has a set of classes (possibly empty). */
  readonly multiLabel: MultiLabel;
}

export interface LabelScopeWorker {
  readonly multiLabel: WorkerMultiLabel;
}

// ---- files: what a file is, and corrected labels written back (src/js/files.js) --------------------

/** What sniffFile tells from a file's first 64 KB. */
export interface SniffedFile {
  name: string;
  /** 'csv', 'tsv', 'npy', or '' when the bytes tell nothing yet. */
  format: 'csv' | 'tsv' | 'npy' | '';
  /** The role the file most likely plays; '' when it cannot be read (see problem). */
  role: 'labels' | 'predProbs' | 'combined' | 'truth' | 'classNames' | '';
  /** Why that role, in a few words for people. */
  reason: string;
  /** Header names, or null when the file has no header. */
  columns: string[] | null;
  /** The cells of the first data row. */
  firstRow: string[];
  /** .npy only: its shape and dtype ('<i8', ...). */
  shape?: number[];
  descr?: string;
  /** A label column next to numbers whose rows do not sum to 1: features, not probabilities. */
  looksLikeFeatures: boolean;
  /** The reader's error when the file cannot be read at all (empty, binary, UTF-16, ...). */
  problem?: LabelScopeError;
}

/** A file's content in parts: `new Blob(parts, { type })`, or join them. */
export interface FileParts {
  parts: (string | Uint8Array)[];
  type: string;
}

export interface CorrectedLabelsArgs<D> {
  /** The dataset read from the file (its class names and where the labels were). */
  dataset: D;
  /** One class index per example: the given labels with the decisions applied. */
  labels: ArrayLike<number>;
}

export interface LabelScope {
  /** What a file is, from its first 64 KB; a file the reader cannot use comes back with `problem`. */
  sniffFile(source: DataSource): Promise<SniffedFile>;
  /**
   * The labels' own file (labels file or combined table) written again with `labels`: every other
   * column and cell as read, the reader's delimiter, names or indices as the file wrote them, and an
   * `original_label` column when it has a header; a .npy stays a .npy of the same dtype.
   */
  correctedLabelsFile(source: DataSource, args: CorrectedLabelsArgs<Dataset>): Promise<FileParts>;
}

export interface LabelScopeWorker {
  sniffFile(source: DataSource): Promise<SniffedFile>;
  correctedLabelsFile(source: DataSource, args: CorrectedLabelsArgs<WorkerDataset>): Promise<FileParts>;
}
