import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, openLocalStore, type LocalStore } from '../../src/data/local/pglite-store';
import { repositoryContract } from './repository-contract';
import { createRpcRepository, type RpcGateway } from '../../src/data/rpc-repository';
import type { Repository } from '../../src/data/repository';
import { readMigrations } from './migrations';

let store: LocalStore;
let otherClient: Repository;

beforeAll(async () => {
  store = await openLocalStore(await createEmbeddedDatabase(), { migrations: readMigrations() });
  otherClient = createRpcRepository(store.gateway);
}, 180_000);

afterAll(async () => {
  await store?.close();
});

repositoryContract('local (PGlite + PostGIS in Node)', () => ({ repository: store.repository, other: otherClient }));

describe('embedded store', () => {
  it('applied every migration, on PostgreSQL 18 + PostGIS 3.6', async () => {
    expect(await store.appliedMigrations()).toEqual(readMigrations().map((m) => m.name));
    const { rows } = await store.db.query<{ pg: string; gis: string }>('select current_setting(\'server_version_num\') as pg, extensions.postgis_lib_version() as gis');
    expect(Number(rows[0].pg)).toBeGreaterThanOrEqual(170000);
    expect(rows[0].gis).toMatch(/^3\./);
  });

  it('enforces row-level security here too: a district user sees only its district', async () => {
    const districtUser = { id: '00000000-0000-4000-8000-0000000000b4', role: 'district' as const, districtId: '330104', name: '江干' };
    await store.db.query("insert into public.staff values ($1, 'B', 'district', '330104') on conflict do nothing", [districtUser.id]);
    const seen = await store.asUser(async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.enterprises')).rows[0].n, districtUser);
    const all = await store.asUser(async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.enterprises')).rows[0].n);
    expect(all).toBeGreaterThan(0);
    expect(seen).toBe(0);
  });

  it('exports the whole store and restores it into an empty one with identical data', async () => {
    const snapshot = async (s: LocalStore) =>
      (await s.db.query('select id, name, employees, version, extensions.st_astext(geom) as geom from public.enterprises order by id')).rows;
    const before = await snapshot(store);
    const dump = await store.exportDump();
    expect(dump.size).toBeGreaterThan(1000);
    const restored = await openLocalStore(await createEmbeddedDatabase({ loadDataDir: dump }), { migrations: readMigrations() });
    try {
      expect(await snapshot(restored)).toEqual(before);
      expect(await restored.appliedMigrations()).toEqual(await store.appliedMigrations());
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('the warm-up runs the edit path and leaves nothing behind: same rows, versions, feed and audit', async () => {
    const state = async () => (await store.db.query(`select (select json_agg(e order by id) from (select id, employees, version from public.enterprises) e) as rows,
      (select count(*) from public.audit_log) as audit, (select coalesce(max(seq), 0) from public.feed) as feed`)).rows[0];
    const before = await state();
    expect((before as { rows: unknown[] | null }).rows?.length ?? 0).toBeGreaterThan(0);
    await store.warmUp();
    expect(await state()).toEqual(before);
  });

  it('an edit reads only what changed: one write call and one feed call, one row back, no whole-table read', async () => {
    const calls: { name: string; rows: number }[] = [];
    const counting: RpcGateway = {
      ...store.gateway,
      rpc: async (name, args) => {
        const rows = await store.gateway.rpc(name, args);
        calls.push({ name, rows: rows.length });
        return rows;
      },
      session: (work, writes) =>
        store.gateway.session!((rpc) => work(async (name, args) => {
          const rows = await rpc(name, args);
          calls.push({ name, rows: rows.length });
          return rows;
        }), writes),
    };
    const client = createRpcRepository(counting);
    const start = await client.readDataset('linpu');
    expect(calls.some((c) => c.name === 'list_enterprises')).toBe(true);
    calls.length = 0;
    const target = start.enterprises[40];
    await client.updateEnterprise(target.id, { partyMembers: (target.partyMembers ?? 0) + 1 }, target.version);
    expect(calls).toEqual([{ name: 'update_enterprise', rows: 1 }, { name: 'changes_since', rows: 1 }]);
    calls.length = 0;
    const items = start.planItems;
    const item = await client.createPlanItem({ districtId: target.district || null, title: '计数', kind: 'joint_branch', level: 'branch', enterpriseIds: [target.id] });
    expect(calls.map((c) => c.name)).toEqual(['create_plan_item', 'changes_since']);
    expect(calls[1].rows).toBe(1);
    await client.deletePlanItem(item.id, item.version);
    expect(items.some((p) => p.id === item.id)).toBe(false);
  });
});
