// The roles a dropped file can play — given labels, predicted probabilities, one combined table,
// known truth or class names — and whether a set of files makes one dataset. Which role a file
// has is the reader's guess (sniffFile in the worker, see sniff.js); every guess is shown and can
// be changed.

export const ROLE_NAMES = {
  labels: 'Given labels',
  predProbs: 'Predicted probabilities',
  features: 'Features (pixels, embeddings)',
  combined: 'Labels + probabilities (one table)',
  truth: 'Known truth (index, is_error)',
  classNames: 'Class names',
  ignore: 'Not used',
};
export const DATA_ROLES = ['labels', 'predProbs', 'combined', 'features'];

/** Whether the roles make one dataset; if not, what the person should do next. */
export function checkRoles(entries) {
  // A features file stands where the probabilities would (they are computed from it, cross-val.js).
  const count = (role) =>
    entries.filter((e) => e.role === role || (role === 'predProbs' && e.role === 'features')).length;
  for (const role of ['labels', 'predProbs', 'combined', 'classNames']) {
    if (count(role) > 1) {
      return { ready: false, problem: `${count(role)} files are marked as “${ROLE_NAMES[role]}”. Choose one below.` };
    }
  }
  if (count('combined') && (count('labels') || count('predProbs'))) {
    return {
      ready: false,
      problem:
        'Use either one combined table or a labels file with a probabilities file, not both. Change a role below.',
    };
  }
  if (count('combined')) return { ready: true };
  if (count('labels') && count('predProbs')) return { ready: true };
  if (count('labels'))
    return {
      ready: false,
      problem: 'Now add the predicted probabilities (CSV, TSV or .npy, one column per class).',
    };
  if (count('predProbs'))
    return {
      ready: false,
      problem: 'Now add the given labels (one label per row, same order as the probabilities).',
    };
  return { ready: false, problem: 'Add a labels file and a predicted-probabilities file, or one table with both.' };
}

/**
 * Adds newly dropped files to the current set. A drop that makes a dataset on its own, or any
 * data file dropped after a dataset was read, starts over; otherwise the drop completes the set
 * (a file with the same role or name is replaced). Truth and class-name files add to a read set.
 */
export function mergeFiles(current, incoming, currentWasRead) {
  incoming = tableBesideProbabilities(incoming);
  // A probabilities file alone after a table (read or not), or a table after a probabilities file: a pair.
  const dataOf = (entries) => entries.filter((e) => DATA_ROLES.includes(e.role)).map((e) => e.role);
  const pair = [dataOf(current), dataOf(incoming)].map((r) => r.join());
  if (incoming.length === 1 && (pair.join('+') === 'combined+predProbs' || pair.join('+') === 'predProbs+combined')) {
    return tableBesideProbabilities([...current.filter((e) => e.file.name !== incoming[0].file.name), ...incoming]);
  }
  if (checkRoles(incoming).ready) return incoming;
  const bringsData = incoming.some((e) => DATA_ROLES.includes(e.role));
  if (bringsData && currentWasRead) return incoming;
  let merged = current.slice();
  for (const entry of incoming) {
    merged = merged.filter((e) => e.file.name !== entry.file.name && !replaces(entry.role, e.role));
    merged.push(entry);
  }
  return tableBesideProbabilities(merged);
}

/**
 * One table (a label column among other columns) and one probabilities file: the table gives the
 * labels (its label column; its other columns are shown alongside), the file the probabilities,
 * whichever came first. Other sets are returned as they are.
 */
export function tableBesideProbabilities(entries) {
  const tables = entries.filter((e) => e.role === 'combined');
  const probs = entries.filter((e) => e.role === 'predProbs');
  if (tables.length !== 1 || probs.length !== 1 || entries.some((e) => e.role === 'labels' || e.role === 'features')) {
    return entries;
  }
  const reason = `a table beside ${probs[0].file.name}: its label column gives the labels`;
  // The page's pairing, said as such even where the person had chosen the table's role (a label column chosen stays).
  return entries.map((e) => (e === tables[0] ? { ...e, role: 'labels', reason, chosenBy: undefined } : e));
}

function replaces(newRole, oldRole) {
  // A table and a probabilities file make a pair (tableBesideProbabilities): neither replaces the other.
  if (newRole === 'combined') return DATA_ROLES.includes(oldRole) && oldRole !== 'predProbs';
  if (newRole === 'features') return oldRole === 'predProbs' || oldRole === 'features' || oldRole === 'combined';
  if (newRole === 'predProbs') return oldRole === 'predProbs' || oldRole === 'features';
  if (newRole === 'labels') return oldRole === newRole || oldRole === 'combined';
  return newRole === 'classNames' && oldRole === 'classNames';
}
