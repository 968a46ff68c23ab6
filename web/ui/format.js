// Number formatting for people (the user's locale) — exports use exact machine formatting instead.
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatCount(n) {
  return integer.format(n);
}

/**
 * A row number as people read it: the N-th data row (header not counted), from a 0-based index, grouped
 * like every other count ("4,819"). The one formatter for row numbers on the page.
 */
export function formatRow(index) {
  return formatCount(index + 1);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When something was saved (ms since 1970), in the user's locale; 'earlier' when not known. */
export function formatWhen(time) {
  return time ? dateTime.format(new Date(time)) : 'earlier';
}

/** 0.0015 -> "0.15%": enough digits that small rates (the point of a lesson) never read as 0%. */
export function formatPercent(share) {
  if (!Number.isFinite(share)) return '–';
  const pct = share * 100;
  if (pct === 0) return '0%';
  const digits = pct >= 10 ? 1 : pct >= 0.1 ? 2 : 3;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(pct)}%`;
}

/** 0.82 -> "82.0%", 0.808 -> "80.8%": one precision for numbers shown side by side (a table's column). */
export function formatPercentFixed(share, digits = 1) {
  if (!Number.isFinite(share)) return '–';
  return `${new Intl.NumberFormat(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share * 100)}%`;
}

/** A reader's note ("x.csv: 2000 rows, with a header row, …") with its row count grouped as the page's numbers are. */
export function groupRowCount(note) {
  return String(note).replace(/: (\d{4,}) rows(?=,|$)/, (_, n) => `: ${formatCount(Number(n))} rows`);
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

/** "1 decision is" / "3 decisions are": a count as the subject of a sentence. */
export function pluralIs(n, one, many = `${one}s`) {
  return `${plural(n, one, many)} ${n === 1 ? 'is' : 'are'}`;
}

// ---- text from the person's files inside the page's sentences ------------------------------------
// A class name, id, cell or file name may hold explicit direction controls: U+202A-U+202E
// (embeddings, overrides, closed by U+202C) and U+2066-U+2068 (isolates, closed by U+2069). Left
// open, a right-to-left override (U+202E) reverses everything after it up to the end of the
// paragraph: the page's own sentence. containBidi keeps each such value in an isolate of its own.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const FSI = '\u2068';
const PDF = '\u202C';
const PDI = '\u2069';
// Where a value inside a sentence starts or ends: quotation marks ('x', “x”), brackets, line
// breaks, and the separators of a list or a label (", ", "; ", ": ").
const VALUE_BOUNDS = /(['"‘’“”«»()\n\r]|[,;:] )/;

/** `text` with the controls it opens closed at its end, stray closers dropped. */
function balanced(text) {
  const open = []; // the closer each open control needs, innermost last
  let out = '';
  for (const ch of text) {
    if (ch >= '\u202A' && ch <= '\u202E' && ch !== PDF) {
      open.push(PDF);
      out += ch;
    } else if (ch >= '\u2066' && ch <= '\u2068') {
      open.push(PDI);
      out += ch;
    } else if (ch === PDF) {
      if (open.at(-1) === PDF) out += open.pop();
    } else if (ch === PDI) {
      const at = open.lastIndexOf(PDI);
      if (at >= 0) while (open.length > at) out += open.pop(); // a PDI closes what its isolate opened
    } else {
      out += ch;
    }
  }
  while (open.length) out += open.pop();
  return out;
}

/**
 * `text` with every stretch that holds a direction control — between two value bounds (see
 * VALUE_BOUNDS), or the whole text — wrapped in an isolate (FSI ... PDI, as <bdi> does) and its
 * controls closed inside it. Text without such controls (nearly all) is returned as it is.
 */
export function containBidi(text) {
  const s = String(text);
  if (!BIDI_CONTROLS.test(s)) return s;
  return s
    .split(VALUE_BOUNDS)
    .map((piece, i) => {
      if (i % 2 === 1 || !BIDI_CONTROLS.test(piece)) return piece ?? ''; // a bound, or plain text
      return `${FSI}${balanced(piece)}${PDI}`;
    })
    .join('');
}

// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...; their presentation forms).
const RTL_OR_CONTROL =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u202A-\u202E\u2066-\u2069]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;

/**
 * A value from the person's data for a sentence built as one string: isolated (FSI ... PDI, as
 * <bdi> does) when it holds right-to-left letters or direction controls, else as it is.
 */
export function isolate(value) {
  const s = String(value);
  return RTL_OR_CONTROL.test(s) ? `${FSI}${balanced(s)}${PDI}` : s;
}
