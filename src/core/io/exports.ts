/** What leaves the app: enterprises, the worklist, the report and the area table as CSV / XLSX, layers as GeoJSON. */
import type { Feature, FeatureCollection } from 'geojson';
import type { Enterprise } from '../model/types';
import type { AreaRow, PlanReport } from '../model/report';
import { CHINESE_HEADERS, ENTERPRISE_COLUMNS } from './columns';
import { enterpriseToRow, enterprisesToCsv } from './dataset-writer';
import { toCsv } from './csv-writer';
import { writeXlsx, type SheetSpec } from './xlsx';

const NUMERIC_COLUMNS = new Set(['employees', 'party_members', 'probationary_members', 'registered_capital']);

export function enterprisesSheet(enterprises: readonly Enterprise[]): SheetSpec {
  const extra = [...new Set(enterprises.flatMap((e) => Object.keys(e.extra)))];
  return {
    name: '企业',
    columns: [
      ...ENTERPRISE_COLUMNS.map((c) => ({ key: c, header: CHINESE_HEADERS[c], numeric: NUMERIC_COLUMNS.has(c), width: c === 'name' || c === 'address' ? 32 : 14 })),
      ...extra.map((c) => ({ key: c, header: c })),
    ],
    rows: enterprises.map(enterpriseToRow),
  };
}

export const exportEnterprisesCsv = (enterprises: readonly Enterprise[]): string => enterprisesToCsv(enterprises, { bom: true });
export const exportEnterprisesXlsx = (enterprises: readonly Enterprise[]): Promise<Uint8Array<ArrayBuffer>> => writeXlsx([enterprisesSheet(enterprises)]);

/** A worklist line: an uncovered must-cover enterprise, its plan item (if any) and the recommendation it is in. */
export interface WorklistExportRow {
  enterprise: Enterprise;
  planItem: { title: string; status: string; owner: string; instructor: string; dueDate: string | null } | null;
  recommendationId: string | null;
  recommendationKind: string | null;
}

const WORKLIST_COLUMNS = [
  { key: 'id', header: '编号' }, { key: 'name', header: '企业名称', width: 32 }, { key: 'credit_code', header: '统一社会信用代码', width: 22 },
  { key: 'district', header: '区县' }, { key: 'street', header: '乡镇街道' }, { key: 'employees', header: '职工人数', numeric: true },
  { key: 'party_members', header: '正式党员', numeric: true }, { key: 'probationary_members', header: '预备党员', numeric: true },
  { key: 'work_covered', header: '工作覆盖' }, { key: 'plan_item', header: '计划项', width: 28 }, { key: 'plan_status', header: '计划状态' },
  { key: 'owner', header: '责任人' }, { key: 'instructor', header: '党建指导员' }, { key: 'due_date', header: '完成时限' },
  { key: 'recommendation', header: '规划建议' }, { key: 'kind', header: '建议类型' },
];

const worklistRows = (rows: readonly WorklistExportRow[]) =>
  rows.map(({ enterprise: e, planItem, recommendationId, recommendationKind }) => ({
    id: e.id, name: e.name, credit_code: e.creditCode, district: e.district, street: e.street, employees: e.employees,
    party_members: e.partyMembers, probationary_members: e.probationaryMembers, work_covered: e.workCovered ? '是' : '否',
    plan_item: planItem?.title ?? '未列入计划', plan_status: planItem?.status ?? '', owner: planItem?.owner ?? '', instructor: planItem?.instructor ?? '',
    due_date: planItem?.dueDate ?? '', recommendation: recommendationId ?? '', kind: recommendationKind ?? '',
  }));

export const exportWorklistCsv = (rows: readonly WorklistExportRow[]): string =>
  toCsv(WORKLIST_COLUMNS.map((c) => c.key), worklistRows(rows), { bom: true });
export const exportWorklistXlsx = (rows: readonly WorklistExportRow[]): Promise<Uint8Array<ArrayBuffer>> =>
  writeXlsx([{ name: '应建未建清单', columns: WORKLIST_COLUMNS, rows: worklistRows(rows) }]);

