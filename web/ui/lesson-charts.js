// Lesson charts in plain inline SVG: every filter_by method on the same flips (ls.compareMethods,
// table + bars) and precision and recall as the simulated noise grows (ls.sweepNoiseRate, lines).
import { h, svg } from './dom.js';
import { scrollRegion } from './lesson-scroll.js';

const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** cleanlab's long names (confidence_weighted_entropy) may break after an underscore on a phone, not mid-word. */
const breakable = (name) => name.split('_').flatMap((part, k) => (k === 0 ? [part] : ['_', h('wbr'), part]));

/** compare: the compareMethods result. Returns a section with a table and a bar chart. */
export function renderComparison(compare) {
  const { methods, rankings } = compare;
  const rowH = 22;
  const left = 170;
  const width = 460;
  const barW = width - left - 50;
  const height = methods.length * rowH * 2 + 34;
  const chart = svg(
    'svg',
    {
      class: 'chart lz-compare-chart',
      viewBox: `0 0 ${width} ${height}`,
      width,
      role: 'img',
      'aria-label': `Precision and recall of the ${methods.length} methods on the same flips`,
    },
    methods.map((m, i) => {
      const y = 8 + i * rowH * 2;
      return svg(
        'g',
        null,
        svg('text', { x: left - 8, y: y + rowH - 4, 'text-anchor': 'end' }, m.filterBy),
        svg('rect', { class: 'lz-p', x: left, y, width: barW * (m.precision ?? 0), height: rowH - 6, rx: 2 }),
        svg('text', { class: 'value', x: left + barW * (m.precision ?? 0) + 4, y: y + rowH - 10 }, pct(m.precision)),
        svg('rect', {
          class: 'lz-r',
          x: left,
          y: y + rowH - 4,
          width: barW * (m.recall ?? 0),
          height: rowH - 6,
          rx: 2,
        }),
        svg('text', { class: 'value', x: left + barW * (m.recall ?? 0) + 4, y: y + 2 * rowH - 14 }, pct(m.recall)),
      );
    }),
    legend(left, height - 12),
  );
  return h(
    'section',
    { class: 'lz-compare', 'aria-label': 'Methods compared on the same flips' },
    h('h2', { class: 'section-title' }, 'Every method on the same flips'),
    scrollRegion(
      'Methods table',
      h(
        'table',
        { class: 'lz-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['filter_by', 'flagged', 'found', 'precision', 'recall', 'F1'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          null,
          methods.map((m) =>
            h(
              'tr',
              { 'data-method': m.filterBy },
              h('th', { scope: 'row' }, breakable(m.filterBy)),
              h('td', null, String(m.flagged)),
              h('td', null, String(m.found)),
              h('td', null, pct(m.precision)),
              h('td', null, pct(m.recall)),
              h('td', null, pct(m.f1)),
            ),
          ),
        ),
      ),
    ),
    h('div', { class: 'chart-scroll' }, chart),
    scrollRegion(
      'Rankings table',
      h(
        'table',
        { class: 'lz-table lz-rankings' },
        h(
          'caption',
          null,
          `The three rankings: how many of the top ${compare.k} rows (as many as were flipped) are flips`,
        ),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['rank_by', 'found in top k', 'precision at k'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          null,
          rankings.map((r) =>
            h(
              'tr',
              { 'data-ranking': r.rankBy },
              h('th', { scope: 'row' }, breakable(r.rankBy)),
              h('td', null, String(r.found)),
              h('td', null, pct(r.precisionAtK)),
            ),
          ),
        ),
      ),
    ),
    rankingNote(rankings),
    h('div', { class: 'chart-scroll' }, rankingChart(rankings, compare.k)),
  );
}

/**
 * Why confidence_weighted_entropy ranks far fewer flips than the others, when it does (a learner would
 * take it for a bug): its score falls toward 0 on rows the model is all but certain of (docs/ALGORITHMS.md
 * §9.3), so with very sharp probabilities its top rows are confident, unflipped ones. null otherwise.
 */
function rankingNote(rankings) {
  const cwe = rankings.find((r) => r.rankBy === 'confidence_weighted_entropy');
  const best = Math.max(...rankings.map((r) => r.precisionAtK ?? 0));
  if (!cwe || cwe.precisionAtK == null || cwe.precisionAtK >= best / 2) return null;
  const count = (n) => n.toLocaleString('en-US');
  return h(
    'p',
    { class: 'help lz-rank-note' },
    `Why does confidence_weighted_entropy find only ${count(cwe.found)} of ${count(cwe.k)}? Not a fault: its ` +
      'score divides the spread of the model’s probabilities (their entropy) by the given label’s probability. ' +
      'When the model is all but certain of a row (one class at 0.9999999 or more), that spread is almost zero ' +
      'and the score drops toward 0, its most suspicious value; cleanlab’s formula does the same. Many rows ' +
      'here are that certain, so the top of this ranking fills with rows the model is surest are labelled ' +
      `right: ${count(cwe.k - cwe.found)} of its top ${count(cwe.k)} were never flipped. The other two ` +
      'rankings score the given label’s own probability, and put the flips first.',
  );
}

