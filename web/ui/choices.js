// The person's choices about dropped files — a file's role, a table's label column, and how the probabilities
// were computed here (missing values filled, the columns' roles, the folds; for label sets, the one-vs-rest compute,
// its folds and the settings the sets were audited with) — kept with the decisions, so dropping
// the same files again (renamed, after a reload) brings back the same analysis without choosing again. Keyed by a
// fingerprint of the files' bytes: another file never inherits them. Kept like decisions (persist.js): only where
// the page saves decisions, on this device, no file name; "Forget everything" deletes them with the rest. Part of
// a set dropped again (a table without the probabilities it came with) keeps each file's own label column only.
import { DEFAULT_SETTINGS } from '../controllers/options.js';
import { fileFingerprint } from './fingerprint.js';
import { DEFAULT_FOLDS } from './folds.js';
import { isolate, listPhrase } from './format.js';

/** Files up to this total size are fingerprinted (fingerprint.js): bigger sets keep no choices. */
export const CHOICES_BYTES_LIMIT = 256 * 1024 * 1024;

/** What was chosen for one file: its role (when the person chose it) and its label column. */
function fileChoice(entry) {
  const choice = {};
  if (entry.chosenBy) Object.assign(choice, { role: entry.role, chosenBy: entry.chosenBy });
  if (entry.chosenLabelColumn != null) choice.chosenLabelColumn = entry.chosenLabelColumn;
  return choice;
}

/** The choices of a computation here worth keeping (label column, filling, columns' roles, folds, spellings merged). */
function computedChoice(options) {
  if (!options) return null;
  const kept = {};
  for (const name of ['labelColumn', 'impute', 'columnRoles', 'folds', 'foldCase'])
    if (options[name] != null) kept[name] = options[name];
  return kept;
}

// The settings in cleanlab's words, as the settings card names them.
const SETTING_WORDS = {
  filterBy: 'filter_by',
  rankBy: 'rank_by',
  fracNoise: 'frac_noise',
  minExamplesPerClass: 'min_examples_per_class',
};

/**
 * The choices about label sets worth keeping: {computed, folds} when one-vs-rest probabilities were computed here,
 * and the settings that differ from the page's defaults. null when there is none.
 */
export function setsChoice({ computed = false, folds = null, settings = {} } = {}) {
  const kept = {};
  if (computed) Object.assign(kept, { computed: true }, folds ? { folds } : {});
  const changed = Object.keys(SETTING_WORDS).filter((k) => settings[k] != null && settings[k] !== DEFAULT_SETTINGS[k]);
  if (changed.length) kept.settings = Object.fromEntries(changed.map((k) => [k, settings[k]]));
  return Object.keys(kept).length ? kept : null;
}

/**
 * The choices in words: "label column ‘outcome’, missing values filled"; '' when there is nothing to say.
 * record: {files: [{role, chosenBy, chosenLabelColumn}], computed: {labelColumn, impute, columnRoles, folds}|null,
 * multiLabel?: setsChoice()}.
 */
export function choicesPhrase(record) {
  const said = [];
  const columns = new Set(record.files.map((f) => f.chosenLabelColumn).filter((c) => c != null));
  const computed = record.computed ?? {};
  if (computed.labelColumn != null) columns.add(computed.labelColumn);
  for (const column of columns) said.push(`label column ‘${isolate(column)}’`);
  if (record.files.some((f) => f.chosenBy === 'you')) said.push('how each file is used');
  if (record.files.some((f) => f.chosenBy === 'swap')) said.push('labels ⇄ probabilities swapped');
  if (computed.impute) said.push('missing values filled');
  if (computed.foldCase) said.push('spellings read as one class');
  if (computed.columnRoles && Object.keys(computed.columnRoles).length) said.push('the columns’ roles you set');
  if (computed.folds) said.push(`${computed.folds} folds`);
  const sets = record.multiLabel ?? {};
  if (sets.computed) said.push(`one-vs-rest probabilities computed here with ${sets.folds ?? DEFAULT_FOLDS} folds`);
  for (const [name, value] of Object.entries(sets.settings ?? {})) said.push(`${SETTING_WORDS[name]} ${value}`);
  return listPhrase(said);
}

