// The step-by-step view (attribute `lesson`): each step of confident learning as one plain sentence,
// its picture drawn from the report's own numbers (ui/lesson-data.js), and one row followed through.
import { h } from './dom.js';
import { formatRow } from './format.js';
import { lessonSteps, prob, withDenseMatrices } from './lesson-data.js';
import { scrollRegion } from './lesson-scroll.js';

// More classes than this (ImageNet has 1,000): a picture shows the followed row's classes and
// those that matter most to them, and says how many it leaves out.
const MAX_LESSON_CLASSES = 12;
const ofAll = (shown, k) => (shown < k ? ` (${shown} of ${k.toLocaleString('en-US')} classes)` : '');

/** Up to MAX_LESSON_CLASSES class indices, ascending: `keep` first, then the largest weight(c). */
function focusClasses(k, keep, weight) {
  if (k <= MAX_LESSON_CLASSES) return Array.from({ length: k }, (_, c) => c);
  const picked = new Set(keep.filter((c) => c >= 0 && c < k));
  const rest = Array.from({ length: k }, (_, c) => c)
    .filter((c) => !picked.has(c))
    .map((c) => [weight(c), c])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, c] of rest) {
    if (picked.size >= MAX_LESSON_CLASSES) break;
    picked.add(c);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Horizontal bars with their values: [{label, value, max, mark}]; many classes: the marked and largest. */
function bars(all, { caption, format = prob }) {
  const kept = new Set(
    focusClasses(
      all.length,
      all.flatMap((it, c) => (it.mark ? [c] : [])),
      (c) => all[c].value,
    ),
  );
  const items = all.filter((_, c) => kept.has(c));
  return h(
    'table',
    { class: 'lz-bars' },
    h('caption', null, caption + ofAll(items.length, all.length)),
    h(
      'tbody',
      null,
      items.map((it) =>
        h(
          'tr',
          { class: it.mark ? 'mark' : null },
          h('th', { scope: 'row' }, it.label),
          h(
            'td',
            null,
            h('span', { class: 'lz-bar', style: `width:${Math.max(0, Math.min(1, it.value / (it.max || 1))) * 100}%` }),
          ),
          h('td', { class: 'num' }, format(it.value)),
        ),
      ),
    ),
  );
}

/**
 * A K x K matrix with numbers; rows = given label, columns = the other class.
 * @param {number[][]} m
 * @param {string[]} names
 * @param {{caption: string, format?: (v: any) => any, highlight?: number[]|null, colHead?: string}} options
 */
function matrix(m, names, { caption, format = String, highlight = null, colHead = 'class' }) {
  // Many classes: the highlighted pair's classes and those most confused with them (or overall).
  const seeds = highlight ?? [];
  const mass = (c) =>
    seeds.length
      ? seeds.reduce((sum, s) => sum + (s === c ? 0 : (m[s][c] ?? 0) + (m[c][s] ?? 0)), 0)
      : m[c].reduce((sum, v, j) => sum + (j === c ? 0 : (v ?? 0)), 0);
  const shown = focusClasses(m.length, seeds, mass);
  let max = 1e-12;
  for (const i of shown) for (const j of shown) if (i !== j && m[i][j] > max) max = m[i][j];
  const full = caption + ofAll(shown.length, m.length);
  return scrollRegion(
    full,
    h(
      'table',
      { class: 'lz-matrix' },
      h('caption', null, full),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', class: 'corner' }, `${colHead} →`, h('br'), 'given ↓'),
          shown.map((c) => h('th', { scope: 'col' }, names[c])),
        ),
      ),
      h(
        'tbody',
        null,
        shown.map((i) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, names[i]),
            shown
              .map((j) => m[i][j])
              .map((v, jj) => {
                const j = shown[jj];
                const off = i !== j && v > 0;
                const strength = off ? Math.min(1, v / max) : 0;
                const cls = [
                  i === j ? 'diag' : off ? 'off' : '',
                  highlight && highlight[0] === i && highlight[1] === j ? 'hl' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return h(
                  'td',
                  { class: cls || null, style: off ? `--s:${(0.12 + 0.55 * strength).toFixed(2)}` : null },
                  format(v),
                );
              }),
          ),
        ),
      ),
    ),
  );
}

