// @ts-check
// Out-of-sample predicted probabilities from the data's own features: k-fold cross-validated
// logistic regression in WebAssembly (src/learn), from a labelled table (CSV/TSV or Parquet) or
// from labels + an N x D features file (.npy or numeric CSV). The result feeds audit() directly;
// what else is done with it (PROBS.csv, a Dataset): src/js/cross-val-result.js.
import { leakWarnings, weakModelWarnings } from './model-warnings.js';
import { caseVariantSentence, caseVariantWarningsOfLabels, withFoldAdvice } from './class-warnings.js';
import { invalid, LabelScopeError, unwrap } from './errors.js';
import { checkOptions } from './inputs.js';
import { RESULT_TAG } from './cross-val-result.js';
import { isParquet, joinChunks, parquetAsCsv, parquetColumns } from './parquet.js';
import { describeSource } from './sources.js';
import { looksMultiLabelTable } from './label-sets-hint.js';

export const CROSS_VAL_OPTIONS = [
  'folds',
  'seed',
  'model',
  'signal',
  'onProgress',
  'labelColumn',
  'features',
  'textColumn',
  'c',
  'balancedClassWeight',
  'impute',
  'maxIterations',
  'tolerance',
  'columnRoles',
  'labels',
  'foldCase',
];
export const CROSS_VAL_COLUMNS_OPTIONS = [
  'signal',
  'onProgress',
  'labelColumn',
  'features',
  'textColumn',
  'columnRoles',
  'foldCase',
];

/** The roles a table's column can be given (columnRoles): 'ignore' leaves it out. */
export const COLUMN_ROLES = ['label', 'numeric', 'categorical', 'text', 'ignore'];

const cancelled = () => new LabelScopeError({ code: 'cancelled', message: 'Cross-validation was cancelled.' });

// The threaded core's helpers (workers it starts for big data: folds in parallel, src/learn) must
// not keep a Node process alive once the work is done: unref'd once they exist (as labelscope.js).
// The training is one call: a helper worker still loading when it starts (asked for as the files
// were read, bind_learn.cpp) could only join after it. Waits for it (a few hundred ms at most).
async function helpersLoaded(core, signal) {
  const pthreads = core.PThread;
  if (pthreads === undefined) return;
  const loading = () => [...pthreads.unusedWorkers, ...pthreads.runningWorkers].some((w) => !w.loaded);
  for (let waited = 0; loading() && waited < 3000 && !signal?.aborted; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, 0)); // its first message: start the thread
}

function unrefHelpers(core) {
  const pthreads = core.PThread;
  if (pthreads === undefined) return;
  for (const worker of [...pthreads.unusedWorkers, ...pthreads.runningWorkers]) worker.unref?.();
}

/** The files to read, in order, from { combined } or { labels, features }. */
export function crossValSources(input) {
  if (input == null || typeof input !== 'object') {
    throw invalid('crossValProbs needs { combined } (a labelled table) or { labels, features }.');
  }
  if (input.combined != null) {
    if (input.labels != null || input.features != null) {
      throw invalid('Pass either { combined } or { labels, features }, not both.');
    }
    return [{ role: 'combined', ...describeSource(input.combined, 'data.csv') }];
  }
  if (input.labels == null || input.features == null) {
    throw invalid('crossValProbs needs both labels and features (or one labelled table as { combined }).');
  }
  // A Parquet file of labels or of features is read as the CSV it holds (numbers in their
  // shortest round-trip form: the same bits), a list column of D numbers as D columns.
  return [
    { role: 'labels', ...parquetAsCsv(describeSource(input.labels, 'labels')) },
    { role: 'features', ...parquetFeaturesAsCsv(describeSource(input.features, 'features')) },
  ];
}

/**
 * A features file, read as a headerless numeric CSV if it is Parquet: every numeric column one
 * feature, a list column of D numbers D features, in column order; numbers in their shortest
 * round-trip form (the same bits), a null an empty cell. A text column is an error naming it.
 */