/**
 * Part of a set dropped again (the table without the probabilities it came with), or a file with others: each file's
 * own label column, kept under it alone (`file:<print>`) or with the file alone; the roles, a swap and how the
 * probabilities were computed were choices about the other set, and do not come back. null when none is kept.
 */
async function ownChoices(store, prints) {
  const files = [];
  for (const print of prints) {
    const own =
      (await store.loadChoices(`file:${print}`)) ?? (prints.length > 1 ? await store.loadChoices(print) : null);
    const chosenLabelColumn = own?.files?.find((f) => f.print === print)?.chosenLabelColumn;
    if (chosenLabelColumn != null) files.push({ print, chosenLabelColumn });
  }
  return files.length ? { files, computed: null, multiLabel: null } : null;
}

/**
 * Remembers and recalls the choices, through the review store (persist.js: saveChoices, loadChoices). store():
 * the ReviewStore (null or disabled: nothing is kept).
 */
export class ChoicesMemory {
  #store;

  constructor(store) {
    this.#store = store;
  }

  /** The key of a set of files: their fingerprints in order of bytes, not names nor the order dropped. */
  async #key(entries) {
    const files = entries.map((e) => e.file);
    if (!files.length || files.reduce((n, f) => n + f.size, 0) > CHOICES_BYTES_LIMIT) return null;
    const prints = await Promise.all(files.map(fileFingerprint));
    return { set: [...prints].sort().join('+'), prints };
  }

  /**
   * Keeps the choices made for the files analysed (dropped files only: a demo or an address is not the person's).
   * computed: the options of probabilities computed here, or null; sets: the choices about label sets shown
   * (setsChoice), or null. Never throws.
   */
  async remember(origin, entries, computed, sets = null) {
    const store = this.#store();
    if (!store?.enabled || origin?.kind !== 'files') return;
    try {
      const key = await this.#key(entries);
      if (!key) return;
      const files = entries.map((e, i) => ({ print: key.prints[i], ...fileChoice(e) }));
      const chosen = computedChoice(computed);
      const record = { files, computed: chosen && Object.keys(chosen).length ? chosen : null, multiLabel: sets };
      const any = record.computed || record.multiLabel || files.some((f) => Object.keys(f).length > 1);
      await store.saveChoices(key.set, any ? record : null);
      // Each file's own label column also under that file alone: dropped again without the others, it keeps it.
      if (files.length > 1) {
        for (const { print, chosenLabelColumn } of files) {
          const own = chosenLabelColumn != null ? { files: [{ print, chosenLabelColumn }], computed: null } : null;
          await store.saveChoices(`file:${print}`, own);
        }
      }
    } catch {
      /* choices are a convenience: decisions report their own storage failures */
    }
  }

  /**
   * The choices kept for these very files, applied: {entries, computed (options to compute with, or null),
   * multiLabel (setsChoice, or null), said (in words)}; null when none are kept. Never throws.
   */
  async recall(entries) {
    const store = this.#store();
    if (!store?.enabled || !entries.length) return null;
    try {
      const key = await this.#key(entries);
      if (!key) return null;
      const kept = await store.loadChoices(key.set);
      const record = kept?.files ? kept : await ownChoices(store, key.prints);
      if (!record) return null;
      const byPrint = new Map(record.files.map((f) => [f.print, f]));
      const said = choicesPhrase(record);
      const applied = entries.map((entry, i) => {
        const { print, ...choice } = byPrint.get(key.prints[i]) ?? {};
        if (!print) return entry;
        const { chosenLabelColumn, ...rest } = entry;
        return { ...rest, ...choice, restoredChoices: said };
      });
      return { entries: applied, computed: record.computed ?? null, multiLabel: record.multiLabel ?? null, said };
    } catch {
      return null;
    }
  }
}
