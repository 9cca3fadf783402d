/**
 * What the page last showed of a store (its full contents and the feed position they are at), kept in
 * IndexedDB beside the store, so a later visit draws the map at once while the store opens; the
 * store then confirms it (same store, feed pulled from that position) or replaces it with a full read.
 * A first visit uses the contents the build wrote beside the store image (`contents.json`).
 */
import type { StoreContents } from '../repository';

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

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openCache().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(request.result);
    };
    tx.onerror = () => {
      db.close();
      reject(tx.error);
    };
  }));
}

/** Kept as one JSON string: one value to clone instead of a hundred thousand objects. */
export async function readCachedContents(name: string): Promise<CachedContents | null> {
  try {
    const text = await run<string | undefined>('readonly', (store) => store.get(name) as IDBRequest<string | undefined>);
    return text ? (JSON.parse(text) as CachedContents) : null;
  } catch {
    return null;
  }
}

export async function writeCachedContents(name: string, cached: CachedContents): Promise<void> {
  await run('readwrite', (store) => store.put(JSON.stringify(cached), name));
}

export async function dropCachedContents(name: string): Promise<void> {
  await run('readwrite', (store) => store.delete(name));
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
