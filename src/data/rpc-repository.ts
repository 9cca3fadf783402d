/**
 * The Repository over any engine that can call the SQL functions by name. The local (PGlite) and the
 * Supabase (PostgREST) engines differ only in their `RpcGateway`, so this is the one implementation.
 */
import type { Area, Building, Zone } from '../core/model/types';
import { NotFoundError, StaleWriteError, type Repository } from './repository';
import {
  enterpriseToRow, organizationToRow, patchToRow, placeToFeature, planItemToRow, rowToArea, rowToAudit, rowToBuilding, rowToCoverage, rowToEnterprise,
  rowToOrganization, rowToPlanItem, rowToResult, rowToZone,
} from './mappers';

type Row = Record<string, unknown>;

export interface RpcGateway {
  readonly kind: Repository['kind'];
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
    async readDataset(name) {
      const [areas, buildings, zones, organizations, enterprises] = await Promise.all([
        call(gateway, 'list_places', { place_kind: 'areas' }),
        call(gateway, 'list_places', { place_kind: 'buildings' }),
        call(gateway, 'list_places', { place_kind: 'zones' }),
        call(gateway, 'list_organizations', {}),
        call(gateway, 'list_enterprises', {}),
      ]);
      return {
        name, crs: 'wgs84', rules: {},
        areas: areas.map(rowToArea), buildings: buildings.map(rowToBuilding), zones: zones.map(rowToZone),
        organizations: organizations.map(rowToOrganization),
        enterprises: enterprises.map((r, k) => ({ ...rowToEnterprise(r), row: k + 2 })),
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
    async createPlanItem(item) {
      return rowToPlanItem(one(await call(gateway, 'create_plan_item', { item: planItemToRow(item) }), 'create_plan_item'));
    },
    async setPlanItemStatus(id, status, expectedVersion) {
      const rows = await call(gateway, 'set_plan_item_status', { item: id, new_status: status, expected_version: expectedVersion });
      return rowToPlanItem(one(rows, 'set_plan_item_status'));
    },
  } as Repository;
}
