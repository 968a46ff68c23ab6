// labelscope types: createLabelScope, LabelScope, and the worker variant (re-exported by ../index.d.ts).
import type {
  ArrayData,
  AuditControl,
  AuditOptions,
  AuditReport,
  SparseAuditReport,
  ClassOverlap,
  ClassQuality,
  ConfidentJointOptions,
  ConfidentJointResult,
  EstimateLatentOptions,
  FindLabelIssuesOptions,
  FindLabelIssuesResult,
  HealthOptions,
  HealthSummary,
  LabelQualityScoresOptions,
  LabelQualityScoresResult,
  Labels,
  LatentEstimates,
  NumLabelIssuesOptions,
  OnDataset,
  OutOfDistributionArgs,
  OutOfDistributionResult,
  PredProbsInput,
} from './core.js';
import type { Dataset, DatasetInfo, DatasetInput, ReadDatasetOptions, ReadProgress } from './datasets.js';

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
  moduleFactory?: (moduleOptions: {
    wasmBinary?: ArrayBuffer | Uint8Array;
    locateFile?: (path: string, scriptDirectory: string) => string;
  }) => Promise<unknown>;
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
  audit(
    data: Dataset | (PredProbsInput & { labels: Labels }),
    options: AuditOptions & { matrices: 'sparse' | 'none' },
  ): SparseAuditReport;
  audit(data: Dataset | (PredProbsInput & { labels: Labels }), options?: AuditOptions): AuditReport;
  /**
   * The same report, computed in stages with a pause for the event loop between them, so a long
   * audit can show progress and be cancelled (`signal`) while the page stays responsive.
   */
  auditAsync(
    data: Dataset | (PredProbsInput & { labels: Labels }),
    options: AuditOptions & AuditControl & { matrices: 'sparse' | 'none' },
  ): Promise<SparseAuditReport>;
  auditAsync(
    data: Dataset | (PredProbsInput & { labels: Labels }),
    options?: AuditOptions & AuditControl,
  ): Promise<AuditReport>;
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
  audit(
    data: WorkerDataset | (PredProbsInput & { labels: Labels }),
    options: AuditOptions & AuditControl & { matrices: 'sparse' | 'none' },
  ): Promise<SparseAuditReport>;
  audit(
    data: WorkerDataset | (PredProbsInput & { labels: Labels }),
    options?: AuditOptions & AuditControl,
  ): Promise<AuditReport>;
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
