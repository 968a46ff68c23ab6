// "Nothing lost": review decisions are saved in this browser (IndexedDB) as they are made, one
// record per dataset, keyed by the fingerprint of the files' bytes (not their names), so dropping
// the same files again — renamed, after a reload — brings the decisions back. A decision record
// holds row indices, class indices, times and the dataset's size: no file name, no class name.
// The dropped files themselves (and their names) are kept only when the person chose so (asked
// once, default no; and only on pages that allow it: the `store-files` attribute); a demo's name
// and the settings are kept so a reload can resume. forgetEverything() deletes the database.
// Everything stays on this device. When storage is unavailable or full, the page keeps working in
// memory and says so; a failed save never discards a decision.
//
// Database "labelscope" (version 1):
//   decisions  keyPath "key" = "<scope>:<fingerprint>:<label column>"
//              {key, scope, fingerprint, numExamples, numClasses,
//               indices Int32Array, labels Int32Array, kinds Uint8Array, times Float64Array,
//               createdAt, savedAt}
//   sessions   keyPath "scope" (the save-decisions attribute's value, "default" when empty)
//              {scope, kind: 'files' | 'demo', demo, entries [{file, role, reason, columns, ...}]
//               or null when over SESSION_FILE_LIMIT, names, sizes, totalBytes, labelColumn,
//               settings, key, sourceName, savedAt, computed: {options} when the probabilities were
//               computed here (Resume computes them again)}; a 'files' session only with the person's consent
//              also, under "<scope>:choices:<the files' SHA-256s>", the person's choices about those files
//              {key, scope, kind: 'choices', files [{print, role, chosenBy, chosenLabelColumn}], computed, savedAt}
//              (ui/choices.js): applied when the same bytes are dropped again
// The consent itself ('yes' / 'no') is in localStorage under KEEP_FILES_KEY.
import { Decisions } from './decisions.js';
import {
  DECISIONS,
  deleteDatabase,
  get,
  openDatabase,
  put,
  readConsent,
  remove,
  SESSIONS,
  STORAGE_TIMEOUT_MS,
  writeConsent,
} from './idb.js';

// What a kept file's entry needs on Resume (chosenBy: the person's role or swap, said as theirs again).
const KEPT_ENTRY_FIELDS = [
  'file',
  'role',
  'reason',
  'chosenBy',
  'labelColumn',
  'chosenLabelColumn',
  'columns',
  'firstRow',
  'shape',
  'descr',
  'format',
  'looksLikeFeatures',
];
const pick = (object, keys) => Object.fromEntries(keys.map((k) => [k, object[k]]));

export { KEEP_FILES_KEY, StorageError } from './idb.js';

/** Dropped files up to this total size are kept for "Resume"; bigger sets are not stored. */
export const SESSION_FILE_LIMIT = 256 * 1024 * 1024;

/** The storage key of one dataset's decisions. */
export function decisionsKey(scope, dataset) {
  return `${scope}:${dataset.fingerprint}:${dataset.source?.labelsColumn ?? 1}`;
}

/**
 * The decisions of the datasets an element reads, saved as they change.
 * onState({mode, error, savedAt}) reports: 'off' (not saving: the element's default), 'saved',
 * 'saving', 'failed' (error says why; decisions live in memory only).
 */
export class ReviewStore {
  #enabled = false;
  #scope = 'default';
  #onState;
  #memory = new Map(); // key -> Decisions, every dataset read in this tab (nothing is lost on a failed save)
  #meta = new Map(); // key -> the record's descriptive fields
  #pending = new Set(); // keys with changes not yet written
  #writing = null; // the write in flight
  #state = { mode: 'off', error: null, savedAt: null };
  #exportedVersion = new Map(); // key -> decisions.version at the last export
  #filesAllowed = false; // the page lets the person keep files (store-files)
  #consent = null; // 'yes' | 'no' | null (not asked yet); in memory when localStorage is blocked

  #channel = null; // BroadcastChannel to the other tabs of this page's origin
  #onRemote;

