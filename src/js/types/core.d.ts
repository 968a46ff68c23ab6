// labelscope types: option values, inputs, options and results of the analyses (re-exported by ../index.d.ts).
import type { Dataset } from './datasets.js';

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

/**
 * How an audit report holds its K x K matrices (`confidentJoint`, `confidentJointUncalibrated`,
 * `joint`, `noiseMatrix`, `inverseNoiseMatrix`): `'full'` (default) nested arrays; `'sparse'` each
 * as its non-zero cells ({@link SparseMatrix}); `'none'` without them. Unless `'full'`,
 * `overlappingClasses` lists only the pairs that overlap. Every other field is the same. At
 * K = 10,000 one full matrix is 800 MB: many classes need `'sparse'` or `'none'`.
 */
export type MatrixForm = 'full' | 'sparse' | 'none';

/** A K x K matrix as its non-zero cells, in row-major order: cell (row[e], col[e]) = value[e]. */
export interface SparseMatrix {
  shape: [number, number];
  row: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/** Options of `audit`. */
export type AuditOptions = FindOptions &
  HealthOptions & {
    /** How the report holds its K x K matrices (default `'full'`). */
    matrices?: MatrixForm;
  } & (
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
  | 'option_ignored'
  /** Probabilities computed here (crossValProbs) by a model little better than always answering the most common class. */
  | 'weak_model'
  /**
   * Probabilities computed here (crossValProbs) from a column that determines the label (every value with one
   * class, at most two values per class): probably a copy of it. `columns` names them.
   */
  | 'label_leak'
  /** Probabilities computed here with a held-out accuracy of 99.5% or more: no label can look wrong to the model. */
  | 'perfect_model'
  /** Class names that differ only in capitals or spacing ('billing', 'Billing'): read as separate classes. */
  | 'classes_differ_in_case';

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
  /** label_leak: the columns that determine the label. */
  columns?: string[];
  /** classes_differ_in_case: the classes of the group, the most common first. */
  classes?: number[];
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

/** The K x K fields of an {@link AuditReport}. */
export type AuditMatrixKey =
  | 'confidentJoint'
  | 'confidentJointUncalibrated'
  | 'joint'
  | 'noiseMatrix'
  | 'inverseNoiseMatrix';

/**
 * An audit report asked for with `matrices: 'sparse'` (its matrices as non-zero cells) or
 * `'none'` (no matrices); `overlappingClasses` lists only the pairs that overlap.
 */
export type SparseAuditReport = Omit<AuditReport, AuditMatrixKey> & {
  matrices: 'sparse' | 'none';
} & { [key in AuditMatrixKey]?: SparseMatrix };
