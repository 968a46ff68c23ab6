// Out-of-sample probabilities computed in this tab (issue 13): a labelled table without
// probabilities (CSV or Parquet), or labels + a features/pixels file, goes through the worker's
// crossValProbs (k-fold cross-validated logistic regression in WebAssembly); its result becomes a
// dataset that the analysis controller audits like any file read. A request like any other: a
// newer action (a file, a demo, Cancel) supersedes it. No DOM here: the view draws the panel.
import { imageShapeOf, npyImages, parquetImages } from '../src/js/images.js';
import { computedFrom } from '../ui/computed.js';
import { DEFAULT_FOLDS, foldsOption } from '../ui/folds.js';

const PARQUET_MAGIC = 'PAR1';

/**
 * The input crossValProbs takes for the files listed: a combined table, or labels + features
 * (a file the reader took for probabilities but that holds features, e.g. pixels). null if none.
 */
export function crossValInput(entries) {
  const file = (role) => entries.find((e) => e.role === role)?.file;
  if (file('combined')) return { combined: file('combined') };
  const features = file('features') ?? file('predProbs');
  if (file('labels') && features) return { labels: file('labels'), features };
  return null;
}

/** Whether the files listed look like a labelled table of features (the sniffer said so, or Parquet). */
export function looksLikeFeatures(entries) {
  return entries.some((e) => e.role === 'combined' && (e.looksLikeFeatures || e.format === 'parquet'));
}

/**
 * Wraps the page's sniff: a Parquet file (which the text sniffer calls binary) is a labelled table,
 * read by crossValProbs or readDataset (hyparquet), not refused at the drop.
 */
export function sniffParquetToo(sniff) {
  return async (file) => {
    const entry = await sniff(file);
    if (!entry.problem || entry.problem.code !== 'not_text') return entry;
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const magic = String.fromCharCode(...head) === PARQUET_MAGIC;
    if (!magic && !/\.parquet$/i.test(file.name)) return entry;
    return {
      file,
      role: 'combined',
      format: 'parquet',
      reason: 'a Parquet table',
      columns: null,
      firstRow: [],
      looksLikeFeatures: false,
    };
  };
}

/**
 * deps: {client() -> Promise<worker client>, analysis (AnalysisController), fetchFiles(urls, signal),
 *   shownChoice() -> {columnRoles, impute, chosen} the panel's table of columns shows now, or null}.
 * view: {start({input, entries, title, columnsOnly}), progress(p), columns(report, previous), done(result),
 *   cancelled(), failed(error), clear()}.
 */
export class CrossValController {
  #deps;
  #view;
  #result = null;
  #again = null; // the last computation asked for, to run again after a Cancel
  #last = null; // {input, options, result}: the probabilities computed last, reused for the same files and choices
  #demoFiles = null; // {urls, files}: a demo's files as fetched, so its probabilities are reused too
  #choice = {}; // the columns' roles etc. asked for last (kept when imputation is asked after an error)
  #panelInput = null; // the files the panel is about ({combined} or {labels, features}), or null
  #panelLabel = null; // the label column chosen in the list of files when the panel was drawn

  constructor(deps, view) {
    this.#deps = deps;
    this.#view = view;
  }

  /** The last crossValProbs result whose dataset is shown (for "Download probabilities"), or null. */
  get result() {
    return this.#result;
  }

  /**
   * Computes probabilities for the files listed now (the "Compute … here" button). choice:
   * {columnRoles, impute} as chosen in the panel's table of columns (default: the reader's).
   */
  compute(choice = {}) {
    // Asked without a choice (e.g. the button under an error): the roles the panel's table of columns shows now,
    // if it shows one — the person's choices there are what is computed, not the reader's defaults.
    const { folds, ...rest } = choice;
    const shown = Object.keys(rest).length ? null : this.#deps.shownChoice?.();
    const asShown = shown
      ? {
          columnRoles: shown.columnRoles,
          ...(shown.impute ? { impute: true } : {}),
          ...(shown.foldCase ? { foldCase: true } : {}),
        }
      : rest;
    const k = folds ?? shown?.folds;
    return this.#compute(this.#deps.analysis.entries, { ...asShown, ...foldsOption(k) }, null);
  }

