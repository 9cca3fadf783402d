/**
 * The Repository over any engine that can call the SQL functions by name. The local (PGlite) and the
 * Supabase (PostgREST) engines differ only in their `RpcGateway`, so this is the one implementation.
 */
import type { Area, Building, Zone } from '../core/model/types';
import type { FeedKind } from '../core/model/records';
import { NotFoundError, StaleWriteError, type ChangeSet, type FeedEntry, type Repository, type StoredEnterprise } from './repository';
import {
  enterpriseToRow, organizationToRow, patchToRow, placeToFeature, planItemToRow, rowToArea, rowToAudit, rowToBuilding, rowToCoverage, rowToEnterprise,
  planItemPatchToRow, rowToOrganization, rowToPlanItem, rowToResult, rowToRuleProfile, rowToSlide, rowToSnapshot, rowToZone, slideToRow,
  inspectionNoteToRow, rowToInspectionNote, rowToRegisterChange, rowToRegisterImport,
} from './mappers';

type Row = Record<string, unknown>;

export interface RpcGateway {
  readonly kind: Repository['kind'];
  /**
   * Whether a response always holds every row asked for (no server-side row cap). Then a short page
   * is the last one; otherwise (PostgREST caps rows per response) reading stops at an empty page.
   */
  readonly returnsFullPages: boolean;
  /** Calls `public.<name>(arg => value, …)`; rows come back as plain objects. Errors carry the SQLSTATE in `code`. */
  rpc(name: string, args: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs several calls as one unit where the engine can: the embedded store runs them in one
   * transaction (one storage sync instead of one per call) and, when `writes`, makes the result
   * durable before it resolves, calling `committed` first with the result (committed, not yet durable).
   * Without it every call stands alone.
   */
  session?<T>(work: (rpc: RpcCall) => Promise<T>, writes: boolean, committed?: (result: T) => void): Promise<T>;
}

export type RpcCall = (name: string, args: Record<string, unknown>) => Promise<Row[]>;

/**
 * SQLSTATEs the functions raise (PostgREST maps PT4xx to HTTP statuses). Their messages start with
 * the same code, because errors that cross PGliteWorker between tabs keep only their message.
 */
function translate(error: unknown): never {
  const { code, message = '' } = error as { code?: string; message?: string };
  if (code === 'PT409' || message.startsWith('PT409:')) throw new StaleWriteError(message);
  if (code === 'PT404' || message.startsWith('PT404:')) throw new NotFoundError(message);
  throw error;
}

async function call(gateway: RpcGateway | RpcCall, name: string, args: Record<string, unknown>): Promise<Row[]> {
  try {
    return await (typeof gateway === 'function' ? gateway(name, args) : gateway.rpc(name, args));
  } catch (error) {
    return translate(error);
  }
}

function session<T>(gateway: RpcGateway, writes: boolean, work: (rpc: RpcCall) => Promise<T>, committed?: (result: T) => void): Promise<T> {
  const rpc: RpcCall = (name, args) => gateway.rpc(name, args);
  return gateway.session ? gateway.session(work, writes, committed) : work(rpc);
}

/** Rows per page for whole-table reads: small enough that one page never blocks the page that deserialises it. */
export const READ_PAGE_SIZE = 5000;

/** Reads a keyset-paged function to its end (see `returnsFullPages`). */
async function readPages(gateway: RpcGateway, name: string, args: Record<string, unknown>, pageSize: number, onPage: (rows: Row[]) => void, rpc?: RpcCall) {
  let afterId: string | null = null;
  for (;;) {
    const page = await call(rpc ?? gateway, name, { ...args, after_id: afterId, page_size: pageSize });
    if (page.length === 0) return;
    onPage(page);
    if (gateway.returnsFullPages && page.length < pageSize) return;
    afterId = String(page[page.length - 1].id);
  }
}

async function readAll(gateway: RpcGateway, name: string, args: Record<string, unknown>, pageSize: number, rpc?: RpcCall): Promise<Row[]> {
  const all: Row[] = [];
  await readPages(gateway, name, args, pageSize, (page) => {
    for (const row of page) all.push(row);
  }, rpc);
  return all;
}

/** Rows per page when following the feed. */
export const FEED_PAGE_SIZE = 5000;

const rowToFeedEntry = (r: Row): FeedEntry => ({
  seq: Number(r.seq), kind: r.kind as FeedKind, id: String(r.id), deleted: r.deleted === true,
  data: r.data === null || r.data === undefined ? null : typeof r.data === 'string' ? (JSON.parse(r.data) as Row) : (r.data as Row),
});

export function emptyChangeSet(lastSeq: number): ChangeSet {
  const none = () => ({ upserted: [], deleted: [] });
  return { lastSeq, enterprises: none(), areas: none(), buildings: none(), zones: none(), organizations: none(), planItems: none(), snapshots: none(), slides: none(),
    inspectionNotes: none(), registerChanges: none(), ruleProfile: null };
}

/** Groups feed rows by kind, mapped to domain types; a later row of the same id replaces an earlier one. */
export function toChangeSet(entries: readonly FeedEntry[], lastSeq: number): ChangeSet {
  const latest = new Map<string, FeedEntry>();
  for (const e of entries) latest.set(`${e.kind}|${e.id}`, e);
  const set = emptyChangeSet(lastSeq);
  const put = <T>(target: { upserted: T[]; deleted: string[] }, e: FeedEntry, map: (r: Row) => T) => {
    if (e.deleted || !e.data) target.deleted.push(e.id);
    else target.upserted.push(map(e.data));
  };
  for (const e of latest.values()) {
    switch (e.kind) {
      case 'enterprise': put(set.enterprises, e, rowToEnterprise); break;
      case 'area': put(set.areas, e, rowToArea); break;
      case 'building': put(set.buildings, e, rowToBuilding); break;
      case 'zone': put(set.zones, e, rowToZone); break;
      case 'organization': put(set.organizations, e, rowToOrganization); break;
      case 'plan_item': put(set.planItems, e, rowToPlanItem); break;
      case 'bulletin_snapshot': put(set.snapshots, e, rowToSnapshot); break;
      case 'slide': put(set.slides, e, rowToSlide); break;
      case 'inspection_note': put(set.inspectionNotes, e, rowToInspectionNote); break;
      case 'register_change': put(set.registerChanges, e, rowToRegisterChange); break;
      // One row that is never deleted; a tombstone (a caller who may no longer read it) changes nothing.
      case 'rule_profile': if (!e.deleted && e.data) set.ruleProfile = rowToRuleProfile(e.data); break;
    }
  }
  return set;
}

const ROW_KINDS = ['enterprises', 'areas', 'buildings', 'zones', 'organizations', 'planItems', 'snapshots', 'slides', 'inspectionNotes', 'registerChanges'] as const;

/** How many rows a change set brings (upserted + deleted) in `kinds`, a changed rule profile counting one. */
export const changeCount = (set: ChangeSet, kinds: readonly (typeof ROW_KINDS)[number][] = ROW_KINDS) =>
  kinds.reduce((n, kind) => n + set[kind].upserted.length + set[kind].deleted.length, set.ruleProfile ? 1 : 0);

/** A function's single value: PostgREST answers a scalar function with the bare value, PGlite with a one-column row. */
function scalar(rows: Row[], what: string): number {
  const value: unknown = one(rows, what);
  return Number(value !== null && typeof value === 'object' ? Object.values(value)[0] : value);
}

function one(rows: Row[], what: string): Row {
  if (rows.length !== 1) throw new NotFoundError(`${what}: expected one row, got ${rows.length}`);
  return rows[0];
}

export function createRpcRepository(gateway: RpcGateway): Repository {
  let feedSeq = 0;
  /** Set by the first full read: writes before it (seeding an empty store) do not read the feed back. */
  let following = false;
  const listeners = new Set<(changes: ChangeSet, afterSeq: number) => void>();
  // Feed reads and writes run one after another, so the feed position only moves forward.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readFeed(rpc: RpcCall): Promise<ChangeSet | null> {
    const entries: FeedEntry[] = [];
    let after = feedSeq;
    for (;;) {
      const page = (await call(rpc, 'changes_since', { after_seq: after, page_size: FEED_PAGE_SIZE })).map(rowToFeedEntry);
      for (const e of page) entries.push(e);
      if (page.length === 0 || (gateway.returnsFullPages && page.length < FEED_PAGE_SIZE)) break;
      after = page[page.length - 1].seq;
    }
    return entries.length === 0 ? null : toChangeSet(entries, entries[entries.length - 1].seq);
  }

