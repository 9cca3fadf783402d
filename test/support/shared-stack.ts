/**
 * The shared workspace's stack for the browser tests (issue 13), started once per test file: the test
 * PostgreSQL emptied and given the file's rows, a real PostgREST in front of it, the GoTrue stand-in
 * (Supabase Auth), optionally the Realtime stand-in (both in test/support, standing in for Supabase's
 * servers, tests only), and the app built in shared mode (VITE_SUPABASE_URL, an anon key signed with this
 * run's PostgREST secret) served by Vite's preview with one origin as a Supabase project has it:
 * /auth/v1 → the stand-in, /rest/v1 → PostgREST, /realtime/v1 → the Realtime stand-in.
 * Needs LIANJIAN_PG_URL (test/db/pg-cluster.sh start).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { build, preview } from 'vite';
import { signJwt, startPostgrestFor } from '../db/postgrest';
import { startGoTrueStandIn, type GoTrueStandIn } from './gotrue-stand-in';
import { startRealtimeStandIn, type RealtimeStandIn } from './realtime-stand-in';

export interface SharedStackOptions {
  /** Each test file its own ports (the lock on PostgREST keeps two runs apart, not two files' ports). */
  ports: { app: number; postgrest: number; auth: number; realtime?: number };
  /** Fills the emptied store (as the database owner, so RLS does not apply). */
  seed(sql: SqlRunner): Promise<void>;
  /** The build folder's prefix under the system's temporary folder. */
  name: string;
}

export type SqlRunner = (text: string, params?: unknown[]) => Promise<pg.QueryResult>;

export interface SharedStack {
  /** The app on the Linpu dataset: `http://127.0.0.1:<app>/?dataset=linpu`. */
  app: string;
  /** The database owner's URL (as the README's first city admin is made: in SQL). */
  adminUrl: string;
  postgrestPort: number;
  auth: GoTrueStandIn;
  /** Null unless a Realtime port was given. */
  realtime: RealtimeStandIn | null;
  sql: SqlRunner;
  stop(): Promise<void>;
}

export const square = (w: number, s: number, e: number, n: number) => `extensions.st_multi(extensions.st_makeenvelope(${w}, ${s}, ${e}, ${n}, 4326))`;
export const point = (lon: number, lat: number) => `extensions.st_setsrid(extensions.st_makepoint(${lon}, ${lat}), 4326)`;

/** The tables the browser tests fill; emptied before each file's rows go in. */
const TABLES = ['enterprises', 'areas', 'buildings', 'zones', 'organizations', 'plan_items', 'bulletin_snapshots', 'audit_log', 'staff',
  'staff_requests', 'slides'];

export function testDatabaseUrls(): { pgUrl: string; adminUrl: string } {
  const pgUrl = process.env.LIANJIAN_PG_URL;
  if (!pgUrl) throw new Error('LIANJIAN_PG_URL is not set: start the database with test/db/pg-cluster.sh start (as .ci/run does)');
  return { pgUrl, adminUrl: pgUrl.replace('tester@', 'postgres@') };
}

export async function startSharedStack(options: SharedStackOptions): Promise<SharedStack> {
  const { pgUrl, adminUrl } = testDatabaseUrls();
  const { ports } = options;
  const sql: SqlRunner = async (text, params = []) => {
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    try {
      return await db.query(text, params);
    } finally {
      await db.end();
    }
  };
  // Stopped in reverse order, also when a later step fails (the file's afterAll then has no stack to stop).
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    await sql(`truncate ${TABLES.map((t) => `public.${t}`).join(', ')} restart identity cascade`);
    await options.seed(sql);
    stops.push((await startPostgrestFor(pgUrl, ports.postgrest)).stop);
    const auth = await startGoTrueStandIn(ports.auth, { log: () => {} });
    stops.push(() => auth.stop());
    let realtime: RealtimeStandIn | null = null;
    if (ports.realtime !== undefined) {
      const started = await startRealtimeStandIn(adminUrl);
      realtime = started;
      stops.push(() => started.stop());
      await started.listen(ports.realtime);
    }
    const root = resolve(__dirname, '../..');
    const outDir = mkdtempSync(join(tmpdir(), `lianjian-${options.name}-`));
    stops.push(async () => rmSync(outDir, { recursive: true, force: true }));
    process.env.VITE_SUPABASE_URL = `http://127.0.0.1:${ports.app}`;
    process.env.VITE_SUPABASE_ANON_KEY = signJwt({ role: 'anon' }, undefined);
    try {
      await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    } finally {
      delete process.env.VITE_SUPABASE_URL;
      delete process.env.VITE_SUPABASE_ANON_KEY;
    }
    const server = await preview({
      root, logLevel: 'warn', build: { outDir },
      preview: {
        port: ports.app, strictPort: true, host: '127.0.0.1',
        proxy: {
          '/auth/v1': `http://127.0.0.1:${ports.auth}`,
          '/rest/v1': { target: `http://127.0.0.1:${ports.postgrest}`, rewrite: (p) => p.replace(/^\/rest\/v1/, '') },
          ...(ports.realtime !== undefined ? { '/realtime/v1': { target: `ws://127.0.0.1:${ports.realtime}`, ws: true } } : {}),
        },
      },
    });
    stops.push(() => server.close());
    return { app: `http://127.0.0.1:${ports.app}/?dataset=linpu`, adminUrl, postgrestPort: ports.postgrest, auth, realtime, sql, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
