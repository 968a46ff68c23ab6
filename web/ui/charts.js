// Two small charts drawn by hand: label quality per class, and the distribution of per-row
// label quality with the flagged rows marked. Each has a text alternative and per-mark <title>s.
import { h, svg } from './dom.js';
import { formatCount, formatProbability } from './format.js';

/** The worst classes shown as bars (all of them up to this many). */
export const MAX_CLASS_BARS = 20;

/**
 * One class's line of the report's classQuality, in words. The estimate is cleanlab's (from the confident
 * joint), not a count of the flagged rows: flaggedCount (rows labelled so that are flagged) says both.
 * hideEstimate (hide-truth before the reveal): no estimated-wrong count, which adds up to the hidden noise.
 */
export function classQualityText(q, name, labelCount, flaggedCount = null, { hideEstimate = false } = {}) {
  const quality = `${name}: label quality ${formatProbability(q.labelQualityScore)}`;
  if (hideEstimate) {
    const of = `${formatCount(flaggedCount ?? 0)} of ${formatCount(labelCount)} rows labelled ${name} are flagged`;
    return flaggedCount == null ? `${quality}.` : `${quality}; ${of}.`;
  }
  return (
    `${quality}; about ${formatCount(Math.round(q.labelIssues))} ` +
    `of ${formatCount(labelCount)} rows labelled ${name} are estimated wrong (from the confident joint)` +
    (flaggedCount == null
      ? '.'
      : `; ${formatCount(flaggedCount)} rows labelled ${name} are flagged (the table's rows: ` +
        'the estimate is not a count of them).')
  );
}

/** Rows flagged per given class: what the table shows, beside the card's estimate (null without the rows). */
export function flaggedPerClass(report, labels, numClasses) {
  if (!report.issues || !labels) return null;
  const counts = new Array(numClasses).fill(0);
  for (const i of report.issues) counts[labels[i]]++;
  return counts;
}

/**
 * classQuality: the report's rows (worst class first); labelCounts: rows per given class; flaggedCounts:
 * flagged rows per given class (or null); hideEstimate: no estimated-wrong counts (hide-truth before the
 * reveal). Laid out in HTML (a grid of name, bar, words): the words wrap in a narrow card instead of being
 * cut or shrunk with a scaled SVG.
 */
export function renderClassQuality({
  classQuality,
  classNames,
  labelCounts,
  flaggedCounts = null,
  hideEstimate = false,
}) {
  const shown = classQuality.slice(0, MAX_CLASS_BARS);
  const worst = shown[0];
  const barWidth = 140; // the bar's own coordinates; drawn as wide as its grid track
  const root = h('div', {
    class: 'class-bars bars',
    role: 'list',
    'aria-label':
      `Label quality per class, worst first. Lowest: ${classNames[worst.classIndex]} at ` +
      `${formatProbability(worst.labelQualityScore)}.`,
  });
  for (const q of shown) {
    const name = classNames[q.classIndex];
    const issues = Math.round(q.labelIssues);
    const flagged = flaggedCounts ? flaggedCounts[q.classIndex] : null;
    const text = classQualityText(q, name, labelCounts[q.classIndex], flagged, { hideEstimate });
    root.append(
      h(
        'div',
        { class: 'bar', role: 'listitem', title: text },
        h('span', { class: 'bar-name' }, name.length > 16 ? `${name.slice(0, 15)}…` : name),
        svg(
          'svg',
          {
            class: 'bar-svg',
            viewBox: `0 0 ${barWidth} 16`,
            preserveAspectRatio: 'none',
            'aria-hidden': 'true',
          },
          svg('title', {}, text),
          svg('rect', { class: 'bar-track', x: 0, y: 0, width: barWidth, height: 16, rx: 3 }),
          svg('rect', {
            class: 'bar-fill',
            x: 0,
            y: 0,
            width: Math.max(1, barWidth * q.labelQualityScore),
            height: 16,
            rx: 3,
          }),
        ),
        // Two parts that wrap apart: cleanlab's estimate, then the table's flagged rows.
        h(
          'span',
          { class: 'value' },
          h(
            'span',
            { class: 'value-part' },
            hideEstimate
              ? formatProbability(q.labelQualityScore)
              : `${formatProbability(q.labelQualityScore)} · ~${formatCount(issues)} estimated wrong`,
          ),
          flagged == null ? null : ' ', // outside the parts: a space leading an inline-block is dropped
          flagged == null ? null : h('span', { class: 'value-part' }, `· ${formatCount(flagged)} flagged`),
        ),
      ),
    );
  }
  root.append(
    h(
      'div',
      { class: 'bar-axis', 'aria-hidden': 'true' },
      h('span', { class: 'tick' }, '0'),
      h('span', { class: 'tick' }, '0.5'),
      h('span', { class: 'tick' }, '1'),
    ),
  );
  return root;
}

/** Counts per bin of [0, 1]: all rows and flagged rows. */
export function binScores(scores, isIssue, bins = 20) {
  const total = new Array(bins).fill(0);
  const flagged = new Array(bins).fill(0);
  let maxFlagged = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(scores[i] * bins)));
    total[b]++;
    if (isIssue[i]) {
      flagged[b]++;
      maxFlagged = Math.max(maxFlagged, scores[i]);
    }
  }
  return { total, flagged, maxFlagged };
}

/**
 * Histogram of label quality scores on a log count scale (a few flagged rows next to thousands of
 * clean ones must stay visible), flagged rows drawn in the accent colour and their range shaded.
 */
