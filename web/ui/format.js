// Number formatting for people (the user's locale) — exports use exact machine formatting instead.
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatCount(n) {
  return integer.format(n);
}

/** 0.0015 -> "0.15%": enough digits that small rates (the point of a lesson) never read as 0%. */
export function formatPercent(share) {
  if (!Number.isFinite(share)) return '–';
  const pct = share * 100;
  if (pct === 0) return '0%';
  const digits = pct >= 10 ? 1 : pct >= 0.1 ? 2 : 3;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(pct)}%`;
}

/** A probability or score in [0, 1], two decimals, with the extremes marked instead of rounded away. */
export function formatProbability(p) {
  if (!Number.isFinite(p)) return '–';
  if (p > 0 && p < 0.005) return p < 0.001 ? '<0.001' : p.toFixed(3);
  if (p < 1 && p > 0.995) return p > 0.999 ? '>0.999' : p.toFixed(3);
  return p.toFixed(2);
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "a, b and c" */
export function listPhrase(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
