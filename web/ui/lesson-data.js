// The step-by-step view's numbers (attribute `lesson`), taken from the audit report itself — no
// computation of its own beyond counting — so every picture shows what the analysis used.
// No DOM: lesson-steps.js draws these, and the labelscope-step event carries them.
import { formatRow } from './format.js';
import { pruneByCell } from './lesson-prune.js';
import { denseRows, isSparseMatrix } from '../src/js/report-transfer.js';

/**
 * The report with its matrices as rows: above 30 classes the page asks for them sparse
 * (controllers/auditing.js); the steps read cells by [given][other].
 */
export function withDenseMatrices(report) {
  if (!isSparseMatrix(report.confidentJoint)) return report;
  const keys = ['confidentJoint', 'confidentJointUncalibrated', 'noiseMatrix'];
  return Object.create(report, Object.fromEntries(keys.map((key) => [key, { value: denseRows(report[key]) }])));
}

/** A probability for a sentence: 3 significant digits, never "1.00" for less than 1, tiny ones as 6.4 × 10⁻¹³. */
export function prob(p) {
  if (p == null || !Number.isFinite(p)) return '—';
  if (p >= 0.9995 && p < 1) {
    let digits = 4; // as many as it takes not to print a 1
    while (Number(p.toFixed(digits)) === 1 && digits < 15) digits++;
    return p.toFixed(digits);
  }
  if (p > 0 && p < 0.001) return powerOfTen(p.toPrecision(2));
  return String(Number(p.toPrecision(3)));
}

const SUPERSCRIPT = Object.fromEntries([...'-0123456789'].map((c, i) => [c, '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'[i]]));

/** "6.4e-13" as people write it, "6.4 × 10⁻¹³"; a number without an exponent ("0.00064") as it is. */
function powerOfTen(text) {
  const [mantissa, exponent] = text.split('e');
  if (exponent == null) return text;
  return `${mantissa} × 10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
}

const ordinal = (n) => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] || s[v] || s[0]}`;
};

/** The row followed through every step: the top-ranked flagged row, or `row` when given. */
export function chosenRow(report, labels, row = null) {
  const i = row ?? (report.issues.length ? report.issues[0] : 0);
  const given = labels[i];
  const counted = report.confidentJointLabel[i];
  const position = report.issues.indexOf(i);
  return {
    row: i,
    given,
    counted, // -1: no class reached its threshold
    pGiven: report.givenProbability[i],
    pCounted: counted >= 0 ? report.suggestedProbability[i] : null,
    threshold: counted >= 0 ? report.thresholds[counted] : null,
    givenThreshold: report.thresholds[given],
    flagged: report.isLabelIssue[i] === 1,
    rank: position >= 0 ? position + 1 : null,
    score: report.labelQuality[i],
  };
}

/**
 * The steps, in order: [{step, index, title, sentence, rowSentence, numbers}]. ctx: {report, labels,
 * classNames}; row: the example to follow (default: the top-ranked flag). prune: {settings
 * ({fracNoise, minExamplesPerClass} the report was made with), pick (lesson-prune.js pickInCell for
 * the row's cell, or null)}.
 */
