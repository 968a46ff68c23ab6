// The IndexedDB layer of persist.js: one database per origin, opened once per page, small
// promise helpers, storage errors worded for people, and the person's answer about keeping files
// (localStorage). See persist.js for what the stores hold.
export const DB_NAME = 'labelscope';
const DB_VERSION = 1;
export const DECISIONS = 'decisions';
export const SESSIONS = 'sessions';
// A browser whose storage is stuck may never answer an open or a write: after this long, the page
// says that decisions are not being saved (and keeps them in memory) instead of "Saving…" for ever.
export const STORAGE_TIMEOUT_MS = 5000;

/** A storage failure, worded for people. reason: 'unavailable' | 'quota' | 'timeout' | 'failed'. */
export class StorageError extends Error {
  constructor(reason, cause) {
    const detail = cause?.message ? ` (${cause.message})` : '';
    const text = {
      unavailable:
        `This browser does not let the page store data here — private browsing or a storage setting ` +
        `may block it${detail}.`,
      quota: `This browser’s storage for this site is full${detail}.`,
      timeout:
        `This browser’s storage did not answer within ${STORAGE_TIMEOUT_MS / 1000} seconds${detail}; it ` +
        `is tried again with each decision.`,
      failed: `Saving in this browser failed${detail}.`,
    }[reason];
    super(text);
    this.name = 'StorageError';
    this.reason = reason;
    this.cause = cause;
  }
}

function isQuota(error) {
  return error?.name === 'QuotaExceededError' || /quota/i.test(error?.message ?? '');
}

export function storageError(error, fallback = 'failed') {
  if (error instanceof StorageError) return error;
  return new StorageError(isQuota(error) ? 'quota' : fallback, error);
}

/** localStorage key of the person's answer to "keep the files in this browser?". */
export const KEEP_FILES_KEY = 'labelscope:keep-files';

export function readConsent() {
  try {
    return globalThis.localStorage?.getItem(KEEP_FILES_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeConsent(value) {
  try {
    if (value == null) globalThis.localStorage?.removeItem(KEEP_FILES_KEY);
    else globalThis.localStorage?.setItem(KEEP_FILES_KEY, value);
  } catch {
    /* storage blocked: the answer holds for this page only */
  }
}

let opening = null;

/** The database, opened once per page. Rejects with a StorageError (and tries again next time). */
function openDatabase() {
  opening ??= new Promise((resolve, reject) => {
    let request;
    try {
      request = globalThis.indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(storageError(error, 'unavailable'));
      return;
    }
    const timer = setTimeout(() => reject(new StorageError('timeout')), STORAGE_TIMEOUT_MS);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DECISIONS)) db.createObjectStore(DECISIONS, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(SESSIONS)) db.createObjectStore(SESSIONS, { keyPath: 'scope' });
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // Another tab upgrading the database: let it, and reopen on the next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(storageError(request.error, 'unavailable'));
    };
  });
  const attempt = opening;
  attempt.catch(() => {
    if (opening === attempt) opening = null;
  });
  return attempt;
}

/**
 * Runs fn(store) in one transaction; resolves with the last request's result once committed, or
 * rejects with a 'timeout' StorageError after timeoutMs (a big write, such as kept files, gets more).
 */
async function transact(storeName, mode, fn, timeoutMs = STORAGE_TIMEOUT_MS) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    let tx;
    let request = null;
    try {
      tx = db.transaction(storeName, mode);
      request = fn(tx.objectStore(storeName));
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        /* already finished */
      }
      reject(storageError(error));
      return;
    }
    const timer = setTimeout(() => {
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      reject(new StorageError('timeout'));
    }, timeoutMs);
    tx.oncomplete = () => {
      clearTimeout(timer);
      resolve(request?.result);
    };
    tx.onerror = () => {
      clearTimeout(timer);
      reject(storageError(tx.error ?? request?.error));
    };
    tx.onabort = () => {
      clearTimeout(timer);
      reject(storageError(tx.error ?? request?.error ?? new Error('the transaction was aborted')));
    };
  });
}

export const get = (store, key) => transact(store, 'readonly', (s) => s.get(key));
export const put = (store, value, timeoutMs = STORAGE_TIMEOUT_MS) =>
  transact(store, 'readwrite', (s) => s.put(value), timeoutMs);
export const remove = (store, key) => transact(store, 'readwrite', (s) => s.delete(key));

/** Closes this page's connection and deletes the whole database ("Forget everything"). */
export async function deleteDatabase() {
  if (opening) (await opening.catch(() => null))?.close();
  opening = null;
  await new Promise((resolve, reject) => {
    const request = globalThis.indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(storageError(request.error));
    request.onblocked = () => resolve(); // another tab holds it open: deleted once it lets go
  });
}

/** Opens the database (to find out early whether storage works). */
export { openDatabase };
