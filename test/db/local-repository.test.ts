import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, openLocalStore, type LocalStore } from '../../src/data/local/pglite-store';
import { repositoryContract } from './repository-contract';
import { readMigrations } from './migrations';

let store: LocalStore;

beforeAll(async () => {
  store = await openLocalStore(await createEmbeddedDatabase(), { migrations: readMigrations() });
}, 180_000);

afterAll(async () => {
  await store?.close();
});

repositoryContract('local (PGlite + PostGIS in Node)', () => ({ repository: store.repository }));

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
});
