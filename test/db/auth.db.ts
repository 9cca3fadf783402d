/**
 * Sign-in, approval and roles end to end through supabase-js: supabase-js auth → the GoTrue stand-in
 * (test/support/gotrue-stand-in.ts, standing in for Supabase Auth, tests only) and supabase-js data →
 * a real PostgREST 12 → PostgreSQL 15 + PostGIS with the migrations. The stand-in signs its tokens
 * with the PostgREST secret, so every check below is the database's row-level security and RPCs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import pg from 'pg';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { signJwt, startPostgrestFor } from './postgrest';
import { startGoTrueStandIn, type GoTrueStandIn } from '../support/gotrue-stand-in';
import { createSupabaseStaff } from '../../src/data/supabase/supabase-staff';
import { createSupabaseAuth } from '../../src/data/supabase/supabase-auth';
import { createSupabaseLive } from '../../src/data/supabase/supabase-live';
import { startRealtimeStandIn, type RealtimeStandIn } from '../support/realtime-stand-in';
import type { PresentPerson } from '../../src/data/auth';
import type { Enterprise } from '../../src/core/model/types';
import { createSupabaseRepository } from '../../src/data/supabase/supabase-repository';

const PG_URL = process.env.LIANJIAN_PG_URL;
if (!PG_URL) throw new Error('LIANJIAN_PG_URL is not set: start the database with test/db/pg-cluster.sh start (as .ci/run does)');

const POSTGREST_PORT = 54381;
const AUTH_PORT = 54382;
let stopPostgrest: (() => Promise<void>) | undefined;
let auth: GoTrueStandIn;

/** One origin as a Supabase project has it: /auth/v1 → the stand-in, /rest/v1 → PostgREST. */
const route: typeof fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  return fetch(url.replace(`http://127.0.0.1:${AUTH_PORT}/rest/v1/`, `http://127.0.0.1:${POSTGREST_PORT}/`), init);
};

function client(): SupabaseClient {
  return createClient(`http://127.0.0.1:${AUTH_PORT}`, signJwt({ role: 'anon' }), {
    global: { fetch: route },
    realtime: { transport: WebSocket as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

const square = (w: number, s: number, e: number, n: number) =>
  `extensions.st_multi(extensions.st_makeenvelope(${w}, ${s}, ${e}, ${n}, 4326))`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: PG_URL.replace('tester@', 'postgres@') });
  await admin.connect();
  await admin.query(`truncate public.enterprises, public.areas, public.buildings, public.zones, public.organizations, public.plan_items,
    public.bulletin_snapshots, public.audit_log, public.staff, public.staff_requests restart identity cascade`);
  await admin.query(`insert into public.areas (id, name, level, parent_id, district_id, geom) values
    ('330103', '下城区', 'district', null, '330103', ${square(120.15, 30.26, 120.2, 30.3)}),
    ('330104', '江干区', 'district', null, '330104', ${square(120.2, 30.26, 120.25, 30.3)}),
    ('330103001', '武林街道', 'street', '330103', '330103', ${square(120.15, 30.26, 120.175, 30.3)}),
    ('330103002', '天水街道', 'street', '330103', '330103', ${square(120.175, 30.26, 120.2, 30.3)}),
    ('330104001', '凯旋街道', 'street', '330104', '330104', ${square(120.2, 30.26, 120.25, 30.3)})`);
  await admin.query(`insert into public.enterprises (id, district_id, street_id, name, employees) values
    ('ent-w1', '330103', '330103001', '武林一号', 10), ('ent-w2', '330103', '330103001', '武林二号', 20),
    ('ent-t1', '330103', '330103002', '天水一号', 30), ('ent-k1', '330104', '330104001', '凯旋一号', 40)`);
  await admin.end();
  stopPostgrest = (await startPostgrestFor(PG_URL, POSTGREST_PORT)).stop;
  auth = await startGoTrueStandIn(AUTH_PORT, { log: () => {} });
});

afterAll(async () => {
  await auth?.stop();
  await stopPostgrest?.();
});

async function enterpriseIds(c: SupabaseClient): Promise<string[]> {
  const { data, error } = await c.from('enterprises').select('id').order('id');
  if (error) throw error;
  return (data ?? []).map((r) => r.id as string);
}

