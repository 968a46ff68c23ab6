// The lesson part of <label-scope>: what the simulated noise did (attributes simulate-noise, seed,
// noise-pair) and how the flags score against it, the Reveal button of hide-truth, the step-by-step
// view (attribute lesson) and, for simulated noise, every method compared and a noise-rate sweep.
import { pageWords } from '../src/js/option-words.js';
import { probabilitiesNote, simulationScores, trainingArgs } from '../controllers/simulation.js';
import { h, replace } from './dom.js';
import { formatRow, plural } from './format.js';
import { renderComparison, renderSweep } from './lesson-charts.js';
import { chosenRow, withDenseMatrices } from './lesson-data.js';
import { createNoiseForm } from './lesson-make.js';
import { pickInCell, pruneByCell } from './lesson-prune.js';
import { overflowObserver, watchOverflow } from './lesson-scroll.js';
import { renderLessonSteps } from './lesson-steps.js';
import { LESSON_CSS } from './lesson-styles.js';

const fmt = (n) => n.toLocaleString('en-US');
const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

let sheet = null;
/** The lesson styles, added to the element's shadow root once. */
export function adoptLessonStyles(root) {
  sheet ??= (() => {
    const s = new CSSStyleSheet();
    s.replaceSync(LESSON_CSS);
    return s;
  })();
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const MISS_REASONS = {
  agrees: 'the model is confident in the flipped label too (its probability for it reaches that class’s threshold)',
  unsure: 'no class reaches its threshold: the model is unsure',
  notPruned:
    'counted off the diagonal, but not flagged: pruning took rows of its cell with larger margins, or ' +
    'let it go because its own label is the model’s top class',
};

/** Why flipped row i was not flagged: a key of MISS_REASONS. */
function missReason(i, report, labels) {
  const c = report.confidentJointLabel[i];
  if (c < 0) return 'unsure';
  return c === labels[i] ? 'agrees' : 'notPruned';
}

/** Why flipped rows were missed, counted from the report: [reason, count]. */
function missedReasons(simulation, report, labels) {
  const counts = { agrees: 0, unsure: 0, notPruned: 0 };
  for (const i of simulation.flippedRows) if (!report.isLabelIssue[i]) counts[missReason(i, report, labels)]++;
  /** @type {[string, number][]} */
  const reasons = Object.entries(counts).map(([key, n]) => [MISS_REASONS[key], n]);
  return reasons.filter(([, n]) => n > 0);
}

const LIST_LIMIT = 200; // rows listed per kind; the table has them all

/** The flipped rows one by one: found (flagged) and missed (with why), as the page numbers rows. */
function flipLists(sim, report, labels, names) {
  const found = [];
  const missed = [];
  for (const i of sim.flippedRows) (report.isLabelIssue[i] ? found : missed).push(i);
  // The reference is the label before the flip, not the truth: with the data's own truth, a flip may put a wrong label
  // right.
  const what = (i) =>
    `row ${formatRow(i)}: labelled ${names[labels[i]]}, before the flip: ${names[sim.trueLabels[i]]}` +
    (sim.givenTruth?.trueLabels?.[i] === labels[i] ? ' (the flip gave it its known true class)' : '');
  const list = (rows, item) =>
    h(
      'ol',
      { class: 'lz-rows', tabindex: '0' },
      rows.slice(0, LIST_LIMIT).map((i) => h('li', null, item(i))),
      rows.length > LIST_LIMIT ? h('li', { class: 'help' }, `… and ${fmt(rows.length - LIST_LIMIT)} more`) : null,
    );
  const short = {
    agrees: 'the model agrees with the flipped label',
    unsure: 'the model is unsure',
    notPruned: 'not pruned',
  };
  return h(
    'details',
    { class: 'lz-flips' },
    h('summary', null, `Which flips were found (${fmt(found.length)}) and which were missed (${fmt(missed.length)})`),
    h(
      'div',
      { class: 'lz-flip-lists' },
      h('section', { 'aria-label': 'Flips found' }, h('h3', null, 'Found'), list(found, what)),
      h(
        'section',
        { 'aria-label': 'Flips missed' },
        h('h3', null, 'Missed, and why'),
        list(missed, (i) => `${what(i)} — ${short[missReason(i, report, labels)]}`),
      ),
    ),
  );
}

export class LessonPanel {
  element = h('div', { class: 'lz', part: 'lesson' });
  #extras = new WeakMap(); // simulation -> {compare, sweep} promise results
  #noiseForm = null; // "Simulate label noise" (lesson-make.js), once the host is known
  #follow = null; // {report, row}: the row the learner chose to follow (else the top-ranked flag)
  #honest = new WeakMap(); // simulation -> {sweep}: the sweep trained again at every rate
  #overflow = overflowObserver(); // marks the wide tables that scroll on a narrow column (lesson-scroll.js)

  /** The <label-scope> element whose attributes the noise form sets; status: its progress (shown by the form too). */
  setHost(host, status = null) {
    this.#noiseForm = createNoiseForm(host, status);
  }

  /**
   * state: {ctx: {report, labels, classNames, dataset}, simulation, hideTruth, revealed, lesson, compact,
   * client, settings ({fracNoise, minExamplesPerClass}), probs (every row's probabilities, flat, or
   * null), canRecompute (the data has a features file to train on again), onReveal(), onStep(detail)}.
   */
  render(state) {
    const { ctx, simulation, hideTruth, revealed, lesson, compact } = state;
    this.#overflow?.disconnect(); // the tables drawn before are gone
    if (!ctx?.report) {
      replace(this.element);
      this.element.hidden = true;
      return;
    }
    if (compact) {
      // The compact view has no table to decide in: the Reveal button when the truth is hidden, and
      // the steps when asked for.
      const parts = [];
      if (hideTruth && ctx.hasTruth && !revealed) parts.push(this.#revealCard(state));
      if (lesson) parts.push(this.#stepsSlot(state));
      this.element.hidden = parts.length === 0;
      replace(this.element, parts);
      watchOverflow(this.element, this.#overflow);
      return;
    }
    const parts = [];
    if (simulation) parts.push(this.#simulationCard(state));
    if (this.#noiseForm) {
      this.#noiseForm.update({ classNames: ctx.classNames, simulation, canRecompute: Boolean(state.canRecompute) });
      parts.push(this.#noiseForm.element);
    } else if (hideTruth && ctx.hasTruth && !revealed) parts.push(this.#revealCard(state));
    if (lesson) parts.push(this.#stepsSlot(state));
    if (lesson && simulation && (!hideTruth || revealed)) parts.push(this.#extrasSlot(state));
    this.element.hidden = parts.length === 0;
    replace(this.element, parts);
    watchOverflow(this.element, this.#overflow);
  }

  #revealCard({ onReveal, compact }) {
    const text = compact
      ? 'The known truth is hidden. Make your guess, then reveal it.'
      : 'The known truth is hidden: judge a few flagged rows in the table, then press Reveal the truth (it also ' +
        'shows ' +
        'once every flagged row is decided).';
    return h(
      'section',
      { class: 'lz-card lz-hidden-truth', 'aria-label': 'Known truth hidden' },
      h('p', null, text),
      h('button', { type: 'button', class: 'lz-reveal', onclick: onReveal }, 'Reveal the truth'),
    );
  }

  #simulationCard(state) {
    const { ctx, simulation: sim, hideTruth, revealed, onReveal } = state;
    const n = ctx.report.numExamples;
    const names = ctx.classNames;
    const how =
      sim.mode === 'matrix'
        ? 'by the noise matrix given'
        : sim.pair
          ? `between ${names[sim.pair[0]]} and ${names[sim.pair[1]]}`
          : 'each to another class at random';
    const head = h(
      'p',
      { class: 'lz-sim-what' },
      `Simulated noise: ${sim.flipped.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} labels were flipped ` +
        `(${shareFlipped(sim, n)}, ${how}, seed ${sim.seed}). The table now shows the noisy labels; the flips ` +
        `are the known truth.`,
    );
    const own = givenTruthNote(sim, n);
    const note = h('p', { class: 'help lz-probs', 'data-probabilities': sim.probabilities }, probabilitiesNote(sim));
    const body = [
      h('h2', { class: 'section-title' }, 'Label noise, made on purpose'),
      head,
      own ? h('p', { class: 'lz-own-truth' }, own) : null,
    ];
    if (hideTruth && !revealed) {
      body.push(
        h(
          'p',
          null,
          `${ctx.report.issues.length.toLocaleString('en-US')} rows are flagged. How many of ` +
            `them are flips, and the estimated noise, ` +
            'stay hidden: judge a few rows, then press Reveal the truth (or decide every flagged row).',
        ),
        h('button', { type: 'button', class: 'lz-reveal', onclick: onReveal }, 'Reveal the truth'),
      );
    } else {
      const s = simulationScores(sim, ctx.report.issues);
      const flagged = ctx.report.issues.length;
      const f1 = flagged + sim.flipped > 0 ? (2 * s.found) / (flagged + sim.flipped) : null;
      body.push(
        h(
          'dl',
          { class: 'summary lz-scores' },
          stat('Flips found', `${fmt(s.found)} of ${fmt(s.flipped)}`, 'found'),
          stat('Precision', pct(s.precision), 'precision', `${fmt(s.found)} of ${fmt(flagged)} flags are flips`),
          stat('Recall', pct(s.recall), 'recall', `${fmt(s.found)} of ${fmt(s.flipped)} flips are flagged`),
          stat('F1', pct(f1), 'f1'),
        ),
      );
      if (sim.kept) {
        body.push(
          h(
            'p',
            { class: 'lz-kept' },
            `With the first probabilities kept instead (a model that never ` +
              `saw the flips), ` +
              `prune_by_noise_rate would find ${fmt(sim.kept.found)} of ${fmt(sim.kept.flipped)} flips ` +
              `(precision ${pct(sim.kept.precision)}, recall ${pct(sim.kept.recall)}).`,
          ),
        );
      }
      const reasons = missedReasons(sim, ctx.report, ctx.labels);
      const missed = s.flipped - s.found;
      if (missed > 0) {
        body.push(
          h('p', null, `${missed} ${missed === 1 ? 'flip was' : 'flips were'} missed, and why:`),
          h(
            'ul',
            { class: 'lz-missed' },
            // A count of flips per reason ("3 flips: ..."), not a row number.
            reasons.map(([why, count]) => h('li', null, `${plural(count, 'flip')}: ${why}`)),
          ),
        );
      }
      if (sim.flipped > 0) body.push(flipLists(sim, ctx.report, ctx.labels, ctx.classNames));
    }
    body.push(note);
    return h('section', { class: 'lz-card lz-sim', 'aria-label': 'Simulated label noise' }, body);
  }

  /** The steps; the followed row's place in its cell's pruning when the probabilities are at hand. */
  #stepsSlot(state) {
    const { ctx, settings, probs, onStep } = state;
    const prune = { fracNoise: settings?.fracNoise ?? 1, minExamplesPerClass: settings?.minExamplesPerClass ?? 1 };
    const n = ctx.report.numExamples;
    if (this.#follow != null && (this.#follow.report !== ctx.report || this.#follow.row >= n)) this.#follow = null;
    const row = this.#follow?.row ?? null;
    const chooser = followForm(n, row, (chosen) => {
      this.#follow = chosen == null ? null : { report: ctx.report, row: chosen };
      this.render(state);
      this.element.querySelector('.lz-follow-form input')?.focus();
    });
    return renderLessonSteps(ctx, {
      onStep,
      row,
      chooser,
      prune: { settings: prune, pick: rowPrunePick(ctx, prune, probs, row) },
    });
  }

  #extrasSlot({ simulation, client, ctx }) {
    const slot = h(
      'div',
      { class: 'lz-extras', 'aria-live': 'polite' },
      h('p', { class: 'help' }, 'Comparing methods…'),
    );
    let job = this.#extras.get(simulation);
    if (!job) {
      job = computeExtras(client, simulation, ctx).catch((error) => ({ error }));
      this.#extras.set(simulation, job);
    }
    job.then((out) => {
      if (out.error) {
        replace(
          slot,
          h('p', { class: 'help' }, `The comparison could not be computed: ${pageWords(out.error.message)}`),
        );
        return;
      }
      const honest = this.#honest.get(simulation);
      const shape = sweepShape(simulation, ctx);
      const sweep = h(
        'div',
        { class: 'lz-sweep-slot' },
        honest?.sweep
          ? renderSweep(honest.sweep, { ...shape, note: HONEST_NOTE })
          : renderSweep(out.sweep, { ...shape, note: sweepNote(simulation) }),
      );
      const parts = [renderComparison(out.compare), sweep];
      if (simulation.features && !honest?.sweep) parts.push(this.#honestButton(client, simulation, ctx, sweep));
      replace(slot, parts);
      watchOverflow(slot, this.#overflow);
    });
    return slot;
  }

  /**
   * "Sweep again, training at every rate": the honest sweep (client.sweepNoisyData, one
   * cross-validation per rate on that rate's noisy labels), with progress and Cancel.
   */
  #honestButton(client, sim, ctx, sweepSlot) {
    const rates = sweepRates(sim);
    const status = h('span', { class: 'help', role: 'status' });
    const cancel = h('button', { type: 'button', class: 'lz-secondary', hidden: true }, 'Cancel');
    const run = h(
      'button',
      { type: 'button', class: 'lz-secondary' },
      `Sweep again, training at every rate (${rates.length} trainings)`,
    );
    const box = h('div', { class: 'lz-honest' }, run, cancel, status);
    let controller = null;
    run.addEventListener('click', async () => {
      controller = new AbortController();
      run.hidden = true;
      cancel.hidden = false;
      replace(status, 'Starting…');
      try {
        const sweep = await client.sweepNoisyData({
          labels: Int32Array.from(sim.trueLabels),
          numClasses: ctx.report.numClasses,
          classNames: [...ctx.classNames],
          rates,
          seed: sim.seed,
          ...(sim.pair ? { pair: [...sim.pair] } : {}),
          ...trainingArgs(sim.features),
          signal: controller.signal,
          onProgress: (p) =>
            replace(
              status,
              p.stage === 'training'
                ? `Training at ${Math.round(p.rate * 100)}% noise (${p.rateIndex + 1} of ${p.numRates}): ` +
                    `${p.foldsDone} of ${p.numFolds} folds…`
                : `Reading for ${Math.round(p.rate * 100)}% noise…`,
            ),
        });
        this.#honest.set(sim, { sweep });
        replace(sweepSlot, renderSweep(sweep, { ...sweepShape(sim, ctx), note: HONEST_NOTE }));
        box.remove();
        sweepSlot.querySelector('.lz-sweep')?.focus();
      } catch (error) {
        run.hidden = false;
        cancel.hidden = true;
        replace(
          status,
          error?.code === 'cancelled' ? 'Cancelled.' : `The sweep could not be computed: ${pageWords(error.message)}`,
        );
      }
    });
    cancel.addEventListener('click', () => controller?.abort());
    return box;
  }
}

/** The share flipped, as the truth card counts it (flipped / rows), and the rate asked for where it differs. */
function shareFlipped(sim, n) {
  const actual = pct(n > 0 ? sim.flipped / n : 0);
  if (sim.rate == null || pct(sim.rate) === actual) return actual;
  const of = sim.pair ? ' of the two classes’ rows' : '';
  return `${actual} of all rows; ${pct(sim.rate)}${of} asked for, rounded to whole rows`;
}

/**
 * The data's own known truth (true_label or is_error) beside simulated noise: the flips are measured
 * against the labels before flipping, and those hold known errors. null without such truth.
 */
function givenTruthNote(sim, n) {
  const given = sim.givenTruth;
  if (!given) return null;
  let errors = 0;
  let flipsRight = 0;
  for (let i = 0; i < n; i++) {
    const t = given.trueLabels?.[i] ?? -1;
    if (t >= 0 ? t !== sim.trueLabels[i] : given.knownErrors?.[i] === 1) errors++;
  }
  for (const i of sim.flippedRows) if ((given.trueLabels?.[i] ?? -1) === sim.noisyLabels[i]) flipsRight++;
  const column = given.trueLabels ? 'true_label' : 'is_error';
  const right =
    flipsRight > 0 ? ` ${fmt(flipsRight)} of the flips gave a row its known true class (a wrong label put right).` : '';
  return (
    `These data have their own known truth (the ${column} column): ${fmt(errors)} of the ${fmt(n)} given ` +
    `labels are ` +
    'known errors. The flips are measured against the given labels before flipping, not against that truth: “before ' +
    `the flip” below is the given label, which may itself be wrong.${right}`
  );
}

function stat(label, value, key, help) {
  return h(
    'div',
    { class: 'stat', 'data-key': key },
    h('dt', null, label),
    h('dd', null, value),
    help ? h('dd', { class: 'stat-help' }, help) : null,
  );
}

/** Where the followed row stands in the pruning of its confident-joint cell (lesson-prune.js), or null. */
/** "Follow another row": a row number as the page counts them (from 1); empty = the top-ranked flag. */
function followForm(n, row, onChoose) {
  const input = h('input', {
    type: 'number',
    min: '1',
    max: String(n),
    step: '1',
    inputmode: 'numeric',
    value: row == null ? '' : String(row + 1),
    placeholder: 'top flag',
    'aria-label': `Row to follow, 1 to ${n}`,
  });
  const message = h('span', { class: 'lz-make-msg', role: 'alert' });
  const form = h(
    'form',
    { class: 'lz-follow-form', novalidate: true },
    h('label', null, 'Follow another row: ', input),
    h('button', { type: 'submit', class: 'lz-secondary' }, 'Follow'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return onChoose(null);
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > n) {
      replace(message, `Give a row number from 1 to ${n.toLocaleString('en-US')}.`);
      return input.focus();
    }
    return onChoose(value - 1);
  });
  return form;
}

function rowPrunePick(ctx, settings, probs, row = null) {
  const { report, labels } = ctx;
  const r = chosenRow(report, labels, row);
  if (!probs || probs.length !== report.numExamples * report.numClasses) return null;
  if (r.counted < 0 || r.counted === r.given) return null;
  const count = pruneByCell(withDenseMatrices(report).confidentJoint, report.labelCounts, settings)[r.given][r.counted];
  return pickInCell({ probs, labels, numClasses: report.numClasses, row: r.row, other: r.counted, count });
}

/** The sweep's rates: 0 to 30 % by 5, and the simulation's own rate. */
function sweepRates(sim) {
  const rates = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
  if (sim.rate != null && !rates.includes(sim.rate) && sim.rate <= 0.5) rates.push(sim.rate);
  return rates.sort((a, b) => a - b);
}

/** renderSweep's options for this simulation: the current rate, and under pair noise its two classes. */
function sweepShape(sim, ctx) {
  return {
    current: sim.rate,
    pairNames: sim.pair ? Array.from(sim.pair, (c) => ctx.classNames[c]) : null,
    numExamples: ctx.report.numExamples,
  };
}

const HONEST_NOTE =
  'Every rate trained again on its own noisy labels (one cross-validation per point): the honest sweep.';

/** What the sweep's probabilities are, where that needs saying. */
function sweepNote(sim) {
  if (sim.probabilities !== 'recomputed')
    return 'Every rate uses the probabilities as given (kept): a teaching approximation.';
  return (
    'Every rate uses the first probabilities, kept (training again at each rate would take one training per ' +
    'point); ' +
    'the comparison above uses the ones trained on the noisy labels.'
  );
}

/** compareMethods on the noisy data and sweepNoiseRate on the original labels, in the worker. */
async function computeExtras(client, sim, ctx) {
  const dataset = ctx.dataset;
  const compare = await client.compareMethods({ dataset, isError: Uint8Array.from(sim.isError) });
  // Every rate with the same probabilities: the first ones when the current were trained again on this rate's flips.
  const predProbs = sim.keptProbs
    ? Float64Array.from(sim.keptProbs)
    : await dataset.probabilityRows(0, dataset.numExamples);
  const rates = sweepRates(sim);
  const sweep = await client.sweepNoiseRate({
    labels: Int32Array.from(sim.trueLabels),
    predProbs,
    numClasses: dataset.numClasses,
    classNames: [...dataset.classNames],
    rates,
    seed: sim.seed,
    ...(sim.pair ? { pair: [...sim.pair] } : {}),
  });
  return { compare, sweep };
}