function parquetFeaturesAsCsv(source) {
  return {
    ...source,
    async *open() {
      const chunks = source.open()[Symbol.asyncIterator]();
      const first = await chunks.next();
      if (first.done) return;
      if (!isParquet(first.value) && !/\.parquet$/i.test(source.name)) {
        yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
        return;
      }
      const parts = [new Uint8Array(first.value)];
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        parts.push(new Uint8Array(next.value));
      }
      const columns = (await parquetColumns(joinChunks(parts, source.name), source.name)).filter(
        (c) => c.kind !== 'skipped',
      );
      const text = columns.find((c) => c.kind === 'string');
      if (text) {
        throw new LabelScopeError({
          code: 'bad_number',
          file: source.name,
          message:
            `Column '${text.name}' of ${source.name} holds text: a features file holds numbers only ` +
            '(pass a labelled table as { combined } / --data to use text columns).',
        });
      }
      const cells = [];
      let n = 0;
      for (const c of columns) {
        const dim = c.kind === 'vector' ? c.dim : 1;
        n = c.values.length / dim;
        for (let d = 0; d < dim; d++) {
          cells.push((i) => {
            const v = c.values[i * dim + d];
            return Number.isNaN(v) ? '' : String(v);
          });
        }
      }
      const encoder = new TextEncoder();
      for (let start = 0; start < n; start += 4096) {
        const lines = [];
        for (let i = start; i < Math.min(n, start + 4096); i++) lines.push(cells.map((cell) => cell(i)).join(','));
        yield encoder.encode(`${lines.join('\n')}\n`);
      }
    },
  };
}

// Options the core reads, checked here so that a typo or a bad value never means "default".
function coreOptions(options) {
  const out = {};
  const whole = (key, min) => {
    const v = options[key];
    if (v === undefined) return;
    if (!Number.isSafeInteger(v) || v < min) {
      throw invalid(`${key} must be a whole number >= ${min}; got ${String(v)}.`);
    }
    out[key] = v;
  };
  whole('folds', 2);
  whole('seed', 0);
  whole('maxIterations', 1);
  if (options.c !== undefined) {
    if (typeof options.c !== 'number' || !(options.c > 0) || !Number.isFinite(options.c)) {
      throw invalid(`c must be a positive number (inverse regularisation strength); got ${String(options.c)}.`);
    }
    out.c = options.c;
  }
  if (options.tolerance !== undefined) {
    if (typeof options.tolerance !== 'number' || !(options.tolerance > 0)) {
      throw invalid(`tolerance must be a positive number; got ${String(options.tolerance)}.`);
    }
    out.tolerance = options.tolerance;
  }
  if (options.balancedClassWeight !== undefined) out.balancedClassWeight = Boolean(options.balancedClassWeight);
  const model = options.model ?? 'logistic_regression';
  if (model !== 'logistic_regression') throw invalid(`model must be 'logistic_regression'; got '${String(model)}'.`);
  out.model = model;
  return out;
}

function readerOptions(options) {
  const out = {};
  if (options.labelColumn !== undefined) out.labelColumn = String(options.labelColumn);
  if (options.textColumn !== undefined) out.textColumn = String(options.textColumn);
  if (options.impute !== undefined) out.impute = Boolean(options.impute);
  // Class names that differ only in capitals or spacing read as one class (its most common spelling).
  if (options.foldCase !== undefined) out.foldCase = Boolean(options.foldCase);
  const f = options.features;
  if (f !== undefined) {
    const list =
      typeof f === 'string'
        ? f
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : f;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      throw invalid("features must be 'all', a list of column names, or names separated by commas.");
    }
    out.features = list;
  }
  if (options.columnRoles !== undefined) Object.assign(out, rolesOptions(options.columnRoles, out));
  return out;
}

// columnRoles {name: role} -> the reader's labelColumn, textColumn and roles [[name, use], ...].
function rolesOptions(columnRoles, given) {
  if (columnRoles == null || typeof columnRoles !== 'object' || Array.isArray(columnRoles)) {
    throw invalid(`columnRoles must be an object of column name -> one of ${COLUMN_ROLES.join(', ')}.`);
  }
  const out = { roles: [] };
  for (const [name, role] of Object.entries(columnRoles)) {
    if (!COLUMN_ROLES.includes(role)) {
      throw invalid(`columnRoles['${name}'] must be one of ${COLUMN_ROLES.join(', ')}; got ${JSON.stringify(role)}.`);
    }
    if (role === 'label' || role === 'text') {
      const key = role === 'label' ? 'labelColumn' : 'textColumn';
      const already = out[key] ?? given[key];
      if (already !== undefined && already.toLowerCase() !== name.toLowerCase()) {
        throw invalid(`Two ${role} columns: '${already}' and '${name}'. Choose one.`);
      }
      out[key] = name;
    } else {
      out.roles.push([name, role === 'ignore' ? 'ignored' : role]);
    }
  }
  return out;
}

