// labelscope types: LabelScopeError and its codes (re-exported by ../index.d.ts).

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
  /** The N-th data row of that file, header not counted (for .npy: example + 1). */
  row?: number;
  /** 1-based line of the file for an error in its header line, which is no data row (no `row` then). */
  line?: number;
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
  readonly line?: number;
  readonly column?: number;
  readonly example?: number;
  readonly classIndex?: number;
  /** Plain data (code, message and the location fields that are set), for postMessage and JSON. */
  toJSON(): LabelScopeErrorInfo;
}