const pct = (v) => (v > 0 && v < 0.0005 ? '<0.1%' : `${(v * 100).toFixed(1)}%`);
/** A matrix cell's percentage: its "%" may be left out on a phone (the caption says "as a percentage"). */
const pctCell = (v) => [pct(v).slice(0, -1), h('span', { class: 'lz-unit' }, '%')];

function picture(step, ctx, r) {
  const names = ctx.classNames;
  const n = step.numbers;
  const cell = r.counted >= 0 ? [r.given, r.counted] : null;
  switch (step.step) {
    case 'thresholds':
      return bars(
        n.thresholds.map((t, c) => ({ label: names[c], value: t, max: 1, mark: c === r.given || c === r.counted })),
        { caption: 'Threshold t per class (average probability of the class on its own rows)' },
      );
    case 'confident-joint':
      return matrix(n.confidentJoint, names, {
        caption: 'Confident joint: rows counted per (given label, confident class)',
        highlight: cell,
        colHead: 'confident in',
      });
    case 'calibration':
      return matrix(n.calibrated, names, {
        caption: 'Calibrated confident joint: each row adds up to its label’s count',
        highlight: cell,
        colHead: 'confident in',
      });
    case 'noise-matrix':
      return h(
        'div',
        { class: 'lz-pair' },
        matrix(withDenseMatrices(ctx.report).noiseMatrix, names, {
          caption: 'Noise matrix p(given | true), as a percentage',
          format: pctCell,
          highlight: cell,
          colHead: 'true',
        }),
        bars(
          n.py.map((p, c) => ({ label: names[c], value: p, max: Math.max(...n.py) })),
          { caption: 'Prior: share of each true class', format: pct },
        ),
      );
    case 'pruning':
      return matrix(n.pruneByCell, names, {
        caption: 'Rows pruning takes from each cell (given label, the other class); the diagonal is kept',
        format: (v) => (v == null ? '—' : String(v)),
        highlight: cell && cell[0] !== cell[1] ? cell : null,
        colHead: 'other',
      });
    case 'ranking':
      return h(
        'ol',
        { class: 'lz-rank' },
        n.top.map((i, pos) =>
          h(
            'li',
            { class: i === r.row ? 'mark' : null },
            h('span', null, `row ${formatRow(i)}`),
            h('span', null, `${names[ctx.labels[i]]} → ${names[ctx.report.suggestedLabel[i]]}`),
            h('span', { class: 'num' }, prob(n.scores[pos])),
          ),
        ),
      );
    default:
      return null;
  }
}

/**
 * Renders the steps for ctx ({report, labels, classNames}); onStep(detail) is called for each step
 * shown, in order; prune: as lessonSteps takes it (lesson-data.js). Returns the section.
 * @param {any} ctx
 * @param {{onStep?: (detail: object) => void, row?: number|null, prune?: object, chooser?: any}} [options]
 */
export function renderLessonSteps(ctx, { onStep, row = null, prune = {}, chooser = null } = {}) {
  const { steps, row: r, walkthrough } = lessonSteps(ctx, row, prune);
  const section = h(
    'section',
    { class: 'lz-steps', 'aria-label': 'How confident learning found these rows, step by step' },
    h('h2', { class: 'section-title' }, 'Step by step, on these numbers'),
    h(
      'p',
      { class: 'lz-follow' },
      `Following row ${formatRow(r.row)} (labelled ${ctx.classNames[r.given]}) through every step. In short: `,
      h('strong', { class: 'lz-walk' }, walkthrough),
    ),
    chooser,
    steps.map((s) =>
      h(
        'article',
        { class: 'lz-step', 'data-step': s.step },
        h('h3', null, s.title),
        h('p', null, s.sentence),
        picture(s, ctx, r),
        h('p', { class: 'lz-row' }, s.rowSentence),
      ),
    ),
  );
  for (const s of steps) {
    // example: the row's index from 0 (as report.issues); row: as the page numbers it, from 1.
    onStep?.({
      step: s.step,
      index: s.index,
      example: s.example,
      row: s.example + 1,
      sentence: s.sentence,
      rowSentence: s.rowSentence,
      ...s.numbers,
    });
  }
  return section;
}
