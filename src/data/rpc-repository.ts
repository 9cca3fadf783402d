/**
 * The Repository over any engine that can call the SQL functions by name. The local (PGlite) and the
 * Supabase (PostgREST) engines differ only in their `RpcGateway`, so this is the one implementation.
 */
import type { Area, Building, Enterprise, Zone } from '../core/model/types';
import { NotFoundError, StaleWriteError, type Repository } from './repository';
import {
  enterpriseToRow, organizationToRow, patchToRow, placeToFeature, planItemToRow, rowToArea, rowToAudit, rowToBuilding, rowToCoverage, rowToEnterprise,
  planItemPatchToRow, rowToOrganization, rowToPlanItem, rowToResult, rowToSlide, rowToSnapshot, rowToZone, slideToRow,
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
}

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

async function call(gateway: RpcGateway, name: string, args: Record<string, unknown>): Promise<Row[]> {
  try {
    return await gateway.rpc(name, args);
  } catch (error) {
    return translate(error);
  }
}

/** Rows per page for whole-table reads: small enough that one page never blocks the page that deserialises it. */
export const READ_PAGE_SIZE = 5000;

/** Reads a keyset-paged function to its end (see `returnsFullPages`). */
async function readPages(gateway: RpcGateway, name: string, args: Record<string, unknown>, pageSize: number, onPage: (rows: Row[]) => void) {
  let afterId: string | null = null;
  for (;;) {
    const page = await call(gateway, name, { ...args, after_id: afterId, page_size: pageSize });
    if (page.length === 0) return;
    onPage(page);
    if (gateway.returnsFullPages && page.length < pageSize) return;
    afterId = String(page[page.length - 1].id);
  }
}

async function readAll(gateway: RpcGateway, name: string, args: Record<string, unknown>, pageSize: number): Promise<Row[]> {
  const all: Row[] = [];
  await readPages(gateway, name, args, pageSize, (page) => {
    for (const row of page) all.push(row);
  });
  return all;
}

function one(rows: Row[], what: string): Row {
  if (rows.length !== 1) throw new NotFoundError(`${what}: expected one row, got ${rows.length}`);
  return rows[0];
}

export function createRpcRepository(gateway: RpcGateway): Repository {
  return {
    kind: gateway.kind,
    async counts() {
      const r = one(await call(gateway, 'store_counts', {}), 'store_counts');
      return { enterprises: Number(r.enterprises), areas: Number(r.areas), buildings: Number(r.buildings), zones: Number(r.zones), organizations: Number(r.organizations) };
    },
    async loadEnterprises(enterprises) {
      const rows = await call(gateway, 'load_enterprises', { rows: enterprises.map(enterpriseToRow) });
      return Number(Object.values(one(rows, 'load_enterprises'))[0]);
    },
    async readDataset(name, { pageSize = READ_PAGE_SIZE, onProgress } = {}) {
      const [areas, buildings, zones, organizations] = await Promise.all([
        readAll(gateway, 'list_places', { place_kind: 'areas' }, pageSize),
        readAll(gateway, 'list_places', { place_kind: 'buildings' }, pageSize),
        readAll(gateway, 'list_places', { place_kind: 'zones' }, pageSize),
        readAll(gateway, 'list_organizations', {}, pageSize),
      ]);
      // Mapped page by page as they arrive, so no single step handles the whole register at once.
      const enterprises: Enterprise[] = [];
      await readPages(gateway, 'list_enterprises', {}, pageSize, (page) => {
        for (const row of page) enterprises.push({ ...rowToEnterprise(row), row: enterprises.length + 2 });
        onProgress?.(enterprises.length);
      });
      return {
        name, crs: 'wgs84', rules: {},
        areas: areas.map(rowToArea), buildings: buildings.map(rowToBuilding), zones: zones.map(rowToZone),
        organizations: organizations.map(rowToOrganization),
        enterprises,
      };
    },
    async upsertPlaces(kind: 'areas' | 'buildings' | 'zones', places: Array<Area | Building | Zone>) {
      const rows = await call(gateway, 'upsert_places', { place_kind: kind, features: places.map(placeToFeature) });
      return rows.map((r) => rowToResult(r, 'place_id'));
    },
    async upsertOrganizations(organizations) {
      const rows = await call(gateway, 'upsert_organizations', { orgs: organizations.map(organizationToRow) });
      return rows.map((r) => rowToResult(r, 'organization_id'));
    },
    async upsertEnterprises(enterprises, mode = 'apply') {
      const rows = await call(gateway, 'upsert_enterprises', { rows: enterprises.map(enterpriseToRow), mode });
      return rows.map((r) => rowToResult(r, 'enterprise_id'));
    },
    async enterprisesInBbox([west, south, east, north]) {
      return (await call(gateway, 'enterprises_in_bbox', { west, south, east, north })).map(rowToEnterprise);
    },
    async enterprisesInArea(areaId) {
      return (await call(gateway, 'enterprises_in_area', { area: areaId })).map(rowToEnterprise);
    },
    async updateEnterprise(id, patch, expectedVersion) {
      const rows = await call(gateway, 'update_enterprise', { target: id, patch: patchToRow(patch), expected_version: expectedVersion });
      return rowToEnterprise(one(rows, 'update_enterprise'));
    },
    async enterpriseHistory(id) {
      return (await call(gateway, 'enterprise_history', { target: id })).map(rowToAudit);
    },
    async coverageByArea() {
      return (await call(gateway, 'coverage_by_area', {})).map(rowToCoverage);
    },
    async takeBulletinSnapshot(takenOn) {
      return (await call(gateway, 'take_bulletin_snapshot', { taken: takenOn })).map(rowToSnapshot);
    },
    async listBulletinSnapshots() {
      return (await readAll(gateway, 'list_bulletin_snapshots', {}, READ_PAGE_SIZE)).map(rowToSnapshot);
    },
    async listSlides(deck = 'default') {
      return (await call(gateway, 'list_slides', { deck_name: deck })).map(rowToSlide);
    },
    async saveSlide(slide) {
      return rowToSlide(one(await call(gateway, 'save_slide', { slide: slideToRow(slide) }), 'save_slide'));
    },
    async deleteSlide(id) {
      await call(gateway, 'delete_slide', { slide_id: id });
    },
    async listPlanItems() {
      return (await readAll(gateway, 'list_plan_items', {}, READ_PAGE_SIZE)).map(rowToPlanItem);
    },
    async updatePlanItem(id, patch, expectedVersion) {
      const rows = await call(gateway, 'update_plan_item', { item: id, patch: planItemPatchToRow(patch), expected_version: expectedVersion });
      return rowToPlanItem(one(rows, 'update_plan_item'));
    },
    async deletePlanItem(id, expectedVersion) {
      await call(gateway, 'delete_plan_item', { item: id, expected_version: expectedVersion });
    },
    async createPlanItem(item) {
      return rowToPlanItem(one(await call(gateway, 'create_plan_item', { item: planItemToRow(item) }), 'create_plan_item'));
    },
    async setPlanItemStatus(id, status, expectedVersion) {
      const rows = await call(gateway, 'set_plan_item_status', { item: id, new_status: status, expected_version: expectedVersion });
      return rowToPlanItem(one(rows, 'set_plan_item_status'));
    },
  } as Repository;
}