const AREA_COLUMNS = [
  { key: 'id', header: '区划代码' }, { key: 'name', header: '名称' }, { key: 'level', header: '层级' },
  { key: 'enterprises', header: '在营企业', numeric: true }, { key: 'covered', header: '已建党组织覆盖', numeric: true },
  { key: 'coverage_rate', header: '组建率', numeric: true }, { key: 'own_org', header: '单独组建', numeric: true },
  { key: 'own_org_rate', header: '单独组建率', numeric: true }, { key: 'work_covered', header: '工作覆盖', numeric: true },
  { key: 'must_cover', header: '应建企业', numeric: true }, { key: 'must_cover_covered', header: '应建已建', numeric: true },
  { key: 'six_clears_complete', header: '六清完整', numeric: true },
];

export function areaSheet(areas: readonly AreaRow[]): SheetSpec {
  return { name: '分区统计', columns: AREA_COLUMNS, rows: [...areas].sort((a, b) => b.coverage_rate - a.coverage_rate) as unknown as Record<string, unknown>[] };
}

export const exportAreasXlsx = (areas: readonly AreaRow[]): Promise<Uint8Array<ArrayBuffer>> => writeXlsx([areaSheet(areas)]);

export function exportReportXlsx(report: PlanReport): Promise<Uint8Array<ArrayBuffer>> {
  const summary = Object.entries(report.summary).map(([key, value]) => ({ key, value }));
  return writeXlsx([
    { name: '汇总', columns: [{ key: 'key', header: '指标', width: 24 }, { key: 'value', header: '数值', numeric: true }], rows: summary },
    areaSheet(report.areas),
    {
      name: '规划建议',
      columns: [
        { key: 'id', header: '编号' }, { key: 'kind', header: '类型' }, { key: 'level', header: '层级' }, { key: 'parent_id', header: '上级' },
        { key: 'units', header: '企业数', numeric: true }, { key: 'formal_members', header: '正式党员', numeric: true }, { key: 'members', header: '党员', numeric: true },
        { key: 'enterprise_ids', header: '企业编号', width: 40 }, { key: 'reasons', header: '理由', width: 60 },
      ],
      rows: report.recommendations.map((r) => ({ ...r, units: r.enterprise_ids.length, enterprise_ids: r.enterprise_ids.join('、'), reasons: r.reasons.join('；') })),
    },
  ]);
}

/** Any layer as GeoJSON (RFC 7946, WGS-84). Unmapped enterprises are left out of a point layer, and counted. */
export function enterprisesGeoJson(enterprises: readonly Enterprise[]): { geojson: FeatureCollection; unmapped: number } {
  const features: Feature[] = [];
  for (const e of enterprises) {
    if (e.lon === null || e.lat === null) continue;
    features.push({ type: 'Feature', properties: enterpriseToRow(e), geometry: { type: 'Point', coordinates: [e.lon, e.lat] } });
  }
  return { geojson: { type: 'FeatureCollection', features }, unmapped: enterprises.length - features.length };
}

export interface BulletinExportRow {
  rank: number;
  name: string;
  coverageRate: number;
  pointsGained: number | null;
  newOrganizations: number | null;
  newlyCovered: number | null;
  planItemsDone: number | null;
  enterprises: number;
  covered: number;
  sixClearsRate: number;
}

/** The bulletin as a spreadsheet: one sheet, ranked, rates as fractions (formatted by the reader). */
export function exportBulletinXlsx(rows: readonly BulletinExportRow[], date: string): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx([{
    name: `通报 ${date}`,
    columns: [
      { key: 'rank', header: '名次', numeric: true }, { key: 'name', header: '地区', width: 20 }, { key: 'coverageRate', header: '组建率', numeric: true },
      { key: 'pointsGained', header: '较上期（百分点）', numeric: true }, { key: 'newOrganizations', header: '新建党组织', numeric: true },
      { key: 'newlyCovered', header: '新覆盖企业', numeric: true }, { key: 'planItemsDone', header: '完成计划项', numeric: true },
      { key: 'enterprises', header: '在营企业', numeric: true }, { key: 'covered', header: '已覆盖', numeric: true }, { key: 'sixClearsRate', header: '六清完整率', numeric: true },
    ],
    rows: rows as unknown as Record<string, unknown>[],
  }]);
}
