/**
 * The embedded store in the browser: PGlite + PostGIS in a worker shared by all tabs, persisted to
 * IndexedDB, migrated with the bundled supabase/migrations and seeded from the dataset folder on first start.
 */
import { PGliteWorker } from '@electric-sql/pglite/worker';
import { openLocalStore, syncOnlyOnRequest, type LocalStore, type Migration } from './pglite-store';
import { seedDataset } from '../seed';
import { DATASET_FILES, parseDatasetFiles, type DatasetFiles } from '../../core/io/dataset';
import type { Problem } from '../../core/io/problems';

const migrationFiles = import.meta.glob('../../../supabase/migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
export const BUNDLED_MIGRATIONS: Migration[] = Object.entries(migrationFiles).map(([path, sql]) => ({ name: path.split('/').pop() as string, sql }));

export type Progress = (step: string, done?: number, total?: number) => void;

export interface BrowserStore {
  store: LocalStore;
  firstStart: boolean;
  problems: Problem[];
  /** Replaces the whole store with a dump made by `store.exportDump()`. */
  restore(dump: Blob): Promise<BrowserStore>;
}

async function fetchDataset(baseUrl: string): Promise<DatasetFiles> {
  const files: DatasetFiles = {};
  await Promise.all(
    DATASET_FILES.map(async (name) => {
      const response = await fetch(new URL(name, baseUrl));
      if (response.ok) files[name] = new Uint8Array(await response.arrayBuffer());
    }),
  );
  return files;
}

/**
 * IndexedDB keeps each database file as one value, and Chromium refuses values over 128 MiB: the
 * largest table file bounds the store (enterprises ≈ 200 bytes per row, so ≈ 650k rows). OPFS has no
 * such cap, but PGlite's OPFS file system wrote a 200k-row import ≈ 4× slower here, so IndexedDB stays.
 */
async function startWorker(name: string, loadDataDir?: Blob): Promise<PGliteWorker> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { type: 'module' });
  return syncOnlyOnRequest(await PGliteWorker.create(worker, { dataDir: `idb://${name}`, id: name, ...(loadDataDir ? { loadDataDir } : {}) }));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(`/pglite/${name}`);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Whether this browser already holds the named store (PGlite keeps it in IndexedDB as `/pglite/<name>`). */
async function storeExists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return false;
  return (await indexedDB.databases()).some((d) => d.name === `/pglite/${name}`);
}

/** The dataset's ready store (made at build time by `lianjian store-image`), or null when it has none. */
async function fetchStoreImage(datasetUrl: string): Promise<Blob | null> {
  try {
    const response = await fetch(new URL('store.tar.gz', datasetUrl));
    if (!response.ok) return null;
    // Served as a file; the dev server and some hosts add Content-Encoding, which fetch has already undone.
    return await response.blob();
  } catch {
    return null;
  }
}

export async function openBrowserStore(name: string, datasetUrl: string, onProgress: Progress, dump?: Blob): Promise<BrowserStore> {
  // A first visit opens the ready store image instead of building the database (loadDataDir refuses
  // to overwrite an existing store, so only when there is none); newer migrations apply on top.
  let image: Blob | null = dump ?? null;
  if (!image && !(await storeExists(name))) {
    onProgress('download');
    image = await fetchStoreImage(datasetUrl);
  }
  onProgress('engine');
  const db = await startWorker(name, image ?? undefined);
  const store = await openLocalStore(db, { migrations: BUNDLED_MIGRATIONS, onProgress });
  let firstStart = image !== null && !dump;
  let problems: Problem[] = [];
  if (!image) {
    const counts = await store.repository.counts();
    if (counts.enterprises === 0 && counts.areas === 0) {
      // No image for this dataset: build the store here, as before.
      firstStart = true;
      onProgress('download');
      const parsed = parseDatasetFiles(await fetchDataset(datasetUrl));
      if (parsed.unusable) throw new Error(parsed.problems.map((p) => p.message_en).join('; '));
      problems = parsed.problems;
      await seedDataset(store.repository, parsed.dataset, (p) => onProgress(`seed ${p.step}`, p.done, p.total));
    }
  }
  return {
    store,
    firstStart,
    problems,
    restore: async (backup) => {
      await store.close();
      await deleteDatabase(name);
      return openBrowserStore(name, datasetUrl, onProgress, backup);
    },
  };
}