export function lessonSteps({ report: given, labels, classNames }, row = null, prune = {}) {
  const report = withDenseMatrices(given);
  const name = (c) => classNames?.[c] ?? String(c);
  const r = chosenRow(report, labels, row);
  const k = report.numClasses;
  const rowName = `Row ${formatRow(r.row)}`; // rows as the page counts them: the N-th data row, from 1
  const cellCount = r.counted >= 0 ? report.confidentJointUncalibrated[r.given][r.counted] : null;
  const settings = prune.settings ?? {};
  const pruned = pruneByCell(report.confidentJoint, report.labelCounts, settings);
  const pruneTotal = pruned.reduce((sum, line) => sum + line.reduce((s, v) => s + (v ?? 0), 0), 0);
  const offDiagonal = (m) => m.reduce((sum, line, i) => sum + line.reduce((s, v, j) => s + (i === j ? 0 : v), 0), 0);
  const rawOff = offDiagonal(report.confidentJointUncalibrated);
  const worstPair = largestOffDiagonal(report.confidentJoint);
  const steps = [
    {
      step: 'thresholds',
      title: '1. A threshold per class',
      sentence:
        `For each class, the threshold is the average probability the model gives that class on the rows ` +
        `labelled with it; a row is confidently of a class when its probability reaches that class’s threshold.`,
      rowSentence:
        `${rowName} is labelled ${name(r.given)}; the model gives ${name(r.given)} p = ` +
        `${prob(r.pGiven)}, while t(${name(r.given)}) = ${prob(r.givenThreshold)}.`,
      numbers: { thresholds: [...report.thresholds], labelCounts: [...report.labelCounts] },
    },
    {
      step: 'confident-joint',
      title: '2. The confident joint is filled in',
      sentence:
        `Each row goes into one cell: its given label (row of the matrix) and the class it is ` +
        `confidently in (column). ${offCount(rawOff)} off the diagonal: confident disagreements with the label.`,
      rowSentence:
        r.counted >= 0
          ? `${rowName}: p(${name(r.counted)}) = ${prob(r.pCounted)} ≥ t(${name(r.counted)}) = ` +
            `${prob(r.threshold)}, so it counts in cell (${name(r.given)}, ${name(r.counted)}), which holds ` +
            `${cellCount}.`
          : `${rowName}: no class reaches its threshold, so it is not counted anywhere.`,
      numbers: {
        confidentJoint: report.confidentJointUncalibrated.map((line) => [...line]),
        offDiagonal: rawOff,
      },
    },
    {
      step: 'calibration',
      title: '3. Calibration',
      sentence:
        `Rows that no class was confident about were left out, so the counts are scaled until each row ` +
        `of the matrix adds up to how many rows carry that label.`,
      rowSentence:
        r.counted >= 0
          ? `${rowName}’s cell (${name(r.given)}, ${name(r.counted)}) goes from ${cellCount} to ` +
            `${report.confidentJoint[r.given][r.counted]}.`
          : `${rowName} was not counted, so calibration does not involve it.`,
      numbers: { calibrated: report.confidentJoint.map((line) => [...line]), labelCounts: [...report.labelCounts] },
    },
    {
      step: 'noise-matrix',
      title: '4. The noise matrix and the prior',
      sentence:
        `Dividing the calibrated counts gives the noise matrix, p(given | true), and the prior, how ` +
        `common each true class is. The largest confusion is ${name(worstPair[0])} labelled where ` +
        `${name(worstPair[1])} is meant.`,
      rowSentence:
        r.counted >= 0 && r.counted !== r.given
          ? `For ${rowName}’s cell: p(given ${name(r.given)} | true ${name(r.counted)}) = ` +
            `${prob(report.noiseMatrix[r.given][r.counted])}.`
          : `${rowName} sits on the diagonal: its label agrees with the model.`,
      numbers: { noiseMatrix: report.noiseMatrix.map((line) => [...line]), py: [...report.py], worstPair },
    },
    {
      step: 'pruning',
      title: '5. Pruning takes rows from each cell',
      sentence:
        `${pruneMethodSentence(report.filterBy)} In all, ${pruneTotal} rows are taken from the cells off ` +
        `the diagonal; ${report.issues.length} rows are flagged (a row taken from two cells counts once, and a ` +
        `row whose own label wins by a hair is let go).`,
      rowSentence: pruneRowSentence(rowName, r, prune.pick, pruned, name, report),
      numbers: {
        pruneByCell: pruned,
        pruneTotal,
        numFlagged: report.issues.length,
        fracNoise: settings.fracNoise ?? 1,
        minExamplesPerClass: settings.minExamplesPerClass ?? 1,
        ...(prune.pick
          ? { rowCell: [r.given, r.counted], rowRank: prune.pick.rank, rowPicked: prune.pick.picked }
          : {}),
      },
    },
    {
      step: 'ranking',
      title: '6. The flagged rows are ranked',
      sentence:
        `Flagged rows are sorted by their ${report.rankBy.replace(/_/g, ' ')} score, lowest first: the ` +
        `lower the score, the more likely the label is wrong.`,
      rowSentence: r.rank
        ? `${rowName} is ranked ${ordinal(r.rank)} of ${report.issues.length} with ` +
          `${report.rankBy.replace(/_/g, ' ')} ${prob(r.score)}.`
        : `${rowName} is not flagged, so it is not ranked.`,
      numbers: {
        top: Array.from(report.issues.subarray(0, Math.min(10, report.issues.length))),
        scores: Array.from(
          report.issues.subarray(0, Math.min(10, report.issues.length)),
          (i) => report.labelQuality[i],
        ),
        rankBy: report.rankBy,
      },
    },
  ];
  steps.forEach((s, index) => {
    s.index = index;
    s.example = r.row;
  });
  return { steps, row: r, numClasses: k, walkthrough: walkthrough(r, { report, name, pruned, pick: prune.pick }) };
}

