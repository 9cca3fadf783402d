import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import pg from 'pg';
import { connectSupabase, createSupabaseRepository } from '../../src/data/supabase/supabase-repository';
import type { Repository } from '../../src/data/repository';
import { repositoryContract } from './repository-contract';
import { signJwt, startPostgrestFor } from './postgrest';

const PG_URL = process.env.LIANJIAN_PG_URL;
if (!PG_URL) throw new Error('LIANJIAN_PG_URL is not set: start the database with test/db/pg-cluster.sh start (as .ci/run does)');

const CITY_USER = '00000000-0000-4000-8000-0000000000c1';
const PORT = 54380;
let stop: (() => Promise<void>) | undefined;
let repository: Repository;
let anonRepository: Repository;
let otherClient: Repository;

/** supabase-js calls `<url>/rest/v1/…`; a bare PostgREST serves at `/`. */
const stripRestPrefix: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace('/rest/v1/', '/'), init);

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: PG_URL.replace('tester@', 'postgres@') });
  await admin.connect();
  await admin.query(`truncate public.enterprises, public.areas, public.buildings, public.zones, public.organizations, public.plan_items,
    public.bulletin_snapshots, public.audit_log, public.staff restart identity cascade`);
  // A city admin: the only staff who may edit the rule profile.
  await admin.query("insert into public.staff (user_id, name, role, district_id, is_admin) values ($1, '市委组织部', 'city', null, true)", [CITY_USER]);
  await admin.end();
  stop = (await startPostgrestFor(PG_URL, PORT)).stop;
  const options = { global: { fetch: stripRestPrefix }, realtime: { transport: WebSocket as never } };
  const anonKey = signJwt({ role: 'anon' });
  repository = createSupabaseRepository(connectSupabase(`http://127.0.0.1:${PORT}`, anonKey, { ...options, accessToken: async () => signJwt({ role: 'authenticated', sub: CITY_USER }) }));
  otherClient = createSupabaseRepository(connectSupabase(`http://127.0.0.1:${PORT}`, anonKey, { ...options, accessToken: async () => signJwt({ role: 'authenticated', sub: CITY_USER }) }));
  anonRepository = createSupabaseRepository(connectSupabase(`http://127.0.0.1:${PORT}`, anonKey, options));
});

afterAll(async () => {
  await stop?.();
});

repositoryContract('supabase (supabase-js → PostgREST 12 → PostgreSQL 15 + PostGIS 3.3)', () => ({ repository, other: otherClient }));

describe('through PostgREST', () => {
  it('the anon key sees nothing and cannot call the functions', async () => {
    await expect(anonRepository.coverageByArea()).rejects.toMatchObject({ code: '42501' });
  });
});

it('refuses a token signed with another secret', async () => {
  const forged = createSupabaseRepository(connectSupabase(`http://127.0.0.1:${PORT}`, signJwt({ role: 'anon' }, 'x'.repeat(64)), { global: { fetch: stripRestPrefix }, realtime: { transport: WebSocket as never } }));
  await expect(forged.coverageByArea()).rejects.toMatchObject({ code: 'PGRST301' });
});