  function deliver(changes: ChangeSet | null, afterSeq = feedSeq): number {
    if (!changes) return 0;
    feedSeq = Math.max(feedSeq, changes.lastSeq);
    for (const listener of listeners) listener(changes, afterSeq);
    return changeCount(changes);
  }

  /**
   * A write and the feed after it as one unit. The changes reach the listeners as soon as the write
   * has committed (the page shows them at once); the write resolves once it is durable.
   */
  let pendingWrites = 0;
  const pendingListeners = new Set<(count: number) => void>();
  const setPending = (delta: number) => {
    pendingWrites += delta;
    for (const listener of pendingListeners) listener(pendingWrites);
  };
  const write = <T>(work: (rpc: RpcCall) => Promise<T>): Promise<T> =>
    serial(async () => {
      let delivered = false;
      setPending(1);
      try {
        const { result, changes } = await session(gateway, true, async (rpc) => {
          const result = await work(rpc);
          return { result, changes: following ? await readFeed(rpc) : null };
        }, (committed) => {
          delivered = true;
          deliver(committed.changes);
        });
        if (!delivered) deliver(changes);
        return result;
      } finally {
        setPending(-1);
      }
    });

  return {
    kind: gateway.kind,
    get feedSeq() {
      return feedSeq;
    },
    get pendingWrites() {
      return pendingWrites;
    },
    onPendingWrites(listener) {
      pendingListeners.add(listener);
      return () => pendingListeners.delete(listener);
    },
    resumeFrom(seq) {
      feedSeq = seq;
      following = true;
    },
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async changesSince(afterSeq, pageSize = FEED_PAGE_SIZE) {
      return (await call(gateway, 'changes_since', { after_seq: afterSeq, page_size: pageSize })).map(rowToFeedEntry);
    },
    async feedHead() {
      return scalar(await call(gateway, 'feed_head', {}), 'feed_head');
    },
    pullChanges: () => serial(async () => deliver(await session(gateway, false, readFeed))),
    acceptChanges: (changes, afterSeq) =>
      serial(async () => {
        if (!following || afterSeq > feedSeq) return false;
        // Rows read at a later position are the newer ones: applying a batch that overlaps what came is harmless.
        if (changes.lastSeq > feedSeq) deliver(changes, afterSeq);
        return true;
      }),
    async counts() {
      const r = one(await call(gateway, 'store_counts', {}), 'store_counts');
      return { enterprises: Number(r.enterprises), areas: Number(r.areas), buildings: Number(r.buildings), zones: Number(r.zones), organizations: Number(r.organizations) };
    },
    async loadEnterprises(enterprises) {
      // The trusted bulk path (first start, restore): a full read follows, so the feed is not read back.
      // load_register: load_enterprises recorded as the baseline register import (源头登记); one result per
      // row, those outside the caller's district or street rejected with the reason, the rest loaded.
      return (await call(gateway, 'load_register', { rows: enterprises.map(enterpriseToRow) })).map((r) => rowToResult(r, 'enterprise_id'));
    },
    readDataset: (name, { pageSize = READ_PAGE_SIZE, onProgress } = {}) =>
      serial(() => session(gateway, false, async (rpc) => {
        // The head first: whatever changes during the read comes again through the feed (upserts are idempotent).
        const head = scalar(await call(rpc, 'feed_head', {}), 'feed_head');
        const [areas, buildings, zones, organizations, planItems, snapshots, slides, profiles, notes, registerChanges] = await Promise.all([
          readAll(gateway, 'list_places', { place_kind: 'areas' }, pageSize, rpc),
          readAll(gateway, 'list_places', { place_kind: 'buildings' }, pageSize, rpc),
          readAll(gateway, 'list_places', { place_kind: 'zones' }, pageSize, rpc),
          readAll(gateway, 'list_organizations', {}, pageSize, rpc),
          readAll(gateway, 'list_plan_items', {}, pageSize, rpc),
          readAll(gateway, 'list_bulletin_snapshots', {}, pageSize, rpc),
          call(rpc, 'list_slides', { deck_name: 'default' }),
          call(rpc, 'read_rule_profile', {}),
          readAll(gateway, 'list_inspection_notes', {}, pageSize, rpc),
          readAll(gateway, 'list_register_changes', {}, pageSize, rpc),
        ]);
        const ruleProfile = rowToRuleProfile(one(profiles, 'read_rule_profile'));
        // Mapped page by page as they arrive, so no single step handles the whole register at once.
        const enterprises: StoredEnterprise[] = [];
        await readPages(gateway, 'list_enterprises', {}, pageSize, (page) => {
          for (const row of page) enterprises.push({ ...rowToEnterprise(row), row: enterprises.length + 2 });
          onProgress?.(enterprises.length);
        }, rpc);
        feedSeq = head;
        following = true;
        return {
          name, crs: 'wgs84' as const, rules: ruleProfile.rules, ruleProfile,
          areas: areas.map(rowToArea), buildings: buildings.map(rowToBuilding), zones: zones.map(rowToZone),
          organizations: organizations.map(rowToOrganization),
          enterprises,
          planItems: planItems.map(rowToPlanItem), snapshots: snapshots.map(rowToSnapshot), slides: slides.map(rowToSlide),
          inspectionNotes: notes.map(rowToInspectionNote), registerChanges: registerChanges.map(rowToRegisterChange),
        };
      })),
    upsertPlaces: (kind: 'areas' | 'buildings' | 'zones', places: Array<Area | Building | Zone>) =>
      write(async (rpc) => (await call(rpc, 'upsert_places', { place_kind: kind, features: places.map(placeToFeature) })).map((r) => rowToResult(r, 'place_id'))),
    upsertOrganizations: (organizations) =>
      write(async (rpc) => (await call(rpc, 'upsert_organizations', { orgs: organizations.map(organizationToRow) })).map((r) => rowToResult(r, 'organization_id'))),
    async upsertEnterprises(enterprises, mode = 'apply') {
      const run = async (rpc: RpcCall | RpcGateway) => (await call(rpc, 'upsert_enterprises', { rows: enterprises.map(enterpriseToRow), mode })).map((r) => rowToResult(r, 'enterprise_id'));
      return mode === 'check' ? run(gateway) : write(run);
    },
    async startRegisterImport(fullRegister, rowCount) {
      return String(scalar(await call(gateway, 'start_register_import', { full_register: fullRegister, row_count: rowCount }), 'start_register_import'));
    },
    importRegisterRows: (runId, enterprises) =>
      write(async (rpc) => (await call(rpc, 'import_register_rows', { run: Number(runId), rows: enterprises.map(enterpriseToRow) })).map((r) => rowToResult(r, 'enterprise_id'))),
    finishRegisterImport: (runId) =>
      write(async (rpc) => rowToRegisterImport(one(await call(rpc, 'finish_register_import', { run: Number(runId) }), 'finish_register_import'))),
    setAreaLeader: (areaId, leader) => write(async (rpc) => void one(await call(rpc, 'set_area_leader', { area: areaId, leader_name: leader }), 'set_area_leader')),
    saveInspectionNote: (note) =>
      write(async (rpc) => rowToInspectionNote(one(await call(rpc, 'save_inspection_note', { note: inspectionNoteToRow(note) }), 'save_inspection_note'))),
    deleteInspectionNote: (id, expectedVersion) => write(async (rpc) => void (await call(rpc, 'delete_inspection_note', { note_id: id, expected_version: expectedVersion }))),
    async enterprisesInBbox([west, south, east, north]) {
      return (await readAll(gateway, 'enterprises_in_bbox', { west, south, east, north }, READ_PAGE_SIZE)).map(rowToEnterprise);
    },
    async enterprisesInArea(areaId) {
      return (await readAll(gateway, 'enterprises_in_area', { area: areaId }, READ_PAGE_SIZE)).map(rowToEnterprise);
    },
    updateEnterprise: (id, patch, expectedVersion) =>
      write(async (rpc) => rowToEnterprise(one(await call(rpc, 'update_enterprise', { target: id, patch: patchToRow(patch), expected_version: expectedVersion }), 'update_enterprise'))),
    completeMemberTransfer: (id, members, expectedVersion, doneOn = null) =>
      write(async (rpc) => rowToEnterprise(one(await call(rpc, 'complete_member_transfer', { target: id, members, expected_version: expectedVersion, done_on: doneOn }), 'complete_member_transfer'))),
    async enterpriseHistory(id) {
      return (await call(gateway, 'enterprise_history', { target: id })).map(rowToAudit);
    },
    async coverageByArea() {
      return (await call(gateway, 'coverage_by_area', {})).map(rowToCoverage);
    },
    async readRuleProfile() {
      return rowToRuleProfile(one(await call(gateway, 'read_rule_profile', {}), 'read_rule_profile'));
    },
    saveRuleProfile: (rules, expectedVersion) =>
      write(async (rpc) => rowToRuleProfile(one(await call(rpc, 'save_rule_profile', { rules, expected_version: expectedVersion ?? null }), 'save_rule_profile'))),
    takeBulletinSnapshot: (takenOn) => write(async (rpc) => (await call(rpc, 'take_bulletin_snapshot', { taken: takenOn })).map(rowToSnapshot)),
    async listBulletinSnapshots() {
      return (await readAll(gateway, 'list_bulletin_snapshots', {}, READ_PAGE_SIZE)).map(rowToSnapshot);
    },
    async listSlides(deck = 'default') {
      return (await call(gateway, 'list_slides', { deck_name: deck })).map(rowToSlide);
    },
    saveSlide: (slide) => write(async (rpc) => rowToSlide(one(await call(rpc, 'save_slide', { slide: slideToRow(slide) }), 'save_slide'))),
    deleteSlide: (id) => write(async (rpc) => void (await call(rpc, 'delete_slide', { slide_id: id }))),
    async listPlanItems() {
      return (await readAll(gateway, 'list_plan_items', {}, READ_PAGE_SIZE)).map(rowToPlanItem);
    },
    updatePlanItem: (id, patch, expectedVersion) =>
      write(async (rpc) => rowToPlanItem(one(await call(rpc, 'update_plan_item', { item: id, patch: planItemPatchToRow(patch), expected_version: expectedVersion }), 'update_plan_item'))),
    deletePlanItem: (id, expectedVersion) => write(async (rpc) => void (await call(rpc, 'delete_plan_item', { item: id, expected_version: expectedVersion }))),
    createPlanItem: (item) => write(async (rpc) => rowToPlanItem(one(await call(rpc, 'create_plan_item', { item: planItemToRow(item) }), 'create_plan_item'))),
    setPlanItemStatus: (id, status, expectedVersion) =>
      write(async (rpc) => rowToPlanItem(one(await call(rpc, 'set_plan_item_status', { item: id, new_status: status, expected_version: expectedVersion }), 'set_plan_item_status'))),
  } as Repository;
}
