/** supabase/migrations read from disk, in order (the browser build bundles the same files). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Migration } from '../../src/data/local/pglite-store';

export const MIGRATIONS_DIR = resolve(__dirname, '../../supabase/migrations');

export function readMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(MIGRATIONS_DIR, name), 'utf8') }));
}