// Feeds one source to the reader: a CSV/.npy in chunks, or a Parquet file's columns (also used by
// the one-vs-rest reader, src/js/multilabel-cross-val.js).
export async function feedSource(reader, source, signal, onProgress, progress) {
  let first = true;
  let parquet = null;
  for await (const chunk of source.open()) {
    if (signal?.aborted) throw cancelled();
    if (first) {
      first = false;
      // A labelled table in Parquet goes by columns; labels and features files come as CSV (crossValSources).
      if (source.role === 'combined' && (isParquet(chunk) || /\.parquet$/i.test(source.name))) parquet = [];
      else unwrap(reader.beginFile(source.role, source.name, source.size || 0));
    }
    if (parquet) parquet.push(new Uint8Array(chunk));
    else unwrap(reader.feed(chunk));
    progress.bytesRead += chunk.byteLength;
    onProgress?.({
      stage: 'reading',
      file: source.name,
      bytesRead: progress.bytesRead,
      totalBytes: progress.totalBytes,
    });
  }
  if (first) unwrap(reader.beginFile(source.role, source.name, 0)); // an empty file: the reader says so
  if (!parquet) {
    unwrap(reader.endFile());
    return;
  }
  const columns = await parquetColumns(joinChunks(parquet, source.name), source.name);
  unwrap(reader.beginColumns(source.name));
  for (const col of columns) {
    if (col.kind === 'numeric') unwrap(reader.addNumericColumn(col.name, col.values));
    else if (col.kind === 'string') unwrap(reader.addStringColumn(col.name, col.values));
    else if (col.kind === 'vector') unwrap(reader.addVectorColumn(col.name, col.dim, col.values));
  }
}

/** The labels option's form, checked before anything is read: an array or integer typed array. */
function checkLabelsShape(labels) {
  if (labels === undefined) return;
  const typed = ArrayBuffer.isView(labels) && /Int(8|16|32)Array|Uint(8|16|32)Array/.test(labels.constructor.name);
  if (!Array.isArray(labels) && !typed) {
    throw invalid('labels must be an array of class indices or class names (or an Int32Array), one per row.');
  }
}

/**
 * The labels option as class indices in the table's class order: a replacement for the label
 * column (e.g. simulated noise), one per row; indices or the table's class names.
 */
function labelsOverride(labels, info) {
  const n = info.numExamples;
  const k = info.numClasses;
  if (labels.length !== n) {
    throw invalid(`labels has ${labels.length} values; the data have ${n} rows: give one label per row, in order.`);
  }
  const index = new Map(info.classNames.map((name, c) => [name, c]));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    const c = typeof v === 'string' ? index.get(v) : v;
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw invalid(
        `labels[${i}] (row ${i + 1}) is ${JSON.stringify(v)}: give a class index from 0 to ${k - 1} or ` +
          `one of the data's class names (${info.classNames.slice(0, 5).join(', ')}${k > 5 ? ', …' : ''}).`,
      );
    }
    out[i] = c;
  }
  return out;
}

/**
 * Runs `train`; a class too small for the folds that is a spelling of another ('ACCOUNT' beside 'account', the
 * case warnings of the classes read) is said so in the error: merging them in the file may be the fix.
 */
function withCaseNote(train, classNames, caseWarnings) {
  try {
    return train();
  } catch (e) {
    if (e?.code !== 'too_few_examples' || caseWarnings.length === 0) throw e;
    throw new LabelScopeError({ ...e, message: `${e.message} ${caseVariantSentence(classNames, caseWarnings)}` });
  }
}

/**
 * Reads the input and computes out-of-sample probabilities. `core` is the WebAssembly module.
 * Options: folds (5), seed (0), model ('logistic_regression'), c (default: chosen by inner
 * validation), balancedClassWeight, labelColumn, features ('all' or names), textColumn, impute,
 * signal (AbortSignal), onProgress({stage: 'reading'|'training', ...}), labels (trained on instead
 * of the label column: class indices or the data's class names, one per row; the result's labels),
 * foldCase (class names that differ only in capitals or spacing are one class, its most common spelling).
 */
