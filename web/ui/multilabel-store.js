// Decisions on label sets, kept like single-label ones: in memory for the tab, and in this
// browser's IndexedDB (the same 'decisions' store, a key of its own) when the element saves
// decisions (save-decisions). A record: {key, scope, kind: 'multilabel', numExamples, numClasses,
// rows: [[index, decision, set, at], ...], savedAt}.
import { DECISIONS, get, put, remove } from './idb.js';

/** reviewStore() -> the element's ReviewStore (whether saving is on, and its scope). */
export function multiLabelStore(reviewStore) {
  const memory = new Map();
  const meta = new Map();
  const storageKey = (key) => `${reviewStore().scope}:${key}`;
  return {
    async load(key, info) {
      meta.set(key, info);
      if (memory.has(key)) return memory.get(key);
      if (!reviewStore().enabled) return [];
      const record = await get(DECISIONS, storageKey(key)).catch(() => null);
      const rows =
        record &&
        record.kind === 'multilabel' &&
        record.numExamples === info.numExamples &&
        record.numClasses === info.numClasses
          ? record.rows
          : [];
      memory.set(key, rows);
      return rows;
    },
    /** The settings changed while these sets are shown: the kept session (persist.js) opens with them. */
    settingsChanged(key, settings) {
      return reviewStore().updateSession({ settings, key: storageKey(key) });
    },
    async save(key, rows) {
      memory.set(key, rows);
      if (!reviewStore().enabled) return;
      if (rows.length === 0) {
        await remove(DECISIONS, storageKey(key));
        return;
      }
      await put(DECISIONS, {
        key: storageKey(key),
        scope: reviewStore().scope,
        kind: 'multilabel',
        ...meta.get(key),
        rows,
        savedAt: Date.now(),
      });
    },
  };
}
