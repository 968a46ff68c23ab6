// The files the multi-label review writes (controllers/multilabel-decisions.js): the corrected label sets in
// the input's own notation (a;b, a|b, JSON arrays, 0/1 columns or an N x K .npy; a CSV or TSV file
// of sets is written whole by the worker: ls.multiLabel.correctedLabelsFile), the flagged rows and
// the decisions, with the data's id/text columns as the single-label exports (src/js/exports.js). No DOM.
import {
  csvField,
  csvLine,
  dataColumns,
  DECIDED_FIELDS,
  decisionLine,
  decisionsHeader,
  npyInts,
} from '../src/js/exports.js';
import { setText } from '../src/js/multilabel-files.js';
import { displayColumns } from './columns.js';

// A data cell written exactly (quoted when it needs to be; no spreadsheet guard: data for training).
const field = (text) => csvField(text, true);

/**
 * The label sets written as the input wrote them. sets: arrays of class indices. Returns
 * {name, type, data}: a CSV text (one column of sets, or one 0/1 column per class) or .npy bytes.
 */
export function writeLabelSets(sets, { classNames, notation, baseName = 'labels' }) {
  if (notation === 'npy')
    return {
      name: `${baseName}-corrected.npy`,
      type: 'application/octet-stream',
      data: npyBytes(sets, classNames.length),
    };
  const lines = [];
  if (notation === 'columns') {
    lines.push(classNames.map((c) => field(`label_${c}`)).join(','));
    for (const set of sets) lines.push(classNames.map((_, k) => (set.includes(k) ? '1' : '0')).join(','));
  } else {
    lines.push('labels');
    for (const set of sets) {
      const names = set.map((k) => classNames[k]);
      lines.push(field(setText(names, notation)));
    }
  }
  return { name: `${baseName}-corrected.csv`, type: 'text/csv', data: `${lines.join('\n')}\n` };
}

/** An N x K uint8 .npy of 0/1 (the library's .npy writer, src/js/exports.js). */
export function npyBytes(sets, numClasses) {
  const flat = new Uint8Array(sets.length * numClasses);
  sets.forEach((set, i) => {
    for (const k of set) flat[i * numClasses + k] = 1;
  });
  return npyInts(flat, { descr: '|u1', shape: [sets.length, numClasses] });
}

const ISSUE_FIELDS = [
  'rank',
  'index',
  'row',
  'given_label',
  'suggested_label',
  'probably_missing',
  'probably_extra',
  'label_quality',
];

/**
 * The flagged rows for review, most likely wrong first, numbered as every export is (rank, index from 0,
 * row = the N-th data row): given and suggested set, probably missing, probably extra, label quality, the
 * data's id/text columns, and the person's decision and final_label (src/js/exports.js DECIDED_FIELDS).
 */
export function issuesCsv(model, decisions) {
  const names = (set) => set.map((k) => model.classNames[k]).join(';');
  const extras = dataColumns(model, [...ISSUE_FIELDS, ...DECIDED_FIELDS]);
  const lines = [csvLine([...ISSUE_FIELDS, ...extras.map((e) => e.key), ...DECIDED_FIELDS])];
  model.rows.forEach((row, at) => {
    const d = decisions.get(row.example);
    lines.push(
      csvLine([
        at + 1,
        row.example,
        row.example + 1,
        names(row.given),
        names(row.suggested),
        names(row.missing),
        names(row.extra),
        model.labelQuality[row.example],
        ...extras.map((e) => e.values[row.example]),
        d?.decision ?? '',
        d ? names(d.set) : '',
      ]),
    );
  });
  return lines.join('');
}

/**
 * The decisions in row order, in the single-label decisions export's columns (src/js/exports.js): index
 * (from 0), row (1-based), the id / text columns, given_label, suggested_label (the current analysis's),
 * decision (accept, keep or edit), final_label, label_quality, rank (among the flagged rows) and decided_at;
 * sets written a;b.
 */
export function decisionsCsv(model, decisions) {
  const names = (set) => set.map((k) => model.classNames[k]).join(';');
  const { id, text } = displayColumns(model);
  const extra = [id, text].filter(Boolean);
  const rank = new Map(model.rows.map((r, at) => [r.example, at + 1]));
  const lines = [decisionsHeader(extra.map((c) => c.name))];
  for (const index of [...decisions.keys()].sort((a, b) => a - b)) {
    const d = decisions.get(index);
    const given = model.given(index);
    lines.push(
      decisionLine(
        index,
        extra.map((c) => c.values[index]),
        {
          given: names(given),
          suggested: names(model.rowOf.get(index)?.suggested ?? given),
          decision: d.decision,
          final: names(d.set),
          labelQuality: model.labelQuality[index],
          rank: rank.get(index),
          at: d.at,
        },
      ),
    );
  }
  return lines.join('');
}
