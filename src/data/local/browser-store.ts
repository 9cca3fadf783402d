/**
 * The embedded store in the browser: PGlite + PostGIS in a worker shared by all tabs, persisted to
 * IndexedDB, migrated with the bundled supabase/migrations and seeded from the dataset folder on first start.
 */
import { PGliteWorker } from '@electric-sql/pglite/worker';
import { openLocalStore, type LocalStore, type Migration } from './pglite-store';
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
function startWorker(name: string, loadDataDir?: Blob): Promise<PGliteWorker> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { type: 'module' });
  return PGliteWorker.create(worker, { dataDir: `idb://${name}`, id: name, ...(loadDataDir ? { loadDataDir } : {}) });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(`/pglite/${name}`);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

export async function openBrowserStore(name: string, datasetUrl: string, onProgress: Progress, dump?: Blob): Promise<BrowserStore> {
  onProgress('engine');
  const db = await startWorker(name, dump);
  const store = await openLocalStore(db, { migrations: BUNDLED_MIGRATIONS, onProgress });
  const counts = await store.repository.counts();
  const firstStart = counts.enterprises === 0 && counts.areas === 0;
  let problems: Problem[] = [];
  if (firstStart) {
    onProgress('download');
    const parsed = parseDatasetFiles(await fetchDataset(datasetUrl));
    if (parsed.unusable) throw new Error(parsed.problems.map((p) => p.message_en).join('; '));
    problems = parsed.problems;
    await seedDataset(store.repository, parsed.dataset, (p) => onProgress(`seed ${p.step}`, p.done, p.total));
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
