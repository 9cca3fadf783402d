/**
 * `lianjian store-image <data-folder> [--if-stale]`: for every dataset folder, a ready embedded store
 * (PGlite + PostGIS after supabase/migrations and the same seed code the browser used to run) dumped
 * with `dumpDataDir` to `store.tar.gz`, so a first visit loads it instead of building the database.
 * `store.json` records what it was made from; `--if-stale` skips images whose sources did not change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_INITDB_ARGS, createEmbeddedDatabase, openLocalStore, type Migration } from '../data/local/pglite-store';
import { seedDataset } from '../data/seed';
import { DATASET_FILES } from '../core/io/dataset';
import { readDatasetFolder } from './read-dataset';

export const STORE_IMAGE = 'store.tar.gz';
export const STORE_IMAGE_META = 'store.json';
export const STORE_CONTENTS = 'contents.json';

const MIGRATIONS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../supabase/migrations');

export function readMigrationFiles(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** What an image depends on: the migrations, the seed code's inputs (the dataset files) and the engine version. */
function sourceHash(folder: string, migrations: readonly Migration[]): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(m.name).update(m.sql);
  for (const name of DATASET_FILES) {
    const path = join(folder, name);
    if (existsSync(path)) hash.update(name).update(readFileSync(path));
  }
  const pkg = JSON.parse(readFileSync(resolve(MIGRATIONS_DIR, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
  hash.update(pkg.dependencies['@electric-sql/pglite']).update(pkg.dependencies['@electric-sql/pglite-postgis']).update(STORE_INITDB_ARGS.join(' '));
  return hash.digest('hex');
}

export interface ImageResult {
  dataset: string;
  written: boolean;
  bytes: number;
  ms: number;
}

export async function writeStoreImages(dataDir: string, options: { ifStale?: boolean; log?: (line: string) => void } = {}): Promise<ImageResult[]> {
  const log = options.log ?? (() => {});
  const migrations = readMigrationFiles();
  const results: ImageResult[] = [];
  // The schema (PostGIS and every migration) is built once and copied for each dataset.
  let schemaImage: Blob | null = null;
  const emptyStore = async () => {
    if (!schemaImage) {
      const base = await openLocalStore(await createEmbeddedDatabase(), { migrations });
      schemaImage = await base.exportDump();
      await base.close();
    }
    return openLocalStore(await createEmbeddedDatabase({ loadDataDir: schemaImage }), { migrations });
  };
  for (const key of readdirSync(dataDir).sort()) {
    const folder = join(dataDir, key);
    if (!statSync(folder).isDirectory() || !existsSync(join(folder, 'enterprises.csv'))) continue;
    const hash = sourceHash(folder, migrations);
    const metaPath = join(folder, STORE_IMAGE_META);
    if (options.ifStale && existsSync(join(folder, STORE_IMAGE)) && existsSync(join(folder, STORE_CONTENTS)) && existsSync(metaPath)) {
      try {
        if ((JSON.parse(readFileSync(metaPath, 'utf8')) as { source: string }).source === hash) {
          results.push({ dataset: key, written: false, bytes: statSync(join(folder, STORE_IMAGE)).size, ms: 0 });
          continue;
        }
      } catch {
        // unreadable: make it again
      }
    }
    const started = performance.now();
    const parsed = readDatasetFolder(folder);
    if (parsed.unusable) throw new Error(`${key}: the dataset cannot be loaded`);
    const store = await emptyStore();
    const { db } = store;
    const rejected = await seedDataset(store.repository, parsed.dataset);
    if (rejected.length > 0) throw new Error(`${key}: ${rejected.length} rows rejected while seeding, e.g. ${rejected[0].id}: ${rejected[0].message}`);
    await db.exec('vacuum analyze');
    // What a full read of the image gives, at its feed position: a first visit draws it while the image opens.
    const contents = await store.repository.readDataset(parsed.dataset.name);
    // Each image is a store of its own (the schema image they start from is shared).
    const storeId = (await db.query<{ id: string }>('update lianjian_meta.store set id = gen_random_uuid() returning id::text as id')).rows[0].id;
    const image = new Uint8Array(await (await store.exportDump()).arrayBuffer());
    writeFileSync(join(folder, STORE_CONTENTS), JSON.stringify({ storeId, seq: store.repository.feedSeq, contents }));
    await store.close();
    writeFileSync(join(folder, STORE_IMAGE), image);
    writeFileSync(metaPath, JSON.stringify({ source: hash, migrations: migrations.map((m) => m.name), enterprises: parsed.dataset.enterprises.length, bytes: image.length }, null, 2));
    const ms = performance.now() - started;
    log(`${key}: ready store image ${(image.length / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s`);
    results.push({ dataset: key, written: true, bytes: image.length, ms });
  }
  return results;
}
