// Lesson charts in plain inline SVG: every filter_by method on the same flips (ls.compareMethods,
// table + bars) and precision and recall as the simulated noise grows (ls.sweepNoiseRate, lines).
import { h, svg } from './dom.js';

const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

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
    h(
      'div',
      { class: 'lz-scroll', tabindex: '0', role: 'region', 'aria-label': 'Methods table' },
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
              h('th', { scope: 'row' }, m.filterBy),
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
    h(
      'div',
      { class: 'lz-scroll', tabindex: '0', role: 'region', 'aria-label': 'Rankings table' },
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
              h('th', { scope: 'row' }, r.rankBy),
              h('td', null, String(r.found)),
              h('td', null, pct(r.precisionAtK)),
            ),
          ),
        ),
      ),
    ),
    h('div', { class: 'chart-scroll' }, rankingChart(rankings, compare.k)),
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

/** sweep: the sweepNoiseRate result ([{rate, precision, recall, ...}]). Returns a section with a line chart. */
export function renderSweep(sweep, { filterBy = 'prune_by_noise_rate', current = null, note = null } = {}) {
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
          svg('title', null, `${key} at ${pct(p.rate)} noise: ${pct(p[key])}`),
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
        `Precision and recall of ${filterBy} as the share of flipped labels grows from ` +
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
    svg(
      'text',
      { class: 'axis-title', x: (w + pad.l) / 2, y: hgt - pad.b + 34, 'text-anchor': 'middle' },
      'share of labels flipped',
    ),
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
      `${filterBy}, same seed at every rate (each rate’s flips include the lower rates’): ` +
        sweep.map((p) => `${pct(p.rate)} → precision ${pct(p.precision)}, recall ${pct(p.recall)}`).join('; ') +
        '.',
    ),
    note ? h('p', { class: 'help lz-sweep-note' }, note) : null,
  );
}
