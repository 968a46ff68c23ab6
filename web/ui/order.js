// Which rows the table shows and in what order: flagged / all / confirmed / missed, filtered by
// given and suggested class, sorted by any column. Ties always break by row index, so the order is
// the same on every run.

export const SHOW_MODES = {
  flagged: 'Flagged rows',
  all: 'All rows',
  errors: 'Known errors',
  missed: 'Known errors not flagged',
};

/** rank[i] = position among the flagged rows (0 = most likely mislabelled), or -1. */
export function rankPositions(report) {
  const rank = new Int32Array(report.numExamples).fill(-1);
  report.issues.forEach((i, r) => {
    rank[i] = r;
  });
  return rank;
}

function baseRows({ report, truth, show }) {
  const n = report.numExamples;
  if (show === 'flagged') return Int32Array.from(report.issues);
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (show === 'all') rows.push(i);
    else if (truth?.status[i] === 1 && (show === 'errors' || !report.isLabelIssue[i])) rows.push(i);
  }
  return Int32Array.from(rows);
}

/**
 * view: {show, given (-1 = any), suggested (-1 = any), sortKey, descending}.
 * ctx: {report, truth, labels, classNames, rank}.
 */
export function rowOrder(view, ctx) {
  const { report, labels, classNames, rank } = ctx;
  let rows = baseRows({ report, truth: ctx.truth, show: view.show });
  if (view.given >= 0 || view.suggested >= 0) {
    rows = rows.filter(
      (i) =>
        (view.given < 0 || labels[i] === view.given) &&
        (view.suggested < 0 || report.suggestedLabel[i] === view.suggested),
    );
  }
  const nameOrder = classNameOrder(classNames);
  const quality = report.labelQuality;
  // Rows that are not flagged come after the flagged ones, least trustworthy label first.
  const byRank = (a, b) =>
    (rank[a] < 0 ? Infinity : rank[a]) - (rank[b] < 0 ? Infinity : rank[b]) || quality[a] - quality[b];
  const primary =
    {
      rank: byRank,
      index: () => 0,
      given: (a, b) => nameOrder[labels[a]] - nameOrder[labels[b]],
      suggested: (a, b) => nameOrder[report.suggestedLabel[a]] - nameOrder[report.suggestedLabel[b]],
      quality: (a, b) => quality[a] - quality[b],
      pGiven: (a, b) => report.givenProbability[a] - report.givenProbability[b],
      pSuggested: (a, b) => report.suggestedProbability[a] - report.suggestedProbability[b],
    }[view.sortKey] ?? byRank;
  const sign = view.descending ? -1 : 1;
  const indexSign = view.sortKey === 'index' ? sign : 1;
  // Flagged rows arrive in rank order already; sorting them by rank again would change nothing.
  if (view.sortKey === 'rank' && !view.descending && view.show === 'flagged') return rows;
  // By row: the row number itself (a person finds the row in the spreadsheet), not the rank first.
  const byRankToo = view.sortKey !== 'rank' && view.sortKey !== 'index';
  return rows.sort((a, b) => sign * primary(a, b) || (byRankToo ? byRank(a, b) : 0) || indexSign * (a - b));
}

const collator = new Intl.Collator(undefined, { numeric: true });
const nameOrders = new WeakMap(); // classNames -> order: sorted once per dataset (K = 10,000 names)

/** Position of each class in alphabetical order of names (numeric-aware: "2" before "10"). */
function classNameOrder(classNames) {
  let order = nameOrders.get(classNames);
  if (order) return order;
  const sorted = classNames.map((name, c) => [name, c]).sort((x, y) => collator.compare(x[0], y[0]) || x[1] - y[1]);
  order = new Int32Array(classNames.length);
  sorted.forEach(([, c], position) => {
    order[c] = position;
  });
  nameOrders.set(classNames, order);
  return order;
}
