// The files the multi-label review writes (controllers/multilabel.js): the corrected label sets in
// the input's own notation (a;b, a|b, JSON arrays, 0/1 columns or an N x K .npy) and the flagged
// rows with the decisions. No DOM.

const SEPARATOR = { semicolon: ';', pipe: '|' };

// A CSV field, quoted when it needs to be (RFC 4180).
function field(text) {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The label sets written as the input wrote them. sets: arrays of class indices. Returns
 * {name, type, data}: a CSV text (one column of sets, or one 0/1 column per class) or .npy bytes.
 */
export function writeLabelSets(sets, { classNames, notation, baseName = 'labels' }) {
  if (notation === 'npy') return { name: `${baseName}-corrected.npy`, type: 'application/octet-stream', data: npyBytes(sets, classNames.length) };
  const lines = [];
  if (notation === 'columns') {
    lines.push(classNames.map((c) => field(`label_${c}`)).join(','));
    for (const set of sets) lines.push(classNames.map((_, k) => (set.includes(k) ? '1' : '0')).join(','));
  } else {
    lines.push('labels');
    for (const set of sets) {
      const names = set.map((k) => classNames[k]);
      lines.push(field(notation === 'json' ? JSON.stringify(names) : names.join(SEPARATOR[notation] ?? ';')));
    }
  }
  return { name: `${baseName}-corrected.csv`, type: 'text/csv', data: `${lines.join('\n')}\n` };
}

/** An N x K uint8 .npy of 0/1 (version 1.0, header padded to 64 bytes). */
export function npyBytes(sets, numClasses) {
  let header = `{'descr': '|u1', 'fortran_order': False, 'shape': (${sets.length}, ${numClasses}), }`;
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = `${header}${' '.repeat(total - 10 - header.length - 1)}\n`;
  const out = new Uint8Array(total + sets.length * numClasses);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  sets.forEach((set, i) => { for (const k of set) out[total + i * numClasses + k] = 1; });
  return out;
}

/**
 * The flagged rows for review, most likely wrong first: row (1-based data row), given, suggested,
 * probably missing, probably extra, label quality, decision and the set decided.
 */
export function issuesCsv(model, decisions) {
  const names = (set) => set.map((k) => model.classNames[k]).join(';');
  const lines = ['row,given,suggested,probably_missing,probably_extra,label_quality,decision,decided_set'];
  for (const row of model.rows) {
    const d = decisions.get(row.example);
    lines.push([row.example + 1, names(row.given), names(row.suggested), names(row.missing), names(row.extra),
      String(model.labelQuality[row.example]), d?.decision ?? '', d ? names(d.set) : ''].map((v) => field(String(v))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
