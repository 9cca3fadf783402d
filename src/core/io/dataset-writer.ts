/** Dataset → the files of a dataset folder (the inverse of `parseDatasetFiles`). */
import type { FeatureCollection } from 'geojson';
import type { Dataset, Enterprise } from '../model/types';
import { CAMPAIGN_COLUMNS, ENTERPRISE_COLUMNS } from './columns';
import { toCsv } from './csv-writer';
import type { DatasetFileName } from './dataset';

export function enterpriseToRow(e: Enterprise): Record<string, unknown> {
  return {
    ...e.extra,
    id: e.id, name: e.name, credit_code: e.creditCode, district: e.district, street: e.street, address: e.address,
    lon: e.lon === null ? '' : e.lon.toFixed(6), lat: e.lat === null ? '' : e.lat.toFixed(6),
    employees: e.employees, party_members: e.partyMembers, probationary_members: e.probationaryMembers,
    registered_capital: e.registeredCapital, industry: e.industry, status: e.status,
    owner_is_member: e.ownerIsMember === null ? '' : e.ownerIsMember ? '是' : '否',
    org_id: e.orgId, work_covered: e.workCovered ? '是' : '否',
    ...campaignCells(e),
  };
}

const yesNo = (v: boolean | null | undefined) => (v == null ? '' : v ? '是' : '否');
const TRANSFER_STATUS_TEXT = { pending: '待转接', in_progress: '转接中', done: '已转接' } as const;

/** The campaign columns of a row (blank where unknown or not stated). */
export function campaignCells(e: Enterprise): Record<(typeof CAMPAIGN_COLUMNS)[number], unknown> {
  return {
    members_elsewhere: e.membersElsewhere ?? '', members_elsewhere_at: e.membersElsewhereAt ?? '', members_transferred: e.membersTransferred ?? '',
    transfer_status: e.transferStatus ? TRANSFER_STATUS_TEXT[e.transferStatus] : '', transfer_on: e.transferOn ?? '',
    union: yesNo(e.tradeUnion), youth_league: yesNo(e.youthLeague), womens_federation: yesNo(e.womensFederation),
    key_category: e.keyCategory ?? '', liaison: e.liaison ?? '', registered_on: e.registeredOn ?? '',
  };
}

/** Which field each campaign column holds. */
const CAMPAIGN_FIELD: Record<(typeof CAMPAIGN_COLUMNS)[number], keyof Enterprise> = {
  members_elsewhere: 'membersElsewhere', members_elsewhere_at: 'membersElsewhereAt', members_transferred: 'membersTransferred',
  transfer_status: 'transferStatus', transfer_on: 'transferOn', union: 'tradeUnion', youth_league: 'youthLeague', womens_federation: 'womensFederation',
  key_category: 'keyCategory', liaison: 'liaison', registered_on: 'registeredOn',
};

/** The contract's columns, each campaign column some row states (so a round trip keeps "not stated"), then the extra columns. */
export function enterpriseColumns(enterprises: readonly Enterprise[]): string[] {
  const extraColumns = [...new Set(enterprises.flatMap((e) => Object.keys(e.extra)))];
  const campaign = CAMPAIGN_COLUMNS.filter((c) => enterprises.some((e) => e[CAMPAIGN_FIELD[c]] !== undefined));
  return [...ENTERPRISE_COLUMNS, ...campaign, ...extraColumns];
}

export function enterprisesToCsv(enterprises: readonly Enterprise[], options: { bom?: boolean } = {}): string {
  return toCsv(enterpriseColumns(enterprises), enterprises.map(enterpriseToRow), options);
}

const collection = (features: FeatureCollection['features']): string => JSON.stringify({ type: 'FeatureCollection', features });

export function datasetToFiles(dataset: Dataset, meta: Record<string, unknown> = {}): Record<DatasetFileName, string> {
  return {
    'dataset.json': `${JSON.stringify({ name: dataset.name, crs: 'wgs84', rules: dataset.rules, ...meta }, null, 2)}\n`,
    'enterprises.csv': enterprisesToCsv(dataset.enterprises),
    'buildings.geojson': collection(dataset.buildings.map((b) => ({ type: 'Feature', properties: { id: b.id, name: b.name, floors: b.floors }, geometry: b.geometry }))),
    'zones.geojson': collection(dataset.zones.map((z) => ({ type: 'Feature', properties: { id: z.id, name: z.name, kind: z.kind }, geometry: z.geometry }))),
    'areas.geojson': collection(dataset.areas.map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name, level: a.level, parent: a.parent, ...(a.leader ? { leader: a.leader } : {}) }, geometry: a.geometry }))),
    'organizations.csv': toCsv(['id', 'name', 'level', 'form', 'parent_id'], dataset.organizations.map((o) => ({ id: o.id, name: o.name, level: o.level, form: o.form, parent_id: o.parentId ?? '' }))),
  };
}