  /**
   * onState(state): see above. onRemote(key): decisions of `key` changed in another tab and were
   * merged here (redraw them if shown).
   */
  constructor({ onState, onRemote }) {
    this.#onState = onState;
    this.#onRemote = onRemote;
  }

  // Two tabs on the same dataset: every change is sent to the other tabs, which apply it per row
  // and write the merged set too, so neither tab's save drops the other's decisions.
  #listen() {
    if (this.#channel || typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(`labelscope-decisions:${this.#scope}`);
    this.#channel.onmessage = ({ data }) => this.#remote(data);
  }

  #send(message) {
    try {
      this.#channel?.postMessage(message);
    } catch {
      /* a closed channel: the other tabs read storage when they open the dataset */
    }
  }

  #remote({ key, rows, all, everything }) {
    if (everything) {
      // "Forget everything" in another tab: this tab forgets too, or its next save would bring them back.
      for (const [k, decisions] of this.#memory) {
        decisions.clearAll();
        this.#onRemote?.(k);
      }
      this.#pending.clear();
      this.#consent = null;
      return;
    }
    const decisions = this.#memory.get(key);
    if (!decisions) return;
    let changed = false;
    if (all) {
      changed = decisions.size > 0;
      decisions.clearAll();
    } else {
      for (const [index, entry] of rows) changed = decisions.applyRemote(index, entry) || changed;
    }
    if (!changed) return;
    if (!all) {
      this.#pending.add(key);
      this.#flush();
    }
    this.#onRemote?.(key);
  }

  get enabled() {
    return this.#enabled;
  }
  get scope() {
    return this.#scope;
  }
  get state() {
    return { ...this.#state };
  }

  /** Whether dropped files may be kept: the page allows it and the person said yes. */
  get keepsFiles() {
    return this.#enabled && this.#filesAllowed && this.consent === 'yes';
  }
  /** Whether to ask the person (the page allows keeping files and nobody answered yet). */
  get shouldAsk() {
    return this.#enabled && this.#filesAllowed && this.consent == null;
  }
  get consent() {
    return this.#consent ?? readConsent();
  }

  /** The person's answer: true keeps dropped files in this browser from now on. */
  setConsent(keep) {
    this.#consent = keep ? 'yes' : 'no';
    writeConsent(this.#consent);
  }

  /**
   * enabled: whether to save decisions; scope: a name that keeps one page's records apart from
   * another's; files: whether the page lets the person keep dropped files (asked first).
   */
  configure({ enabled, scope, files = false }) {
    this.#filesAllowed = files;
    const changed = enabled !== this.#enabled;
    this.#enabled = enabled;
    if ((scope || 'default') !== this.#scope) {
      this.#channel?.close();
      this.#channel = null;
    }
    this.#scope = scope || 'default';
    if (enabled) this.#listen();
    if (changed) {
      this.#setState(enabled ? { mode: 'saved', error: null } : { mode: 'off', error: null });
      if (enabled) {
        for (const key of this.#memory.keys()) this.#pending.add(key);
        this.#flush();
      }
    }
  }

  /** Checks that storage works (so a warning can show before the first decision is lost). */
  async probe() {
    if (!this.#enabled) return true;
    try {
      await openDatabase();
      return true;
    } catch (error) {
      this.#setState({ mode: 'failed', error });
      return false;
    }
  }

  /**
   * The decisions for a dataset: those made in this tab, else those saved in this browser.
   * Returns {decisions, restored: {count, savedAt, from: 'memory' | 'storage'} | null}.
   */
  async open(key, meta) {
    this.#meta.set(key, meta);
    const inMemory = this.#memory.get(key);
    if (inMemory) {
      return {
        decisions: inMemory,
        restored: inMemory.size ? { count: inMemory.size, savedAt: this.#state.savedAt, from: 'memory' } : null,
      };
    }
    let decisions = new Decisions();
    let restored = null;
    if (this.#enabled) {
      try {
        const record = await get(DECISIONS, key);
        if (record && record.numExamples === meta.numExamples && record.numClasses === meta.numClasses) {
          decisions = Decisions.fromRecord(record, meta.numExamples, meta.numClasses);
          if (decisions.size) restored = { count: decisions.size, savedAt: record.savedAt, from: 'storage' };
        }
        if (this.#state.mode === 'failed' && this.#pending.size === 0) this.#setState({ mode: 'saved', error: null });
      } catch (error) {
        this.#setState({ mode: 'failed', error });
      }
    }
    this.#memory.set(key, decisions);
    return { decisions, restored };
  }

  /** The decisions of `key` changed (on row `index`): saves them (writes are coalesced, never dropped). */
  changed(key, index) {
    if (!this.#enabled) return;
    if (Number.isInteger(index)) this.#send({ key, rows: [[index, this.#memory.get(key)?.get(index) ?? null]] });
    this.#pending.add(key);
    this.#flush();
  }

  /** Start over: forgets every decision on this dataset, here and in storage. */
  async forget(key) {
    this.#memory.get(key)?.clearAll();
    this.#pending.delete(key);
    if (!this.#enabled) return;
    this.#send({ key, all: true });
    try {
      await this.settled(); // a write in flight must not bring them back
      await remove(DECISIONS, key);
      this.#setState({ savedAt: Date.now(), ...(this.#pending.size ? {} : { mode: 'saved', error: null }) });
    } catch (error) {
      this.#setState({ mode: 'failed', error });
    }
  }

  markExported(key) {
    const decisions = this.#memory.get(key);
    if (decisions) this.#exportedVersion.set(key, decisions.version);
  }

  /** Whether the decisions on `key` were exported and not changed since (Forget everything asks first otherwise). */
  exported(key) {
    const decisions = this.#memory.get(key);
    return Boolean(decisions?.size) && this.#exportedVersion.get(key) === decisions.version;
  }

  /**
   * Decisions that exist only in this tab: saving was wanted but failed or is still on its way
   * (a stuck browser's storage may take seconds to fail), and they were not exported since.
   */
  atRisk() {
    if (!this.#enabled || this.#state.mode === 'saved' || this.#state.mode === 'off') return false;
    for (const [key, decisions] of this.#memory) {
      if (decisions.size && this.#exportedVersion.get(key) !== decisions.version) return true;
    }
    return false;
  }

  /** Resolves once every change made so far is written (or has failed). */
  async settled() {
    while (this.#writing) await this.#writing;
  }

  #flush() {
    if (this.#writing || this.#pending.size === 0 || !this.#enabled) return;
    this.#writing = this.#writeAll().finally(() => {
      this.#writing = null;
      if (this.#pending.size && this.#state.mode !== 'failed') this.#flush();
    });
  }

  async #writeAll() {
    // After a failure the warning stays up while saving is tried again: only a success takes it down.
    if (this.#state.mode !== 'failed') this.#setState({ mode: 'saving', error: null });
    while (this.#pending.size) {
      const [key] = this.#pending;
      this.#pending.delete(key);
      const decisions = this.#memory.get(key);
      const version = decisions?.version;
      try {
        const meta = this.#meta.get(key) ?? {};
        const savedAt = Date.now();
        if (!decisions || decisions.size === 0) {
          await remove(DECISIONS, key);
        } else {
          const previous = await get(DECISIONS, key).catch(() => null);
          await put(DECISIONS, {
            key,
            scope: this.#scope,
            ...meta,
            ...decisions.toRecord(),
            createdAt: previous?.createdAt ?? savedAt,
            savedAt,
          });
        }
        this.#state.savedAt = savedAt;
      } catch (error) {
        // Keep it pending: the next decision tries again (the quota may have been freed).
        this.#pending.add(key);
        this.#setState({ mode: 'failed', error });
        return;
      }
      // Changed while being written: write again.
      if (decisions && decisions.version !== version) this.#pending.add(key);
    }
    this.#setState({ mode: 'saved', error: null });
  }

  #setState(patch) {
    this.#state = { ...this.#state, ...patch };
    this.#onState?.(this.state);
  }

  // ---- the session: what to offer to resume on the next visit ----------------------------------

  /** Keeps the files (under the size limit) or the demo's name, with the settings. Never throws. */
  async saveSession(session) {
    if (!this.#enabled) return { stored: false };
    if (session.kind === 'files' && !this.keepsFiles) {
      // Not the person's choice: no file and no file name is kept (and an older offer would mislead).
      await this.forgetSession();
      return { stored: false };
    }
    const base = { scope: this.#scope, savedAt: Date.now(), ...session };
    if (base.kind === 'files') {
      base.names = session.entries.map((e) => e.file.name);
      base.sizes = session.entries.map((e) => e.file.size);
      base.totalBytes = base.sizes.reduce((a, b) => a + b, 0);
      if (base.totalBytes > SESSION_FILE_LIMIT) base.entries = null;
      else {
        base.entries = session.entries.map((entry) => pick(entry, KEPT_ENTRY_FIELDS));
      }
    }
    try {
      // Kept files take time to write: 100 ms per MB on top of the usual wait (256 MB: 31 s).
      await put(SESSIONS, base, STORAGE_TIMEOUT_MS + (base.totalBytes ?? 0) / 1e4);
      return { stored: true, filesKept: base.kind !== 'files' || base.entries != null };
    } catch (error) {
      if (base.kind === 'files' && base.entries) {
        // The files did not fit: remember at least their names, so the next visit can say what to drop.
        try {
          await put(SESSIONS, { ...base, entries: null, filesError: error.message });
          return { stored: true, filesKept: false, error };
        } catch {
          /* fall through */
        }
      }
      return { stored: false, error };
    }
  }

  /** Updates the stored session's settings (after a settings change). */
  async updateSession(patch) {
    if (!this.#enabled) return;
    try {
      const session = await get(SESSIONS, this.#scope);
      if (session && (!patch.key || session.key === patch.key))
        await put(SESSIONS, { ...session, ...patch, savedAt: Date.now() });
    } catch {
      /* the session is a convenience; decisions report their own failures */
    }
  }

  /** The stored session with its number of saved decisions, or null. */
  async loadSession() {
    if (!this.#enabled) return null;
    try {
      const session = await get(SESSIONS, this.#scope);
      if (!session) return null;
      const record = session.key ? await get(DECISIONS, session.key) : null;
      // A multi-label record keeps rows of [index, decision, set, at] (ui/multilabel-store.js).
      const count = record?.indices?.length ?? record?.rows?.length ?? 0;
      return { ...session, decisionCount: count, decisionsSavedAt: record?.savedAt ?? null };
    } catch {
      return null;
    }
  }

  /**
   * "Forget everything": deletes the whole database (files, decisions, names, settings) and the
   * answer about keeping files, and clears the decisions held in this tab.
   */
  async forgetEverything() {
    await this.settled();
    for (const decisions of this.#memory.values()) decisions.clearAll();
    this.#pending.clear();
    this.#consent = null;
    writeConsent(null);
    this.#send({ everything: true });
    try {
      await deleteDatabase();
      if (this.#enabled) this.#setState({ mode: 'saved', error: null, savedAt: null });
    } catch (error) {
      this.#setState({ mode: 'failed', error });
      throw error;
    }
  }

  // ---- the person's choices about files (ui/choices.js): kept like decisions, keyed by the files' bytes -------------

  #choicesKey(set) {
    return `${this.#scope}:choices:${set}`;
  }

  /** Keeps `record` (null: forgets) as the choices about the files whose fingerprints make `set`. */
  async saveChoices(set, record) {
    if (!this.#enabled) return;
    const key = this.#choicesKey(set);
    if (record) await put(DECISIONS, { key, scope: this.#scope, kind: 'choices', ...record, savedAt: Date.now() });
    else await remove(DECISIONS, key);
  }

  /** The choices kept about the files whose fingerprints make `set`, or null. */
  async loadChoices(set) {
    if (!this.#enabled) return null;
    const record = await get(DECISIONS, this.#choicesKey(set));
    return record?.kind === 'choices' ? record : null;
  }

  /** Removes the stored files (the decisions stay, keyed by the files' fingerprint). */
  async forgetSession() {
    if (!this.#enabled) return;
    try {
      await remove(SESSIONS, this.#scope);
    } catch {
      /* nothing to forget */
    }
  }
}
