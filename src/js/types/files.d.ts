// labelscope types: what a file is, and corrected labels written back (re-exported by ../index.d.ts).
import type { LabelScope, LabelScopeWorker, WorkerDataset } from './api.js';
import type { DataSource, Dataset } from './datasets.js';
import type { LabelScopeError } from './errors.js';

// ---- files: what a file is, and corrected labels written back (src/js/files.js) --------------------

/** What sniffFile tells from a file's first 64 KB (a Parquet file: its footer and first rows). */
export interface SniffedFile {
  name: string;
  /** 'csv', 'tsv', 'npy', 'parquet', or '' when the bytes tell nothing yet. */
  format: 'csv' | 'tsv' | 'npy' | 'parquet' | '';
  /**
   * The role the file most likely plays ('features': an N x D block of numbers such as pixels or
   * embeddings, beside a labels file); '' when it cannot be read (see problem).
   */
  role: 'labels' | 'predProbs' | 'combined' | 'features' | 'truth' | 'classNames' | '';
  /** Why that role, in a few words for people. */
  reason: string;
  /** The header name of the label column found (e.g. 'species' in a table of features), or null. */
  labelColumn: string | null;
  /** Header names (a Parquet file's column names), or null when the file has no header. */
  columns: string[] | null;
  /** The cells of the first data row (a Parquet list column of D numbers: 'D numbers'). */
  firstRow: string[];
  /** .npy only: its shape and dtype ('<i8', ...). */
  shape?: number[];
  descr?: string;
  /** A label column next to numbers whose rows do not sum to 1: features, not probabilities. */
  looksLikeFeatures: boolean;
  /** The role is predictedProbabilities because the file's name says so (pred_probs.npy): keep it. */
  namedAsProbabilities: boolean;
  /** The reader's error when the file cannot be read at all (empty, binary, UTF-16, ...). */
  problem?: LabelScopeError;
}

/** A file's content in parts: `new Blob(parts, { type })`, or join them. */
export interface FileParts {
  parts: (string | Uint8Array)[];
  type: string;
  /** The source was a Parquet file, written back as a CSV of the whole table (labelscope writes no Parquet). */
  fromParquet?: boolean;
}

export interface CorrectedLabelsArgs<D> {
  /** The dataset read from the file (its class names and where the labels were). */
  dataset: D;
  /** One class index per example: the given labels with the decisions applied. */
  labels: ArrayLike<number>;
  /** 1-based column of the labels in the file, when the dataset was not read from it (computed probabilities). */
  labelColumn?: number;
  /**
   * Whether the file has a header row, when the dataset was not read from it (default with
   * labelColumn: as sniffed).
   */
  hasHeader?: boolean;
  /** A Parquet file's label column by name (default: the one the sniffer finds). */
  labelColumnName?: string;
}

declare module './api.js' {
  interface LabelScope {
    /** What a file is, from its first 64 KB; a file the reader cannot use comes back with `problem`. */
    sniffFile(source: DataSource): Promise<SniffedFile>;
    /**
     * The labels' own file (labels file or combined table) written again with `labels`: every other
     * column and cell as read, the reader's delimiter, names or indices as the file wrote them, and an
     * `original_label` column when it has a header; a .npy stays a .npy of the same dtype.
     */
    correctedLabelsFile(source: DataSource, args: CorrectedLabelsArgs<Dataset>): Promise<FileParts>;
  }
}

declare module './api.js' {
  interface LabelScopeWorker {
    sniffFile(source: DataSource): Promise<SniffedFile>;
    correctedLabelsFile(source: DataSource, args: CorrectedLabelsArgs<WorkerDataset>): Promise<FileParts>;
  }
}
