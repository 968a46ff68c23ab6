// labelscope types: reading files into a Dataset (re-exported by ../index.d.ts).
import type { DatasetSource } from './api.js';
import type { LabelScopeWarning } from './core.js';

// ---- reading files ------------------------------------------------------------------------------

/**
 * Bytes of one file: a `File`/`Blob` (read as a stream), bytes, text, or an async iterable of
 * chunks (a Node `fs.ReadStream`, whose file name is used in messages). Each chunk is copied
 * before the next is requested, so an iterable may reuse one buffer for every chunk.
 */
export type ByteSource = Blob | ArrayBufferView | ArrayBuffer | string | AsyncIterable<Uint8Array>;

/** A file with a name for messages (and its size, for progress, when `data` is a stream). */
export interface NamedSource<S = ByteSource> {
  /**
   * The file name used in messages and `Dataset.source` (default: the File's name or 'labels' /
   * 'pred_probs' / 'data.csv').
   */
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
      /**
       * One CSV: a label column (label, labels, given_label or y), one numeric column per class,
       * other columns kept.
       */
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
  /**
   * Hash every byte read into `fingerprint` (default true). False skips the hash (~0.2 s of CPU
   * per GB of CSV) and leaves `fingerprint` empty: for a reader that keeps nothing by it (the CLI).
   */
  fingerprint?: boolean;
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
   * Empty when read with `fingerprint: false`.
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
