/**
 * The embedded store: PGlite + PostGIS running the very same supabase/migrations. Every call runs in
 * a transaction as the API role `authenticated` with the local user's JWT claims, so row-level
 * security and the SQL functions behave exactly as behind PostgREST. Works on a PGlite in the same
 * thread (Node, tests) or on a PGliteWorker shared by every tab (the browser).
 */
import { PGlite, type PGliteInterface, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { createRpcRepository, type RpcGateway } from '../rpc-repository';
import type { Repository } from '../repository';

export interface Migration {
  name: string;
  sql: string;
}

import { LOCAL_CITY_USER, type LocalUser } from './local-user';
export { LOCAL_CITY_USER, type LocalUser } from './local-user';

export interface LocalStoreOptions {
  migrations: readonly Migration[];
  user?: LocalUser;
  onProgress?: (step: string) => void;
}

export interface LocalStore {
  db: PGliteInterface;
  repository: Repository;
  /** The engine under the repository: another repository over it is another client of the same store (its own feed position). */
  gateway: RpcGateway;
  /** Runs `fn` as `user` (default: the store's user), inside one transaction. */
  asUser<T>(fn: (tx: Transaction) => Promise<T>, user?: LocalUser): Promise<T>;
  /** This store's identity (kept in its dumps and images): what a cached copy of its contents is checked against. */
  storeId: string;
  /** The whole store as one compressed file. */
  exportDump(): Promise<Blob>;
  appliedMigrations(): Promise<string[]>;
  /**
   * Runs the edit path once and rolls it back, so that the first real save does not pay for a cold
   * engine (≈ 2–3 s on the 70k Hangzhou store: function plans, the feed and audit triggers, index pages).
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

const ROLLED_BACK = 'lianjian: warm-up rolled back';

const META = `
  create schema if not exists lianjian_meta;
  create table if not exists lianjian_meta.migrations (name text primary key, applied_at timestamptz not null default now());
  alter table lianjian_meta.migrations enable row level security;
  create table if not exists lianjian_meta.store (id uuid primary key default gen_random_uuid());
  alter table lianjian_meta.store enable row level security;
  insert into lianjian_meta.store select where not exists (select 1 from lianjian_meta.store);
  revoke all on schema lianjian_meta from public;
`;

/** The SQL functions that only read (no storage sync needed after them). */
const READ_ONLY_FUNCTIONS = /^(list_|changes_since$|feed_head$|store_counts$|coverage_by_area$|enterprise_history$|enterprises_in_|read_rule_profile$)/;

/** Serialises start-up work across tabs that share one database. */
const MIGRATION_LOCK = 20261127;

function toParam(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/**
 * initdb options of a new store. The browser's file system (IndexedDB) writes back every file a
 * statement touched, whole: with PostgreSQL's default 16 MB WAL segments every saved edit rewrote
 * 16 MB; with the smallest segment size it rewrites 1 MB. Fixed at initdb (store images carry it).
 */
export const STORE_INITDB_ARGS = ['--wal-segsize=1'];

/** A PGlite with PostGIS in this thread. Edits are never written with relaxed durability. */
export function createEmbeddedDatabase(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<PGlite> {
  const pgOptions: PGliteOptions = { extensions: { postgis }, relaxedDurability: false, initDbStartParams: STORE_INITDB_ARGS };
  if (options.dataDir) pgOptions.dataDir = options.dataDir;
  if (options.loadDataDir) pgOptions.loadDataDir = options.loadDataDir;
  return PGlite.create(pgOptions);
}

/**
 * Writes the database files to their storage (IndexedDB in the browser). PGlite syncs after a
 * statement, but inside a transaction only at the next statement's BEGIN, and the browser's worker
 * (pglite-worker.ts) only when asked: a committed write is durable once this resolves.
 */
async function syncFiles(db: PGliteInterface): Promise<void> {
  const syncing = db as SyncOnRequest;
  if (typeof syncing[SYNC_NOW] === 'function') await syncing[SYNC_NOW]();
  else if (typeof syncing.syncToFs === 'function') await syncing.syncToFs();
}

const SYNC_NOW = 'lianjianSyncNow';
type SyncOnRequest = PGliteInterface & { syncToFs?: () => Promise<void>; [SYNC_NOW]?: () => Promise<void> };

/**
 * Makes a database sync its files only when this module asks (after writes and migrations), not
 * after every statement outside a transaction (each BEGIN included): in the browser a sync walks
 * the whole data directory in IndexedDB (≈ 0.5 s), and reads change nothing worth syncing.
 */
export function syncOnlyOnRequest<T extends PGliteInterface>(db: T): T {
  const syncing = db as unknown as SyncOnRequest;
  const real = syncing.syncToFs?.bind(db);
  if (!real) return db;
  syncing[SYNC_NOW] = real;
  syncing.syncToFs = async () => {};
  return db;
}

export async function openLocalStore(db: PGliteInterface, options: LocalStoreOptions): Promise<LocalStore> {
  const user = options.user ?? LOCAL_CITY_USER;
  const progress = options.onProgress ?? (() => {});
  // Every call into the embedded database costs a storage sync, so a warm start checks the
  // migrations and the local user's staff row in one transaction; what is missing is applied under the lock.
  // The store's single local user administers it (a city admin by default: approves staff, edits the rule profile).
  const staffRow = `insert into public.staff (user_id, name, role, district_id, is_admin) values ($1, $2, $3, $4, $3 in ('city', 'district'))
     on conflict (user_id) do update set name = excluded.name, role = excluded.role, district_id = excluded.district_id, is_admin = excluded.is_admin
     where (public.staff.name, public.staff.role, public.staff.district_id, public.staff.is_admin)
       is distinct from (excluded.name, excluded.role, excluded.district_id, excluded.is_admin)`;
  const staffParams = [user.id, user.name, user.role, user.districtId];
  let storeId = '';
  const pending = await db.transaction(async (tx) => {
    await tx.exec(META);
    storeId = (await tx.query<{ id: string }>('select id::text as id from lianjian_meta.store limit 1')).rows[0].id;
    const applied = new Set((await tx.query<{ name: string }>('select name from lianjian_meta.migrations')).rows.map((r) => r.name));
    const missing = [...options.migrations].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !applied.has(m.name));
    if (missing.length === 0) await tx.query(staffRow, staffParams);
    return missing;
  });
  for (const migration of pending) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('select 1 from lianjian_meta.migrations where name = $1', [migration.name]);
      if (done.rows.length > 0) return;
      progress(`migration ${migration.name}`);
      await tx.exec(migration.sql);
      await tx.query('insert into lianjian_meta.migrations (name) values ($1)', [migration.name]);
    });
  }
  if (pending.length > 0) {
    await db.query(staffRow, staffParams);
    await syncFiles(db);
  }

  const asUser = <T>(fn: (tx: Transaction) => Promise<T>, who: LocalUser = user): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.exec('set local role authenticated');
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: who.id, role: 'authenticated' })]);
      return fn(tx);
    });

  const callIn = (tx: Transaction) => async (name: string, args: Record<string, unknown>) => {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`bad function name ${name}`);
    const keys = Object.keys(args);
    const sql = `select * from public.${name}(${keys.map((k, i) => `${k} => $${i + 1}`).join(', ')})`;
    return (await tx.query<Record<string, unknown>>(sql, keys.map((k) => toParam(args[k])))).rows;
  };
  const durable = () => syncFiles(db);

  const gateway: RpcGateway = {
    kind: 'local',
    returnsFullPages: true,
    rpc: async (name, args) => {
      const rows = await asUser((tx) => callIn(tx)(name, args));
      if (!READ_ONLY_FUNCTIONS.test(name)) await durable();
      return rows;
    },
    session: async (work, writes, committed) => {
      const result = await asUser((tx) => work(callIn(tx)));
      try {
        committed?.(result);
      } finally {
        if (writes) await durable();
      }
      return result;
    },
  };

  return {
    db,
    gateway,
    storeId,
    repository: createRpcRepository(gateway),
    asUser,
    exportDump: async () => (await db.dumpDataDir('gzip')) as Blob,
    warmUp: async () => {
      try {
        await asUser(async (tx) => {
          const [first] = (await tx.query<{ id: string; version: number; employees: number | null }>('select id, version, employees from public.enterprises order by id limit 1')).rows;
          if (first) {
            const call = callIn(tx);
            await call('update_enterprise', { target: first.id, patch: { employees: first.employees }, expected_version: first.version });
            await call('changes_since', { after_seq: 0, page_size: 1 });
          }
          throw new Error(ROLLED_BACK);
        });
      } catch (error) {
        if ((error as Error).message !== ROLLED_BACK) throw error;
      }
    },
    appliedMigrations: async () => (await db.query<{ name: string }>('select name from lianjian_meta.migrations order by name')).rows.map((r) => r.name),
    close: () => db.close(),
  };
}