export async function crossValProbs(core, input, options = {}) {
  checkOptions('crossValProbs', options, CROSS_VAL_OPTIONS);
  const { signal, onProgress } = options;
  const train = coreOptions(options);
  checkLabelsShape(options.labels);
  const sources = crossValSources(input);
  if (signal?.aborted) throw cancelled();
  const progress = { bytesRead: 0, totalBytes: sources.reduce((sum, s) => sum + (s.size || 0), 0) };
  const reader = new core.FeatureReader(readerOptions(options));
  let set = null;
  try {
    for (const source of sources) await feedSource(reader, source, signal, onProgress, progress);
    set = unwrap(reader.finish()).features;
    const info = unwrap(set.info());
    // Label cells that hold sets ('news;politics'): multi-label data, not classes to train on.
    const sets = options.labels === undefined ? looksMultiLabelTable(info, sources[0].name) : null;
    if (sets) throw sets;
    // labels: trained on instead of the label column, which stays out of the features.
    const given = options.labels === undefined ? null : labelsOverride(options.labels, info);
    await helpersLoaded(core, signal);
    if (signal?.aborted) throw cancelled();
    let last = -1;
    const r = withCaseNote(
      () =>
        unwrap(
          set.crossVal(given ? { ...train, labels: given } : train, (foldsDone, numFolds) => {
            if (signal?.aborted) return false;
            if (foldsDone !== last) {
              last = foldsDone;
              onProgress?.({ stage: 'training', foldsDone, numFolds });
            }
            return true;
          }),
        ),
      info.classNames,
      given ? [] : caseVariantWarningsOfLabels(info.classNames, info.labels),
    );
    if (given && r.labelsReplaced !== true) {
      throw new LabelScopeError({
        code: 'internal',
        message:
          'This build of the WebAssembly core cannot train on ' +
          "replacement labels (crossValProbs' labels option): rebuild it (npm run build).",
      });
    }
    return {
      [RESULT_TAG]: true,
      predProbs: r.probs,
      numExamples: info.numExamples,
      numClasses: info.numClasses,
      classNames: info.classNames,
      labels: given ?? info.labels,
      folds: r.folds,
      settings: {
        folds: train.folds ?? 5,
        foldsUsed: r.foldsUsed,
        seed: train.seed ?? 0,
        model: train.model,
        c: r.c,
        cChosen: train.c === undefined,
        balancedClassWeight: train.balancedClassWeight ?? false,
        impute: options.impute ?? false,
        ...(options.foldCase ? { foldCase: true } : {}),
        ...(options.columnRoles ? { columnRoles: { ...options.columnRoles } } : {}),
      },
      notes: r.notes,
      // Classes that differ only in capitals (as read), then what the held-out scores and the columns say of the model.
      warnings: [
        ...withFoldAdvice(caseVariantWarningsOfLabels(info.classNames, info.labels)),
        ...leakWarnings(r.folds, given ?? info.labels, info.classNames, info.extraColumns, info.featureReport?.columns),
        ...weakModelWarnings(r.folds, given ?? info.labels, info.classNames),
      ],
      // The table's columns as read but the label (id, truth, text, numbers, categories): shown beside the results.
      extraColumns: info.extraColumns,
      featureReport: {
        ...info.featureReport,
        ...r.features,
        labelsFile: info.labelsFile,
        featuresFile: info.featuresFile,
      },
    };
  } catch (e) {
    if (e?.code === 'cancelled') throw cancelled();
    throw e;
  } finally {
    set?.delete();
    reader.delete();
    unrefHelpers(core);
  }
}

/**
 * Which column of the input would be used as what, before any training: each column's use
 * (label, numeric, categorical with its levels, text, id, truth, probability, ignored) and
 * whether it is constant (dropped), its missing cells; for an N x D block its shape and type.
 * Missing values are counted here, not refused: crossValProbs refuses them unless impute is set.
 */
export async function crossValColumns(core, input, options = {}) {
  checkOptions('crossValColumns', options, CROSS_VAL_COLUMNS_OPTIONS);
  const { signal, onProgress } = options;
  const sources = crossValSources(input);
  if (signal?.aborted) throw cancelled();
  const progress = { bytesRead: 0, totalBytes: sources.reduce((sum, s) => sum + (s.size || 0), 0) };
  const reader = new core.FeatureReader({ ...readerOptions(options), impute: true });
  let set = null;
  try {
    for (const source of sources) await feedSource(reader, source, signal, onProgress, progress);
    set = unwrap(reader.finish()).features;
    const info = unwrap(set.info());
    const report = unwrap(set.columns());
    return {
      numExamples: info.numExamples,
      numClasses: info.numClasses,
      classNames: info.classNames,
      labelsFile: info.labelsFile,
      featuresFile: info.featuresFile,
      ...report,
    };
  } finally {
    set?.delete();
    reader.delete();
    unrefHelpers(core);
  }
}
