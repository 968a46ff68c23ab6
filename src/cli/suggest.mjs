// "Did you mean --labels?" after a mistyped flag or command: the nearest known name, when it is near
// enough. The native CLI picks the same name the same way (src/native/suggest.cpp): both say the same.

// Edits between two names (insert, delete, replace, or swap two neighbours: 'lables' is one from 'labels'),
// counted in characters (code points).
function distance(a, b) {
  const s = [...a];
  const t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/**
 * The name of `names` that `typed` most likely meant, or undefined: the fewest edits, at most 2 and at
 * most a third of the typed length (one for short names); else the only name `typed` begins (3
 * characters or more). Ties go to the name first in alphabetical order, whatever the list's order.
 */
export function nearestName(typed, names) {
  const length = [...typed].length;
  const most = Math.min(2, Math.max(1, Math.floor(length / 3)));
  let best;
  let bestDistance = Infinity;
  for (const name of [...new Set(names)].sort()) {
    const d = distance(typed, name);
    if (d <= most && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  const begun = names.filter((name) => name.startsWith(typed));
  return length >= 3 && new Set(begun).size === 1 ? begun[0] : undefined;
}

/** ' Did you mean --labels?' for an unknown '--lables' among the flags `names` (without '--'), or ''. */
export function flagSuggestion(option, names) {
  if (!/^--[^-]/.test(option)) return '';
  const name = nearestName(option.slice(2), names);
  return name === undefined ? '' : ` Did you mean --${name}?`;
}

/** ' Did you mean find-issues?' for an unknown command, or ''. */
export function commandSuggestion(command, names) {
  const name = nearestName(command, names);
  return name === undefined ? '' : ` Did you mean ${name}?`;
}
