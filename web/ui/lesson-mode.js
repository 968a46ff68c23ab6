// What the lesson attributes of <label-scope> add to the element (simulate-noise, seed, noise-pair,
// lesson, hide-truth): the element (label-scope.js) only forwards to this class at a few points —
// after a read (to flip labels), when truth is built and shown, when it renders and announces.
import {
  recomputeOn,
  simulateOn,
  simulationRequest,
  simulationScores,
  simulationTruth,
  truthSoFar,
} from '../controllers/simulation.js';
import { replace } from './dom.js';
import { adoptLessonStyles, LessonPanel } from './lesson-panel.js';

const PROBS_LIMIT = 4_000_000; // values (32 MB): beyond, the pruning step gives its counts without the row's rank

export const LESSON_ATTRIBUTES = [
  'simulate-noise',
  'seed',
  'noise-pair',
  'noise-matrix',
  'noise-probabilities',
  'lesson',
  'hide-truth',
];

/**
 * What the Files panel says of simulated data (ui/intake.js): the files as read (label column, notes,
 * computed probabilities, truth columns), not the in-memory noisy labels file, and what was flipped.
 */
function describedAs(original, simulation) {
  return {
    source: original.source,
    notes: [...(original.notes ?? [])],
    computed: original.computed ?? null,
    trueLabels: Boolean(original.trueLabels),
    knownErrors: Boolean(original.knownErrors),
    extraColumns: original.extraColumns ?? [],
    classNames: [...original.classNames],
    numExamples: original.numExamples,
    numClasses: original.numClasses,
    simulation: {
      flipped: simulation.flipped,
      rate: simulation.rate,
      seed: simulation.seed,
      pair: simulation.pair,
      matrix: simulation.mode === 'matrix',
      probabilities: simulation.probabilities,
    },
  };
}

export class LessonMode {
  #host;
  #panel = new LessonPanel();
  #simulation = null; // of the dataset shown
  #revealed = false; // Reveal pressed since the data was read
  #ui = null;
  #computed = false; // the data shown was computed here (controllers/cross-val.js)
  #hasFeatures = false; // ... from features (a file, or a table's columns), which can be trained on again
  #probs = null; // {dataset, values}: the probabilities of the data shown, for the pruning step's row

  /** host: {attr(name), has(name), emit(type, detail), client(), rerender()}. */
  constructor(host) {
    this.#host = host;
  }

  get element() {
    return this.#panel.element;
  }
  /** The simulation behind the data shown ({rate, seed, pair, flipped, flippedRows, isError, ...}), or null. */
  get simulation() {
    return this.#simulation;
  }

