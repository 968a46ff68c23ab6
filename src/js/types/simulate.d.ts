// labelscope types: simulated label noise and method comparison (lessons) (re-exported by ../index.d.ts).
import type { LabelScope, LabelScopeWorker, WorkerDataset } from './api.js';
import type { FilterBy, Labels, PredProbsInput, ScoreMethod } from './core.js';
import type { Dataset } from './datasets.js';

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

declare module './api.js' {
  interface LabelScope {
    /** Flips labels with a seed (uniformly, along a class pair, or by a noise matrix); the flips are known truth. */
    simulateNoise(args: SimulateNoiseArgs): NoiseSimulation;
    /** Precision, recall and F1 of flagged rows against known flips. */
    scoreDetection(args: ScoreDetectionArgs): DetectionScore;
    /** Every filterBy method and ranking on the same flips (lessons: which method finds what). */
    compareMethods(args: CompareMethodsArgs): MethodComparison;
    /** One method's precision and recall at each simulated noise rate (one DetectionScore per rate). */
    sweepNoiseRate(args: SweepNoiseRateArgs): DetectionScore[];
  }
}

declare module './api.js' {
  interface LabelScopeWorker {
    simulateNoise(args: SimulateNoiseArgs<WorkerDataset>): Promise<NoiseSimulation>;
    scoreDetection(args: ScoreDetectionArgs): Promise<DetectionScore>;
    compareMethods(args: CompareMethodsArgs<WorkerDataset>): Promise<MethodComparison>;
    sweepNoiseRate(args: SweepNoiseRateArgs<WorkerDataset>): Promise<DetectionScore[]>;
  }
}
