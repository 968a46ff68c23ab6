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
  const count = (role) => entries.filter((e) => e.role === role || (role === 'predProbs' && e.role === 'features')).length;
  for (const role of ['labels', 'predProbs', 'combined', 'classNames']) {
    if (count(role) > 1) {
      return { ready: false, problem: `${count(role)} files are marked as “${ROLE_NAMES[role]}”. Choose one below.` };
    }
  }
  if (count('combined') && (count('labels') || count('predProbs'))) {
    return { ready: false, problem: 'Use either one combined table or a labels file with a probabilities file, not both. Change a role below.' };
  }
  if (count('combined')) return { ready: true };
  if (count('labels') && count('predProbs')) return { ready: true };
  if (count('labels')) return { ready: false, problem: 'Now add the predicted probabilities (CSV, TSV or .npy, one column per class).' };
  if (count('predProbs')) return { ready: false, problem: 'Now add the given labels (one label per row, same order as the probabilities).' };
  return { ready: false, problem: 'Add a labels file and a predicted-probabilities file, or one table with both.' };
}

/**
 * Adds newly dropped files to the current set. A drop that makes a dataset on its own, or any
 * data file dropped after a dataset was read, starts over; otherwise the drop completes the set
 * (a file with the same role or name is replaced). Truth and class-name files add to a read set.
 */
export function mergeFiles(current, incoming, currentWasRead) {
  if (checkRoles(incoming).ready) return incoming;
  const bringsData = incoming.some((e) => DATA_ROLES.includes(e.role));
  if (bringsData && currentWasRead) return incoming;
  let merged = current.slice();
  for (const entry of incoming) {
    merged = merged.filter((e) => e.file.name !== entry.file.name && !replaces(entry.role, e.role));
    merged.push(entry);
  }
  return merged;
}

function replaces(newRole, oldRole) {
  if (newRole === 'combined') return DATA_ROLES.includes(oldRole);
  if (newRole === 'features' || newRole === 'predProbs') {
    return oldRole === 'predProbs' || oldRole === 'features' || oldRole === 'combined';
  }
  if (newRole === 'labels') return oldRole === newRole || oldRole === 'combined';
  return newRole === 'classNames' && oldRole === 'classNames';
}