  /**
   * What the way on under an error asks for (plausibility.js): how.chooseColumns shows the table of columns;
   * how.impute computes again with missing values imputed, keeping the roles and folds chosen for the computation
   * that failed; how.folds: the number of folds (with how.again, the computation that failed asked again with them);
   * how.foldCase (true or false): the last computation again with class names that differ only in capitals or
   * spacing read as one class (crossValProbs' foldCase), or apart again, its other choices kept.
   */
  ask(how = {}) {
    if (how.chooseColumns) return this.chooseColumns(how.folds);
    const folds = how.folds ?? (how.impute || how.foldCase !== undefined ? this.#choice.folds : undefined);
    if (how.foldCase !== undefined) return this.compute({ ...this.#choice, foldCase: Boolean(how.foldCase), folds });
    if (how.impute) return this.compute({ ...this.#choice, impute: true, folds });
    return this.compute(how.again ? { ...this.#choice, folds } : { folds });
  }

  /**
   * The files listed changed: the panel stays while it is about the files still listed in the same roles, with the
   * same label column chosen (a known truth file added keeps the columns chosen); otherwise it goes.
   */
  listed(entries) {
    if (!this.#panelInput) return;
    const now = crossValInput(entries);
    const same = now && ['combined', 'labels', 'features'].every((role) => now[role] === this.#panelInput[role]);
    // Another label column chosen in the list of files: the table of columns read with the old one is outdated.
    if (same && this.#deps.analysis.labelColumn === this.#panelLabel) return;
    this.#panelInput = null;
    this.#view.clear();
  }

  /**
   * Files kept from an earlier visit whose probabilities were computed here (Resume): computes them
   * again with the same choices (deterministic: the same bits, so the decisions find their rows).
   */
  resume(entries, choice = {}) {
    return this.#compute(entries, choice, { kind: 'files' });
  }

  /** The choice ({columnRoles, impute, labelColumn}) of the last computation asked for here, or {}. */
  get choice() {
    return { ...this.#choice };
  }

  #compute(entries, choice, origin) {
    const input = crossValInput(entries);
    if (!input) return undefined;
    this.#choice = { ...choice };
    const options = {};
    // The label column the person chose in the list of files (a table whose label column has no
    // known name): trained on, unless the table of columns names another.
    const labelColumn = labelColumnFor(
      input,
      choice.labelColumn ?? (origin ? null : this.#deps.analysis.labelColumn),
      choice.columnRoles,
    );
    if (labelColumn) options.labelColumn = labelColumn;
    if (choice.columnRoles && Object.keys(choice.columnRoles).length) options.columnRoles = choice.columnRoles;
    if (choice.impute) options.impute = true;
    if (choice.foldCase) options.foldCase = true;
    Object.assign(options, foldsOption(choice.folds));
    const features = entries.find((e) => e.role === 'features' || (e.role === 'predProbs' && input.features));
    const image = imageShape(features);
    const files = image ? [input.labels, input.features] : null;
    // A Parquet file whose list column may hold pixels: its images are looked for after computing.
    const pixelsFile = image ? null : parquetPixelsFile(input, entries);
    this.#again = () => this.#run(input, entries, { origin, options, image, files, pixelsFile });
    return this.#again();
  }

  /**
   * Shows which column would be used as what, each role changeable, before computing (the
   * "Choose the columns first" button): the worker reads the table, nothing is trained.
   */
  async chooseColumns(folds = undefined) {
    const analysis = this.#deps.analysis;
    const entries = analysis.entries;
    const input = crossValInput(entries);
    if (!input) return undefined;
    // The roles chosen in the table shown now (e.g. before a known truth file was added) are chosen again.
    const shown = this.#deps.shownChoice?.() ?? null;
    // The folds chosen beside the button that asked (or in the table shown now) are chosen again there.
    const before = folds ? { ...shown, folds } : shown;
    const request = analysis.beginCompute(entries, null);
    this.#start({ input, entries, title: null, columnsOnly: true });
    let report;
    try {
      const client = await this.#deps.client();
      if (!request.live()) return undefined;
      const labelColumn = labelColumnFor(input, analysis.labelColumn, null);
      report = await client.crossValColumns(input, {
        ...(labelColumn ? { labelColumn } : {}),
        signal: request.signal,
        onProgress: (p) => {
          if (request.live()) this.#view.progress(p);
        },
      });
    } catch (error) {
      if (request.live()) this.#ended(error);
      return undefined;
    }
    if (!request.live()) return undefined;
    this.#view.columns(report, before);
    analysis.endCompute('');
    return report;
  }

  /** Runs the cancelled computation again ("Compute again"). */
  again() {
    return this.#again?.();
  }

  /**
   * A demo of pixels: fetches labels + features, computes, shows each row's image.
   * urls: [labels, features]; image: [height, width]; title and name: the demo's.
   */
  async demo(urls, { image, title, name }) {
    this.#again = () => this.demo(urls, { image, title, name });
    const analysis = this.#deps.analysis;
    const origin = { kind: 'demo', name };
    const { signal, live } = analysis.beginCompute(null, origin);
    this.#start({ title, fetching: true });
    const key = JSON.stringify(urls);
    let files = this.#demoFiles?.urls === key ? this.#demoFiles.files : null;
    try {
      files ??= await this.#deps.fetchFiles(urls, signal);
    } catch (error) {
      if (live()) this.#ended(error);
      return undefined;
    }
    if (!live()) return undefined;
    this.#demoFiles = { urls: key, files };
    const entries = [
      { file: files[0], role: 'labels', reason: 'the demo’s labels' },
      { file: files[1], role: 'features', reason: 'the demo’s pixels (features)' },
    ];
    return this.#run({ labels: files[0], features: files[1] }, entries, { image, title, files, origin });
  }

  async #run(
    input,
    entries,
    { image = null, title = null, files = null, origin = null, options = {}, pixelsFile = null },
  ) {
    const analysis = this.#deps.analysis;
    const request = analysis.beginCompute(entries, origin);
    this.#result = null;
    const { folds = DEFAULT_FOLDS } = /** @type {{ folds?: number }} */ (options); // the panel says how many
    this.#start({ input, entries, title, folds });
    let result;
    let dataset;
    try {
      const client = await this.#deps.client();
      if (!request.live()) return undefined;
      // The same files with the same choices give the same bits: e.g. simulated noise asked for on
      // data computed here trains only on the noisy labels, not on the original ones again.
      result = this.#reusable(input, options);
      if (!result) {
        result = await client.crossValProbs(input, {
          ...options,
          signal: request.signal,
          onProgress: (p) => {
            if (request.live()) this.#view.progress(p);
          },
        });
        if (!request.live()) return undefined;
        this.#last = { input, options: JSON.stringify(options), result };
      }
      dataset = await client.datasetFromCrossVal(result);
    } catch (error) {
      if (request.live()) this.#ended(error);
      return undefined;
    }
    if (!request.live()) {
      dataset.free().catch(() => {});
      return undefined;
    }
    if (image) {
      // Each row's pixels, drawn beside it in the table and the detail pane (ui/thumbnails.js).
      const pixels = new Uint8Array(await files[1].arrayBuffer());
      dataset.images = imagesFromNpy(pixels, image);
    } else if (pixelsFile) {
      // Thumbnails are extra: a file whose list holds no pixels (or cannot be read again) shows none.
      dataset.images = await parquetImages(pixelsFile).catch(() => null);
      if (!request.live()) {
        dataset.free().catch(() => {});
        return undefined;
      }
    }
    dataset.computed = computedFrom(result, entries, options); // what the exports and the summary say
    this.#result = result;
    this.#view.done(result);
    // A table's own columns can be trained on again with simulated noisy labels (simulateNoisyData's combined).
    const training = input.combined ? { combined: input.combined, crossVal: { ...options } } : null;
    const shown = await analysis.useComputed(request.token, dataset, training);
    // Simulated noise trained the model again on the noisy labels (controllers/simulation.js): the
    // panel and its download are of the probabilities analysed, with the first model's accuracy beside.
    const retrained = analysis.dataset?.retrained;
    if (request.live() && retrained?.from === dataset && this.#result === result) {
      this.#result = retrained.result;
      this.#view.done(retrained.result, { first: result });
    }
    return shown;
  }

  /** The panel shows a computation (or the columns) of `how.input`: remembered, to clear it when those files go. */
  #start(how) {
    this.#panelInput = how.input ?? null;
    this.#panelLabel = this.#deps.analysis.labelColumn;
    this.#view.start(how);
  }

  /** The result computed last when it was for these very files (the same File objects) and options; else null. */
  #reusable(input, options) {
    const last = this.#last;
    if (!last || last.options !== JSON.stringify(options)) return null;
    const same = ['combined', 'labels', 'features'].every((role) => input[role] === last.input[role]);
    return same ? last.result : null;
  }

  #ended(error) {
    const analysis = this.#deps.analysis;
    if (error?.code === 'cancelled') {
      this.#view.cancelled();
      analysis.endCompute(''); // the panel says so, with "Compute again"
    } else {
      this.#view.failed(error);
      analysis.endCompute(null, error);
    }
  }
}

/** The person's label column for a table's crossValProbs, unless columnRoles names a label itself. */
function labelColumnFor(input, chosen, columnRoles) {
  if (!input.combined || !chosen) return null;
  return Object.values(columnRoles ?? {}).includes('label') ? null : chosen;
}

/**
 * [height, width] of the images in a uint8 .npy features file, for thumbnails: N x H x W as saved,
 * or N x D with D a square of at least 8 x 8 (e.g. 784 = 28 x 28); null otherwise.
 */
export function imageShape(entry) {
  if (!entry || entry.format !== 'npy' || entry.descr !== '|u1' || !entry.shape) return null;
  const [, a, b] = entry.shape;
  if (entry.shape.length === 3) return [a, b];
  return entry.shape.length === 2 ? imageShapeOf(a ?? 0) : null;
}

/** {pixels, height, width, offset} of a uint8 .npy of N x (height*width) images (src/js/images.js). */
export const imagesFromNpy = npyImages;

/** The Parquet features file (or labelled Parquet table) whose list column may hold each row's pixels, or null. */
function parquetPixelsFile(input, entries) {
  const parquet = (role) => entries.some((e) => e.role === role && e.format === 'parquet');
  if (input.features && (parquet('features') || parquet('predProbs'))) return input.features;
  return input.combined && parquet('combined') ? input.combined : null;
}