/**
 * The followed row through every step in one sentence, e.g. "Row 2,598: labelled 5; p(3) = 0.999 ≥ t(3) = 0.99, ...".
 */
function walkthrough(r, { report, name, pruned, pick }) {
  const parts = [`Row ${formatRow(r.row)}: labelled ${name(r.given)}`];
  if (r.counted < 0) parts.push('no class reaches its threshold, so it counts in no cell');
  else
    parts.push(
      `p(${name(r.counted)}) = ${prob(r.pCounted)} ≥ t(${name(r.counted)}) = ${prob(r.threshold)}, ` +
        `so it counts in cell (${name(r.given)}, ${name(r.counted)})`,
    );
  if (r.counted >= 0 && r.counted !== r.given) {
    const taken = pruned[r.given][r.counted];
    const member = pick ? ` and it is ${pick.picked ? '' : 'not '}one of them` : '';
    parts.push(`${taken === 1 ? '1 row is' : `${taken} rows are`} pruned from that cell${member}`);
  }
  const by = report.rankBy.replace(/_/g, '-');
  parts.push(r.rank ? `ranked ${ordinal(r.rank)} by ${by} ${prob(r.score)}` : 'not flagged, so not ranked');
  return `${parts.join('; ')}.`;
}

function pruneMethodSentence(filterBy) {
  const how =
    'From each off-diagonal cell (given k, other j), pruning takes the number the calibrated joint ' +
    'counts there (times frac_noise, rounded down): the rows labelled k with the largest margin p(j) − p(k).';
  if (filterBy === 'prune_by_noise_rate') return how;
  if (filterBy === 'both') return `${how} With both, a row is flagged only if pruning by class also takes it.`;
  if (filterBy === 'prune_by_class') {
    return (
      'Pruning by class takes as many rows from each class as its cells off the diagonal add up to — the ' +
      'rows with the lowest probability for their own label. The matrix shows those counts per cell.'
    );
  }
  return (
    `This is what pruning would take from each cell; the method used, ${filterBy.replace(/_/g, ' ')}, does ` +
    `not prune by these counts.`
  );
}

/** The followed row in the pruning step: how many rows its cell gives up, and whether it is one of them. */
function pruneRowSentence(rowName, r, pick, pruned, name, report) {
  if (r.counted < 0)
    return (
      `${rowName} was not counted in any cell, so no cell’s pruning is about it; it is ` +
      `${r.flagged ? 'flagged' : 'not flagged'}.`
    );
  if (r.counted === r.given)
    return (
      `${rowName} sits on the diagonal (cell (${name(r.given)}, ` +
      `${name(r.given)})), whose rows are kept; it is ` +
      `${r.flagged ? 'flagged by another cell’s pruning' : 'not flagged'}.`
    );
  const cell = `cell (${name(r.given)}, ${name(r.counted)})`;
  const taken = pruned[r.given][r.counted];
  const count = `${taken === 1 ? '1 row is' : `${taken} rows are`} pruned from ${cell}`;
  const fate = r.flagged ? `it is flagged, suggested as ${name(report.suggestedLabel[r.row])}` : 'it is not flagged';
  if (!pick) return `${rowName}: ${count}; ${fate}.`;
  const margin =
    `its margin p(${name(r.counted)}) − p(${name(r.given)}) ranks ${ordinal(pick.rank)} among the ` +
    `rows labelled ${name(r.given)}`;
  const member = pick.picked ? 'it is one of them' : 'it is not one of them';
  return `${rowName}: ${count} and ${member} (${margin}); ${fate}.`;
}

function offCount(n) {
  return n === 1 ? '1 row lands' : `${n} rows land`;
}

/** [given, true] of the largest off-diagonal cell (first on ties). */
function largestOffDiagonal(m) {
  let best = [0, m.length > 1 ? 1 : 0];
  let value = -1;
  m.forEach((line, i) =>
    line.forEach((v, j) => {
      if (i !== j && v > value) {
        value = v;
        best = [i, j];
      }
    }),
  );
  return best;
}