  attach(shadowRoot, ui) {
    this.#ui = ui;
    this.#panel.setHost(shadowRoot.host, ui.status);
    adoptLessonStyles(shadowRoot);
    ui.root.insertBefore(this.#panel.element, ui.results);
  }

  /** The results are no longer of the files listed (other files dropped): the lesson's panel goes with them. */
  hide() {
    this.#panel.element.hidden = true;
  }

  /** Whether the data shown had its probabilities computed here (so flipping again means computing again). */
  get computed() {
    return this.#computed;
  }

  /**
   * After a read: flips the labels when simulate-noise asks for it (else the dataset as read).
   * how: {client, signal, computed (probabilities computed here from features), features (that
   * file, when labels + features; {combined, crossVal} for a labelled table's own columns), progress(text, fraction)}.
   */
  async prepare(dataset, { client, signal, computed = false, features = null, progress = null }) {
    this.#revealed = false;
    this.#computed = computed;
    this.#hasFeatures = Boolean(features);
    let request;
    try {
      request = simulationRequest((name) => this.#host.attr(name));
    } catch (error) {
      dataset.free().catch(() => {});
      throw error;
    }
    if (!request) {
      this.#simulation = null;
      await this.#keepProbabilities(dataset);
      return dataset;
    }
    // A demo's thumbnails and a table's id and text columns stay with the noisy dataset.
    const { images, extraColumns } = dataset;
    // The data's own known truth (a true_label or is_error column): the flips are measured against the
    // labels before flipping, which it may show to be wrong; the card says so.
    const givenTruth =
      dataset.trueLabels || dataset.knownErrors
        ? {
            trueLabels: dataset.trueLabels ? Int32Array.from(dataset.trueLabels) : null,
            knownErrors: dataset.knownErrors ? Int8Array.from(dataset.knownErrors) : null,
          }
        : null;
    const recompute = Boolean(features) && request.probabilities !== 'keep';
    try {
      let out;
      if (recompute) {
        const folds = (p) => (p.stage === 'training' ? ` — ${p.foldsDone} of ${p.numFolds} folds` : '');
        progress?.('Simulated noise: training again on the noisy labels…', 0);
        out = await recomputeOn(client, dataset, request, features, {
          signal,
          onProgress: (p) =>
            progress?.(
              `Simulated noise: training again on the noisy labels${folds(p)}…`,
              p.stage === 'training' ? p.foldsDone / p.numFolds : null,
            ),
        });
        out.simulation.features = features; // for the sweep trained again at every rate
      } else {
        out = await simulateOn(client, dataset, request);
        out.simulation.canRecompute = Boolean(features);
        out.simulation.computedTable = computed && !features;
        out.simulation.asked = request.probabilities;
      }
      if (images) out.dataset.images = images;
      if (extraColumns?.length && !out.dataset.extraColumns?.length) out.dataset.extraColumns = extraColumns;
      out.simulation.givenTruth = givenTruth;
      out.dataset.simulatedFrom = describedAs(dataset, out.simulation);
      this.#simulation = out.simulation;
      await this.#keepProbabilities(out.dataset);
      return out.dataset;
    } catch (error) {
      dataset.free().catch(() => {});
      throw error;
    }
  }

  /**
   * With the step-by-step view, the probabilities of a small dataset are kept here, so that the
   * pruning step can say whether the followed row is one its cell gives up (its margin's rank).
   */
  async #keepProbabilities(dataset) {
    this.#probs = null;
    if (!this.#host.has('lesson') || dataset.numExamples * dataset.numClasses > PROBS_LIMIT) return;
    this.#probs = { dataset, values: await dataset.probabilityRows(0, dataset.numExamples) };
  }

  /** The kept probabilities when they are the dataset's; else fetched now and drawn again (lesson added later). */
  #probsOf(dataset) {
    if (!dataset || !this.#host.has('lesson')) return null;
    if (this.#probs?.dataset === dataset) return this.#probs.values;
    if (this.#probs?.pending === dataset || dataset.numExamples * dataset.numClasses > PROBS_LIMIT) return null;
    this.#probs = { pending: dataset };
    dataset.probabilityRows(0, dataset.numExamples).then(
      (values) => {
        if (this.#probs?.pending !== dataset) return;
        this.#probs = { dataset, values };
        this.#host.rerender();
      },
      () => {},
    );
    return null;
  }

  /** The truth of the data: the flips when noise was simulated, else the files' truth. */
  truth(dataset, parsed, buildTruth) {
    return this.#simulation ? simulationTruth(this.#simulation) : buildTruth(dataset, parsed);
  }

  /** Whether the known truth may be shown in full now. */
  fullyShown(truth, decisions, report) {
    if (!truth || !this.#host.has('hide-truth')) return true;
    if (this.#revealed) return true;
    if (!report) return false;
    for (const i of report.issues) if (!decisions.has(i)) return false;
    return true;
  }

  /** The truth the page may show: all of it, or under hide-truth only the rows decided so far. */
  visibleTruth(truth, decisions, report) {
    if (this.fullyShown(truth, decisions, report)) return truth;
    return truthSoFar(truth, new Set(decisions.entries().map((e) => e.index)));
  }

  /**
   * After the element rendered its results. ctx: the element's render context (visible truth);
   * truth: the whole known truth; shown: whether it may be shown in full.
   */
  render(ui, ctx, { compact, truth, shown, client }) {
    const hide = Boolean(truth) && !shown;
    if (hide) replace(ui.truth); // no precision or recall until every flag is decided or revealed
    // The estimated noise (and the health score, its complement) would give the answer away too.
    for (const key of ['noise', 'health']) {
      const stat = ui.summary?.querySelector(`[data-stat="${key}"]`);
      if (stat) stat.hidden = hide;
    }
    this.#panel.render({
      ctx: { ...ctx, hasTruth: Boolean(truth) },
      simulation: this.#simulation,
      hideTruth: this.#host.has('hide-truth'),
      revealed: !hide,
      lesson: this.#host.has('lesson'),
      compact,
      client,
      settings: this.#ui?.settings?.values,
      probs: this.#probsOf(ctx.dataset),
      canRecompute: this.#hasFeatures,
      onReveal: () => {
        this.#revealed = true;
        this.#host.rerender();
        // The button is gone: keyboard focus goes to what it revealed.
        const target = this.#panel.element.querySelector('.lz-sim') ?? ui.truth.firstElementChild ?? ui.compact;
        if (target) {
          target.tabIndex = -1;
          target.focus();
        }
      },
      onStep: (detail) => this.#host.emit('labelscope-step', detail),
    });
  }

  /** detail.simulation of labelscope-result, or null. */
  resultSimulation(report) {
    return this.#simulation ? simulationScores(this.#simulation, report.issues) : null;
  }
}
