/** Dataset → the files of a dataset folder (the inverse of `parseDatasetFiles`). */
import type { FeatureCollection } from 'geojson';
import type { Dataset, Enterprise } from '../model/types';
import { ENTERPRISE_COLUMNS } from './columns';
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
  };
}

export function enterprisesToCsv(enterprises: readonly Enterprise[], options: { bom?: boolean } = {}): string {
  const extraColumns = [...new Set(enterprises.flatMap((e) => Object.keys(e.extra)))];
  return toCsv([...ENTERPRISE_COLUMNS, ...extraColumns], enterprises.map(enterpriseToRow), options);
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