describe('sign-in and approval through supabase-js (Auth: the GoTrue stand-in; data: PostgREST + PostgreSQL)', () => {
  const cityAdmin = client();
  const newcomer = client();
  const streetUser = client();
  let newcomerId = '';

  it('the first city admin signs up and is made admin in SQL (as the README says)', async () => {
    const { data, error } = await cityAdmin.auth.signUp({ email: 'admin@city.example', password: 'admin-password' });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    const db = new pg.Client({ connectionString: PG_URL!.replace('tester@', 'postgres@') });
    await db.connect();
    await db.query(`insert into public.staff (user_id, name, role, is_admin) values ($1, '市委组织部', 'city', true)`, [data.user!.id]);
    await db.end();
    expect(await enterpriseIds(cityAdmin)).toEqual(['ent-k1', 'ent-t1', 'ent-w1', 'ent-w2']);
  });

  it('a wrong password is refused with Auth\'s error code', async () => {
    const { error } = await client().auth.signInWithPassword({ email: 'admin@city.example', password: 'nope' });
    expect(error?.code).toBe('invalid_credentials');
  });

  it('a new user signs up and is awaiting approval: sees nothing, files one request', async () => {
    const { data, error } = await newcomer.auth.signUp({ email: 'new@xiacheng.example', password: 'district-password' });
    expect(error).toBeNull();
    newcomerId = data.user!.id;
    const who = await newcomer.rpc('whoami');
    expect(who.error).toBeNull();
    expect(who.data).toMatchObject({ user_id: newcomerId, staff: null, request: null });
    const read = await newcomer.from('enterprises').select('id');
    expect(read.error?.code).toBe('42501');
    const coverage = await newcomer.rpc('coverage_by_area');
    expect(coverage.error?.code).toBe('42501');
    const filed = await newcomer.rpc('request_staff_access', { staff_name: '下城新人', email: 'new@xiacheng.example', district: '330103' });
    expect(filed.error).toBeNull();
    const again = await newcomer.rpc('request_staff_access', { staff_name: '再来', email: 'new@xiacheng.example', district: '330104' });
    expect(again.error?.code).toBe('23505');
    const mine = await newcomer.from('staff_requests').select('user_id, status');
    expect(mine.data).toEqual([{ user_id: newcomerId, status: 'pending' }]);
    const approveSelf = await newcomer.rpc('set_staff', { target: newcomerId, new_role: 'city', admin: true });
    expect(approveSelf.error?.code).toBe('42501');
  });

  it('the city admin approves them with role and area; they then see only that district', async () => {
    const pending = await cityAdmin.rpc('list_staff');
    expect(pending.error).toBeNull();
    expect(pending.data).toContainEqual(expect.objectContaining({ user_id: newcomerId, role: null, request_status: 'pending', requested_district: '330103' }));
    const approved = await cityAdmin.rpc('set_staff', { target: newcomerId, new_role: 'district', district: '330103' });
    expect(approved.error).toBeNull();
    expect(approved.data).toMatchObject({ user_id: newcomerId, role: 'district', district_id: '330103', is_admin: false });
    expect(await enterpriseIds(newcomer)).toEqual(['ent-t1', 'ent-w1', 'ent-w2']);
    const who = await newcomer.rpc('whoami');
    expect(who.data).toMatchObject({ staff: { role: 'district', district_id: '330103' }, request: { status: 'approved' } });
    const audit = await cityAdmin.from('audit_log').select('user_id, row_id, action, at').eq('table_name', 'staff').eq('row_id', newcomerId);
    const { data: me } = await cityAdmin.auth.getUser();
    expect(audit.data).toEqual([expect.objectContaining({ user_id: me.user!.id, row_id: newcomerId, action: 'insert' })]);
    // A district user (not an admin) approves nobody.
    const notAdmin = await newcomer.rpc('set_staff', { target: newcomerId, new_role: 'street', district: '330103', street: '330103001' });
    expect(notAdmin.error?.code).toBe('42501');
  });

  it('a street user signs in with an email code, is approved for 武林街道, and edits only its street', async () => {
    const sent = await streetUser.auth.signInWithOtp({ email: 'wulin@xiacheng.example' });
    expect(sent.error).toBeNull();
    const code = auth.codes.get('wulin@xiacheng.example');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await streetUser.auth.verifyOtp({ email: 'wulin@xiacheng.example', token: code === '000000' ? '111111' : '000000', type: 'email' });
    expect(wrong.error?.code).toBe('otp_expired');
    const verified = await streetUser.auth.verifyOtp({ email: 'wulin@xiacheng.example', token: code!, type: 'email' });
    expect(verified.error).toBeNull();
    const streetId = verified.data.user!.id;
    expect((await streetUser.from('enterprises').select('id')).error?.code).toBe('42501');
    expect((await streetUser.rpc('request_staff_access', { staff_name: '武林街道党建办', district: '330103', street: '330103001' })).error).toBeNull();
    const approved = await cityAdmin.rpc('set_staff', { target: streetId, new_role: 'street', district: '330103', street: '330103001' });
    expect(approved.error).toBeNull();

    expect(await enterpriseIds(streetUser)).toEqual(['ent-t1', 'ent-w1', 'ent-w2']);
    const own = await streetUser.rpc('update_enterprise', { target: 'ent-w1', patch: { employees: 11 }, expected_version: 1 });
    expect(own.error).toBeNull();
    const otherStreet = await streetUser.rpc('update_enterprise', { target: 'ent-t1', patch: { employees: 99 }, expected_version: 1 });
    // Refused as another street's enterprise (42501, both streets named), not as a stale version (PT409).
    expect(otherStreet.error?.code).toBe('42501');
    expect(otherStreet.error?.message).toContain('another street (天水街道)');
    const direct = await streetUser.from('enterprises').update({ name: '改名' }).eq('id', 'ent-t1').select('id');
    expect(direct.data).toEqual([]);
    const moved = await streetUser.from('enterprises').update({ street_id: '330103002' }).eq('id', 'ent-w2').select('id');
    expect(moved.error?.code).toBe('42501');
    const created = await streetUser.from('enterprises').insert({ id: 'ent-t9', district_id: '330103', street_id: '330103002', name: '越街' });
    expect(created.error?.code).toBe('42501');
    const { data: rows } = await cityAdmin.from('enterprises').select('id, employees, name, street_id').in('id', ['ent-t1', 'ent-w1', 'ent-w2']).order('id');
    expect(rows).toEqual([
      { id: 'ent-t1', employees: 30, name: '天水一号', street_id: '330103002' },
      { id: 'ent-w1', employees: 11, name: '武林一号', street_id: '330103001' },
      { id: 'ent-w2', employees: 20, name: '武林二号', street_id: '330103001' },
    ]);
  });

  it('the staff panel\'s port: people with requests and roles, names only within the caller\'s scope, the audit with names', async () => {
    const port = createSupabaseStaff(cityAdmin);
    const everyone = await port.list();
    expect(everyone.map((e) => [e.name, e.role, e.districtId, e.streetId]).sort()).toEqual([
      ['下城新人', 'district', '330103', null], ['市委组织部', 'city', null, null], ['武林街道党建办', 'street', '330103', '330103001'],
    ]);
    const newcomerEntry = everyone.find((e) => e.name === '下城新人')!;
    expect(newcomerEntry.request).toMatchObject({ status: 'approved', districtId: '330103' });
    const { data: me } = await cityAdmin.auth.getUser();
    expect(newcomerEntry.approvedBy).toBe(me.user!.id);
    // A district user (not an admin) sees the names of its district's staff and the city's, not more.
    const ids = everyone.map((e) => e.userId);
    const seenByDistrict = await createSupabaseStaff(newcomer).names(ids);
    expect([...seenByDistrict.values()].sort()).toEqual(['下城新人', '市委组织部', '武林街道党建办']);
    await expect(createSupabaseStaff(newcomer).audit()).rejects.toMatchObject({ code: '42501' });
    // Change, then revoke and re-approve through the port: each step is in the audit with both names.
    const street = everyone.find((e) => e.role === 'street')!;
    await port.assign(street.userId, { role: 'street', districtId: '330103', streetId: '330103002', isAdmin: false });
    await port.assign(street.userId, { role: 'street', districtId: '330103', streetId: '330103001', isAdmin: false });
    const audit = await port.audit();
    const forStreet = audit.filter((a) => a.table === 'staff' && a.targetId === street.userId).map((a) => [a.action, a.actorName, a.targetName, a.after?.street_id]);
    expect(forStreet).toEqual([
      ['update', '市委组织部', '武林街道党建办', '330103001'], ['update', '市委组织部', '武林街道党建办', '330103002'], ['insert', '市委组织部', '武林街道党建办', '330103001'],
    ]);
  });

  it('a phone user signs in with an SMS code (the stand-in keeps the code the Send SMS hook would send) and awaits approval', async () => {
    const phoneUser = client();
    const port = createSupabaseAuth(phoneUser, { phone: true });
    expect(port.phoneEnabled).toBe(true);
    await port.sendPhoneCode('+8613800000001');
    const code = auth.codes.get('+8613800000001');
    expect(code).toMatch(/^\d{6}$/);
    await expect(port.verifyPhoneCode('+8613800000001', code === '000000' ? '111111' : '000000')).rejects.toMatchObject({ code: 'otp_expired' });
    await port.verifyPhoneCode('+8613800000001', code!);
    const who = await port.current();
    expect(who).toMatchObject({ email: '+8613800000001', staff: null, request: null });
    expect((await phoneUser.from('enterprises').select('id')).error?.code).toBe('42501');
  });

  it('keeps the session fresh with the refresh grant, and a rotated refresh token cannot be used again', async () => {
    const before = (await newcomer.auth.getSession()).data.session!;
    const refreshed = await newcomer.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(before.refresh_token);
    expect(await enterpriseIds(newcomer)).toEqual(['ent-t1', 'ent-w1', 'ent-w2']);
    const reused = await fetch(`${auth.url}/token?grant_type=refresh_token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refresh_token: before.refresh_token }),
    });
    expect(reused.status).toBe(400);
    // As Auth's refresh-token reuse detection: the reuse ends the whole session.
    const user = await fetch(`${auth.url}/user`, { headers: { Authorization: `Bearer ${refreshed.data.session!.access_token}` } });
    expect([user.status, ((await user.json()) as { code: string }).code]).toEqual([403, 'session_not_found']);
  });

  it('a street user\'s bulk load (the app\'s repository, load_register) loads its street\'s rows and names the others row by row', async () => {
    const firm = (id: string, street: string, district = '330103'): Enterprise => ({
      row: 2, id, name: `批量${id}`, creditCode: '', district, street, address: '', lon: null, lat: null, employees: 10, partyMembers: 0,
      probationaryMembers: 0, registeredCapital: null, industry: '', status: '正常', ownerIsMember: null, orgId: '', workCovered: false, extra: {},
    });
    const results = await createSupabaseRepository(streetUser).loadEnterprises([
      firm('ent-w3', '330103001'), firm('ent-t3', '天水街道'), firm('ent-k3', '330104001', '330104'), firm('ent-w4', '武林街道'),
    ]);
    expect(results).toEqual([
      { rowNo: 1, id: 'ent-w3', action: 'inserted', message: null },
      { rowNo: 2, id: 'ent-t3', action: 'rejected', message: 'enterprise ent-t3 is in another street (天水街道): only enterprises of 武林街道 are yours to load' },
      { rowNo: 3, id: 'ent-k3', action: 'rejected', message: 'enterprise ent-k3 is in another district (江干区): only enterprises of 下城区 are yours to load' },
      { rowNo: 4, id: 'ent-w4', action: 'inserted', message: null },
    ]);
    const { data: rows } = await cityAdmin.from('enterprises').select('id, street_id').in('id', ['ent-w3', 'ent-t3', 'ent-k3', 'ent-w4']).order('id');
    expect(rows).toEqual([{ id: 'ent-w3', street_id: '330103001' }, { id: 'ent-w4', street_id: '330103001' }]);
  });

  it('signs out: the session ends and its tokens no longer open /user', async () => {
    expect((await newcomer.auth.signInWithPassword({ email: 'new@xiacheng.example', password: 'district-password' })).error).toBeNull();
    const token = (await newcomer.auth.getSession()).data.session!.access_token;
    expect((await newcomer.auth.getUser()).data.user?.email).toBe('new@xiacheng.example');
    expect((await newcomer.auth.signOut()).error).toBeNull();
    expect((await newcomer.auth.getSession()).data.session).toBeNull();
    const after = await fetch(`${auth.url}/user`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(403);
    // Signed out, the client is anon again: nothing.
    expect((await newcomer.from('enterprises').select('id')).error).not.toBeNull();
  });
});

describe('Realtime through supabase-js (the Realtime stand-in over realtime.transport; the database sends the wake-ups)', () => {
  let realtime: RealtimeStandIn;
  const adminUrl = () => PG_URL!.replace('tester@', 'postgres@');

  async function staffClient(email: string, role: 'city' | 'district', district: string | null, name: string): Promise<{ c: SupabaseClient; id: string }> {
    const c = createClient(`http://127.0.0.1:${AUTH_PORT}`, signJwt({ role: 'anon' }), {
      global: { fetch: route },
      realtime: { transport: realtime.transport as never, heartbeatIntervalMs: 60_000 },
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    });
    const { data } = await c.auth.signUp({ email, password: 'live-password' });
    {
      const db = new pg.Client({ connectionString: adminUrl() });
      await db.connect();
      await db.query(`insert into public.staff (user_id, name, role, district_id, is_admin) values ($1, $2, $3, $4, false) on conflict (user_id) do nothing`, [data.user!.id, name, role, district]);
      await db.end();
    }
    return { c, id: data.user!.id };
  }

  function follow(c: SupabaseClient, topic: string, me: { userId: string; name: string }) {
    const seen = { wakes: [] as (number | null)[], people: [] as PresentPerson[][], status: [] as [boolean, string | undefined][] };
    const handle = createSupabaseLive(c).follow(topic, me, {
      onWake: (seq) => seen.wakes.push(seq),
      onPresence: (people) => seen.people.push(people),
      onStatus: (live, detail) => seen.status.push([live, detail]),
    });
    return { seen, handle };
  }

  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    realtime = await startRealtimeStandIn(adminUrl());
  });
  afterAll(async () => {
    await realtime?.stop();
  });

  it('only a district\'s staff and the city join its private channel; a write wakes district and city channels on commit; presence carries the soft lock', async () => {
    const a = await staffClient('live-a@xiacheng.example', 'district', '330103', '下城区干部');
    const b = await staffClient('live-b@jianggan.example', 'district', '330104', '江干区干部');
    const city = await staffClient('live-city@city.example', 'city', null, '市里干部');
    const onA = follow(a.c, 'district:330103', { userId: a.id, name: '下城区干部' });
    const onB = follow(b.c, 'district:330103', { userId: b.id, name: '江干区干部' });
    const cityOnA = follow(city.c, 'district:330103', { userId: city.id, name: '市里干部' });
    const cityOwn = follow(city.c, 'city', { userId: city.id, name: '市里干部' });
    await until(() => onA.seen.status.length > 0 && onB.seen.status.length > 0 && cityOnA.seen.status.length > 0 && cityOwn.seen.status.length > 0, 'every join answered');
    expect(onA.seen.status[0]).toEqual([true, undefined]);
    expect(onB.seen.status[0][0]).toBe(false);
    expect(onB.seen.status[0][1]).toContain('Unauthorized');
    expect([cityOnA.seen.status[0][0], cityOwn.seen.status[0][0]]).toEqual([true, true]);
    // The join carried the user's access token (realtime-js sends it once setAuth has it).
    expect(realtime.log.filter(([dir, , event]) => dir === 'in' && event === 'phx_join').length).toBeGreaterThanOrEqual(4);

    // Presence: the city's viewer says it edits a plan item; A sees who and what.
    cityOnA.handle.editing('aaaaaaaa-1111-4000-8000-00000000000a');
    await until(() => onA.seen.people.some((p) => p.some((x) => x.editing === 'aaaaaaaa-1111-4000-8000-00000000000a')), 'the soft lock at A');
    expect(onA.seen.people.at(-1)).toEqual([{ userId: city.id, name: '市里干部', editing: 'aaaaaaaa-1111-4000-8000-00000000000a' }]);

    // A write in 330103 (the city edits ent-w2): the feed trigger calls realtime.send on commit.
    const { data: row } = await city.c.from('enterprises').select('version').eq('id', 'ent-w2').single();
    expect((await city.c.rpc('update_enterprise', { target: 'ent-w2', patch: { employees: 22 }, expected_version: row!.version })).error).toBeNull();
    await until(() => onA.seen.wakes.length > 0 && cityOwn.seen.wakes.length > 0, 'the wake-ups');
    const db = new pg.Client({ connectionString: adminUrl() });
    await db.connect();
    const head = (await db.query(`select max(seq)::integer as seq from public.feed`)).rows[0].seq as number;
    await db.end();
    expect(onA.seen.wakes).toEqual([head]);
    expect(cityOwn.seen.wakes).toEqual([head]);
    expect(onB.seen.wakes).toEqual([]);

    // Leaving ends the soft lock for the others.
    await cityOnA.handle.stop();
    await until(() => onA.seen.people.at(-1)?.length === 0, `the city leaving ${JSON.stringify(realtime.log.slice(-14))} ${JSON.stringify(onA.seen.people.slice(-3))}`);
    await Promise.all([onA.handle.stop(), onB.handle.stop(), cityOwn.handle.stop()]);
  });
});