/** The three rankings' precision at k as bars. */
function rankingChart(rankings, k) {
  const rowH = 24;
  const left = 190;
  const width = 460;
  const barW = width - left - 50;
  return svg(
    'svg',
    {
      class: 'chart lz-rank-chart',
      viewBox: `0 0 ${width} ${rankings.length * rowH + 8}`,
      width,
      role: 'img',
      'aria-label': `Precision at k = ${k} of the ${rankings.length} rankings`,
    },
    rankings.map((r, i) => {
      const y = 4 + i * rowH;
      const v = r.precisionAtK ?? 0;
      return svg(
        'g',
        null,
        svg('text', { x: left - 8, y: y + rowH - 10, 'text-anchor': 'end' }, r.rankBy),
        svg('rect', { class: 'lz-p', x: left, y, width: barW * v, height: rowH - 6, rx: 2 }),
        svg('text', { class: 'value', x: left + barW * v + 4, y: y + rowH - 10 }, pct(r.precisionAtK)),
      );
    }),
  );
}

function legend(x, y) {
  return svg(
    'g',
    null,
    svg('rect', { class: 'lz-p', x, y: y - 9, width: 12, height: 10 }),
    svg('text', { x: x + 16, y }, 'precision'),
    svg('rect', { class: 'lz-r', x: x + 90, y: y - 9, width: 12, height: 10 }),
    svg('text', { x: x + 106, y }, 'recall'),
  );
}

/**
 * What the sweep's rates are a share of: all labels, or under pair noise the two classes' rows (whose
 * rate is not the share of all labels: 20% of the 4s and 9s is 4% of MNIST). pairNames: [a, b] or null.
 */
function sweepWords(pairNames) {
  if (!pairNames) return { axis: 'share of labels flipped', of: '', lead: '' };
  const short = (name) => (name.length > 12 ? `${name.slice(0, 11)}…` : name);
  const rows = `the ${short(pairNames[0])} and ${short(pairNames[1])} rows`;
  return {
    axis: `share of ${rows} flipped`,
    of: ` of ${rows}`,
    lead: `Each rate is a share of ${rows}; in brackets, the labels flipped and their share of all rows. `,
  };
}

/**
 * sweep: the sweepNoiseRate result ([{rate, flipped, precision, recall, ...}]). pairNames: the two classes
 * of pair noise (the rates are shares of their rows), numExamples: all rows. Returns a section with a line chart.
 */
export function renderSweep(
  sweep,
  { filterBy = 'prune_by_noise_rate', current = null, note = null, pairNames = null, numExamples = null } = {},
) {
  const words = sweepWords(pairNames);
  // Under pair noise each rate also says how many labels that is, and what share of all of them.
  const ofAll = (p) =>
    pairNames && numExamples
      ? ` (${p.flipped.toLocaleString('en-US')} labels, ${pct(p.flipped / numExamples)} of all)`
      : '';
  const w = 460;
  const hgt = 250;
  const pad = { l: 44, r: 16, t: 12, b: 66 };
  const maxRate = Math.max(...sweep.map((p) => p.rate), 0.01);
  const x = (rate) => pad.l + (rate / maxRate) * (w - pad.l - pad.r);
  const y = (v) => pad.t + (1 - v) * (hgt - pad.t - pad.b);
  const line = (key, cls) => {
    const pts = sweep.filter((p) => p[key] != null);
    return svg(
      'g',
      { class: cls },
      svg('polyline', {
        points: pts.map((p) => `${x(p.rate).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' '),
        fill: 'none',
      }),
      pts.map((p) =>
        svg(
          'circle',
          { cx: x(p.rate), cy: y(p[key]), r: 3.5 },
          svg('title', null, `${key} at ${pct(p.rate)}${words.of} flipped: ${pct(p[key])}`),
        ),
      ),
    );
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const chart = svg(
    'svg',
    {
      class: 'chart lz-sweep-chart',
      viewBox: `0 0 ${w} ${hgt}`,
      width: w,
      role: 'img',
      'aria-label':
        `Precision and recall of ${filterBy} as the ${words.axis} grows from ` +
        `${pct(sweep[0].rate)} to ${pct(maxRate)}`,
    },
    ticks.map((t) =>
      svg(
        'g',
        null,
        svg('line', { class: 'axis', x1: pad.l, x2: w - pad.r, y1: y(t), y2: y(t) }),
        svg('text', { x: pad.l - 6, y: y(t) + 4, 'text-anchor': 'end' }, `${t * 100}%`),
      ),
    ),
    sweep.map((p) =>
      svg('text', { x: x(p.rate), y: hgt - pad.b + 16, 'text-anchor': 'middle' }, `${Math.round(p.rate * 100)}%`),
    ),
    svg('text', { class: 'axis-title', x: (w + pad.l) / 2, y: hgt - pad.b + 34, 'text-anchor': 'middle' }, words.axis),
    current != null
      ? svg('line', { class: 'lz-now', x1: x(current), x2: x(current), y1: pad.t, y2: hgt - pad.b })
      : null,
    line('precision', 'lz-line-p'),
    line('recall', 'lz-line-r'),
    legend(pad.l, hgt - 6),
  );
  return h(
    'section',
    { class: 'lz-sweep', tabindex: '-1', 'aria-label': 'Precision and recall as the noise grows' },
    h('h2', { class: 'section-title' }, 'As the noise grows'),
    h('div', { class: 'chart-scroll' }, chart),
    h(
      'p',
      { class: 'help' },
      `${words.lead}${filterBy}, same seed at every rate (each rate’s flips include the lower rates’): ` +
        sweep
          .map((p) => `${pct(p.rate)}${ofAll(p)} → precision ${pct(p.precision)}, recall ${pct(p.recall)}`)
          .join('; ') +
        '.',
    ),
    note ? h('p', { class: 'help lz-sweep-note' }, note) : null,
  );
}
