/**
 * Loads a demo dataset (public/data/<name>) into a Supabase project, through its API with the
 * service-role key (row-level security does not apply to it; never put that key in the app):
 *   SUPABASE_URL=https://<ref>.supabase.co SUPABASE_SERVICE_ROLE_KEY=<key> npx tsx test/support/seed-supabase.ts linpu
 * The same code start:shared uses (src/data/seed.ts over the SQL functions).
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createClient } from '@supabase/supabase-js';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { createSupabaseRepository } from '../../src/data/supabase/supabase-repository';
import { seedDataset } from '../../src/data/seed';

const url = process.env.SUPABASE_URL;
const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
const name = process.argv[2] ?? 'linpu';
if (!url || !key) {
  console.error('set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const parsed = readDatasetFolder(join(root, 'public/data', name));
const client = createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
const rejected = await seedDataset(createSupabaseRepository(client), parsed.dataset, (p) => p.done === 0 && console.log(`${p.step}: ${p.total}`));
console.log(`loaded ${name}: ${parsed.dataset.enterprises.length} enterprises; ${rejected.length} rows refused${rejected[0] ? ` (first: ${rejected[0].message})` : ''}`);
