/**
 * What the page last showed of a store (its full contents and the feed position they are at), kept in
 * IndexedDB beside the store, so a later visit draws the map at once while the store opens; the
 * store then confirms it (same store, feed pulled from that position) or replaces it with a full read.
 * A first visit uses the contents the build wrote beside the store image (`contents.json`).
 */
import type { ChangeSet, StoreContents } from '../repository';
import { changeCount } from '../rpc-repository';
import { patchStoreContents } from '../contents-patch';

export interface CachedContents {
  /** The store they were read from (`lianjian_meta.store.id`). */
  storeId: string;
  /** The feed position the contents are at. */
  seq: number;
  contents: StoreContents;
}

const DB_NAME = 'lianjian-contents';
const STORE = 'contents';

function openCache(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => () => T): Promise<T> {
  return openCache().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(result());
    };
    tx.onerror = () => {
      db.close();
      reject(tx.error);
    };
  }));
}

/**
 * The kept contents are one value (the whole register, written now and then) and a journal of the
 * change sets since (one small value per batch): a saved edit writes a few hundred bytes, not the
 * register. The journal is folded into the whole value once it holds JOURNAL_ROWS_LIMIT rows.
 */
const journalKeys = (name: string) => IDBKeyRange.bound(`${name}#`, `${name}#\uffff`);
const journalKey = (name: string, seq: number) => `${name}#${String(seq).padStart(16, '0')}`;
export const JOURNAL_ROWS_LIMIT = 20_000;

interface JournalEntry {
  storeId: string;
  changes: ChangeSet;
}

export interface KeptContents extends CachedContents {
  /** Rows in the journal over the whole value: when many, the caller writes the whole value again. */
  journalRows: number;
}

/** Kept as JSON strings: one value to clone instead of a hundred thousand objects. */
export async function readCachedContents(name: string): Promise<KeptContents | null> {
  try {
    const [text, journal] = await run('readonly', (store) => {
      const base = store.get(name) as IDBRequest<string | undefined>;
      const entries = store.getAll(journalKeys(name)) as IDBRequest<string[]>;
      return () => [base.result, entries.result] as const;
    });
    if (!text) return null;
    const kept = JSON.parse(text) as CachedContents;
    let { contents, seq } = kept;
    let journalRows = 0;
    for (const entry of journal.map((t) => JSON.parse(t) as JournalEntry)) {
      if (entry.storeId !== kept.storeId || entry.changes.lastSeq <= seq) continue;
      contents = patchStoreContents(contents, entry.changes);
      seq = entry.changes.lastSeq;
      journalRows += changeCount(entry.changes);
    }
    return { storeId: kept.storeId, seq, contents, journalRows };
  } catch {
    return null;
  }
}

/**
 * Writes the whole contents and clears the journal entries they include (up to their position: a
 * batch appended meanwhile is newer and stays).
 */
export async function writeCachedContents(name: string, cached: CachedContents): Promise<void> {
  const text = JSON.stringify(cached);
  await run('readwrite', (store) => {
    store.put(text, name);
    store.delete(IDBKeyRange.bound(`${name}#`, journalKey(name, cached.seq)));
    return () => undefined;
  });
}

/** Adds one batch of changes to the journal over the kept contents. */
export async function appendCachedChanges(name: string, storeId: string, changes: ChangeSet): Promise<void> {
  const text = JSON.stringify({ storeId, changes } satisfies JournalEntry);
  await run('readwrite', (store) => {
    store.put(text, journalKey(name, changes.lastSeq));
    return () => undefined;
  });
}

export async function dropCachedContents(name: string): Promise<void> {
  await run('readwrite', (store) => {
    store.delete(name);
    store.delete(journalKeys(name));
    return () => undefined;
  });
}

/** The contents the build read from a dataset's store image (null when the dataset has none). */
export async function fetchBuiltContents(datasetUrl: string): Promise<CachedContents | null> {
  try {
    const response = await fetch(new URL('contents.json', datasetUrl));
    return response.ok ? ((await response.json()) as CachedContents) : null;
  } catch {
    return null;
  }
}