export function renderHistogram({ scores, isIssue, method }) {
  const { total, flagged, maxFlagged } = binScores(scores, isIssue);
  const bins = total.length;
  const left = 58; // room for the count ticks ("10,000") and the rotated axis title
  const plotWidth = 296;
  const plotHeight = 140;
  const top = 24; // room above the plot for the flagged range's label, clear of the bars
  const width = left + plotWidth + 10;
  const height = top + plotHeight + 42;
  const maxCount = Math.max(1, ...total);
  const scale = (count) => (count > 0 ? (Math.log1p(count) / Math.log1p(maxCount)) * plotHeight : 0);
  const binWidth = plotWidth / bins;
  const numFlagged = flagged.reduce((a, b) => a + b, 0);
  const root = svg('svg', {
    class: 'chart histogram',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label':
      `Histogram of label quality (${method}) for ${formatCount(scores.length)} rows; ` +
      `${formatCount(numFlagged)} flagged ` +
      `rows${numFlagged ? `, all with quality at most ${formatProbability(maxFlagged)}` : ''}.`,
  });
  const bandWidth = Math.max(2, maxFlagged * plotWidth);
  if (numFlagged) {
    root.append(svg('rect', { class: 'hist-band', x: left, y: top, width: bandWidth, height: plotHeight }));
  }
  for (let b = 0; b < bins; b++) {
    const x = left + b * binWidth + 1;
    const from = (b / bins).toFixed(2);
    const to = ((b + 1) / bins).toFixed(2);
    const text = `Quality ${from}–${to}: ${formatCount(total[b])} rows, ${formatCount(flagged[b])} flagged.`;
    const allHeight = scale(total[b]);
    const flaggedHeight = flagged[b] ? Math.max(2, (flagged[b] / total[b]) * allHeight) : 0;
    root.append(
      svg(
        'g',
        { class: 'hist-bin' },
        svg('title', {}, text),
        svg('rect', { class: 'hist-all', x, y: top + plotHeight - allHeight, width: binWidth - 2, height: allHeight }),
        flaggedHeight
          ? svg('rect', {
              class: 'hist-flagged',
              x,
              y: top + plotHeight - flaggedHeight,
              width: binWidth - 2,
              height: flaggedHeight,
            })
          : null,
        // An invisible full-height target so thin bars still show their <title> on hover.
        svg('rect', { class: 'hist-hit', x, y: top, width: binWidth - 2, height: plotHeight }),
      ),
    );
  }
  root.append(
    svg('line', { class: 'axis', x1: left, x2: left + plotWidth, y1: top + plotHeight, y2: top + plotHeight }),
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(
      svg(
        'text',
        { class: 'tick', x: left + t * plotWidth, y: top + plotHeight + 14, 'text-anchor': 'middle' },
        String(t),
      ),
    );
  }
  root.append(
    svg(
      'text',
      { class: 'axis-title', x: left + plotWidth / 2, y: height - 6, 'text-anchor': 'middle' },
      `Label quality (${method.replace(/_/g, ' ')})`,
    ),
    ...spaced(countTicks(maxCount), scale).map((count) =>
      svg(
        'text',
        {
          class: 'tick',
          x: left - 6,
          y: top + plotHeight - scale(count),
          'text-anchor': 'end',
          'dominant-baseline': 'central',
        },
        formatCount(count),
      ),
    ),
    svg(
      'text',
      {
        class: 'axis-title',
        x: 10,
        y: top + plotHeight / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 10 ${top + plotHeight / 2})`,
      },
      'rows (log)',
    ),
  );
  if (numFlagged) {
    // Above the plot, ending where the flagged range ends (or starting there when it is narrow).
    const anchorEnd = bandWidth > plotWidth / 2;
    root.append(
      svg(
        'text',
        {
          class: 'band-label',
          x: left + bandWidth + (anchorEnd ? 0 : 2),
          y: top - 8,
          'text-anchor': anchorEnd ? 'end' : 'start',
        },
        `flagged: quality ≤ ${formatProbability(maxFlagged)}`,
      ),
    );
  }
  return root;
}

/** Counts to mark on the log axis: 0, then 1-2-5 steps up to the largest (at least 4 when it allows). */
export function countTicks(maxCount) {
  const steps = [0];
  for (let decade = 1; decade <= maxCount; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade <= maxCount) steps.push(m * decade);
  }
  if (steps.at(-1) !== maxCount) steps.push(maxCount);
  // Drop marks that would sit too close to the top one.
  const ticks = steps.filter((t, i) => i === steps.length - 1 || t === 0 || t * 1.5 <= maxCount || t <= 2);
  if (ticks.length <= 6) return ticks;
  let powers = ticks.filter((t, i) => t === 0 || i === ticks.length - 1 || /^10*$/.test(String(t)));
  if (powers.length < 4) return ticks.filter((t) => !String(t).startsWith('2'));
  // Many decades: every other power of ten (0 and the largest count stay).
  while (powers.length > 6) powers = powers.filter((t, i) => t === 0 || i === powers.length - 1 || i % 2 === 1);
  return powers;
}

/** Ticks at least 12 px apart on the plot (the largest count always kept). */
function spaced(ticks, scale) {
  const kept = [];
  for (let i = ticks.length - 1; i >= 0; i--) {
    const y = scale(ticks[i]);
    if (kept.length === 0 || scale(kept.at(-1)) - y >= 12) kept.push(ticks[i]);
  }
  return kept.reverse();
}
