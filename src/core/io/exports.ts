/**
 * What leaves the app: enterprises, the worklist, the report, the area table and the bulletin as CSV /
 * XLSX, layers as GeoJSON. Office-ready: headers in the reader's language (Chinese by default), area
 * names where people expect names (the codes stay, as extra columns), rates as percentages (an XLSX
 * number format, so the cells still add up), and no cell that starts a formula.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Enterprise } from '../model/types';
import type { AreaRow, PlanReport, Recommendation } from '../model/report';
import { ALL_ENTERPRISE_COLUMNS, CHINESE_HEADERS } from './columns';
import { enterpriseColumns, enterpriseToRow, enterprisesToCsv } from './dataset-writer';
import { toCsv } from './csv-writer';
import { writeXlsx, type SheetSpec } from './xlsx';

/**
 * The words an export is written in. Every field has a Chinese default; the app passes the UI
 * language's. `areaName` turns an area code into its name (codes then move to their own columns).
 */
export interface ExportText {
  headers: Record<string, string>;
  sheets: Record<string, string>;
  yes: string;
  no: string;
  notPlanned: string;
  levels: Record<'district' | 'street', string>;
  /** Figure names of the report's summary sheet, by the summary's field. */
  figures: Record<string, string>;
  areaName?: (code: string) => string;
  /** Recommendations by name, their kinds and levels in words, enterprises by name, reasons in the reader's language. */
  recommendationName?: (rec: Recommendation) => string;
  kindLabel?: (kind: string) => string;
  levelLabel?: (level: string) => string;
  enterpriseName?: (id: string) => string;
  reasons?: (rec: Recommendation) => string[];
  /** 待转接 / 转接中 / 已转接 in the reader's language (the contract's Chinese words without it). */
  transferStatus?: Record<'pending' | 'in_progress' | 'done', string>;
}

export const CHINESE_TEXT: ExportText = {
  headers: {
    ...CHINESE_HEADERS, district_code: '区县代码', street_code: '乡镇街道代码',
    plan_item: '计划项', plan_status: '计划状态', owner: '责任人', instructor: '党建指导员', due_date: '完成时限', recommendation: '规划建议', kind: '建议类型',
    area: '地区', area_code: '区划代码', area_name: '名称', level: '层级', parent: '上级地区', enterprises: '在营企业', covered: '已建党组织覆盖', coverage_rate: '组建率',
    own_org: '单独组建', own_org_rate: '单独组建率', work_covered_count: '工作覆盖', must_cover: '应建企业', must_cover_covered: '应建已建',
    six_clears_complete: '六清完整', six_clears_rate: '六清完整率', rank: '名次', points: '较上期（百分点）', new_orgs: '新建党组织',
    newly_covered: '新覆盖企业', items_done: '完成计划项', figure: '指标', value: '数值', rec_name: '名称', rec_code: '编号', rec_level: '层级',
    rec_parent: '上级', units: '企业数', members: '党员', enterprise_names: '企业', reasons: '理由',
    must_cover_rate: '应建组建率', overdue: '逾期事项', due_soon: '7日内到期', leader: '包干领导', new_registrations: '新登记企业',
    new_registrations_covered: '新登记已覆盖', new_registrations_rate: '新登记覆盖率', mass_org_no_party: '已建群团未建党组织', key_enterprises: '重点企业',
  },
  sheets: { enterprises: '企业名录', worklist: '应建未建清单', areas: '分区统计', summary: '汇总', recommendations: '规划建议', bulletin: '通报' },
  yes: '是', no: '否', notPlanned: '未列入计划',
  levels: { district: '区县', street: '乡镇街道' },
  figures: {
    listed: '登记企业', enterprises: '在营企业', covered: '已建党组织覆盖', coverage_rate: '组建率', own_org: '单独组建', own_org_rate: '单独组建率',
    work_covered: '工作覆盖', must_cover: '应建企业', must_cover_covered: '应建已建', must_cover_work_covered: '应建仅工作覆盖', six_clears_complete: '六清完整', unmapped: '未上图',
  },
};

const RATE_FIGURES = new Set(['coverage_rate', 'own_org_rate']);
const NUMERIC_COLUMNS = new Set(['employees', 'party_members', 'probationary_members', 'registered_capital', 'members_elsewhere', 'members_transferred']);
const header = (text: ExportText, key: string) => text.headers[key] ?? CHINESE_TEXT.headers[key] ?? key;
const nameOf = (text: ExportText, code: string) => (code && text.areaName ? text.areaName(code) : code);

/** An enterprise row with names for its areas; the codes in columns of their own when names are known. */
function enterpriseRow(e: Enterprise, text: ExportText): Record<string, unknown> {
  const row = enterpriseToRow(e);
  if (!text.areaName) return row;
  return {
    ...row, district: nameOf(text, e.district), street: nameOf(text, e.street), district_code: e.district, street_code: e.street,
    owner_is_member: e.ownerIsMember === null ? '' : e.ownerIsMember ? text.yes : text.no, work_covered: e.workCovered ? text.yes : text.no,
    union: yesNo(text, e.tradeUnion), youth_league: yesNo(text, e.youthLeague), womens_federation: yesNo(text, e.womensFederation),
    ...(e.transferStatus && text.transferStatus ? { transfer_status: text.transferStatus[e.transferStatus] } : {}),
  };
}
const yesNo = (text: ExportText, v: boolean | null | undefined) => (v == null ? '' : v ? text.yes : text.no);

function enterpriseKeys(enterprises: readonly Enterprise[], text: ExportText): string[] {
  const keys = enterpriseColumns(enterprises);
  if (!text.areaName) return keys;
  const known = keys.filter((k) => (ALL_ENTERPRISE_COLUMNS as readonly string[]).includes(k));
  return [...known, 'district_code', 'street_code', ...keys.slice(known.length)];
}

export function enterprisesSheet(enterprises: readonly Enterprise[], text: ExportText = CHINESE_TEXT): SheetSpec {
  const keys = enterpriseKeys(enterprises, text);
  return {
    name: text.sheets.enterprises,
    columns: keys.map((c) => ({ key: c, header: (ALL_ENTERPRISE_COLUMNS as readonly string[]).includes(c) || c.endsWith('_code') ? header(text, c) : c, numeric: NUMERIC_COLUMNS.has(c), width: c === 'name' || c === 'address' ? 32 : 14 })),
    rows: enterprises.map((e) => enterpriseRow(e, text)),
  };
}

/** Without text: the dataset contract's CSV (English keys, a round trip). With it: the reader's headers and area names. */
export function exportEnterprisesCsv(enterprises: readonly Enterprise[], text?: ExportText): string {
  if (!text) return enterprisesToCsv(enterprises, { bom: true });
  const sheet = enterprisesSheet(enterprises, text);
  return toCsv(sheet.columns.map((c) => c.key), sheet.rows, { bom: true, headers: sheet.columns.map((c) => c.header) });
}
export const exportEnterprisesXlsx = (enterprises: readonly Enterprise[], text: ExportText = CHINESE_TEXT): Promise<Uint8Array<ArrayBuffer>> => writeXlsx([enterprisesSheet(enterprises, text)]);

/** A worklist line: an uncovered must-cover enterprise, its plan item (if any) and the recommendation it is in. */
export interface WorklistExportRow {
  enterprise: Enterprise;
  planItem: { title: string; status: string; owner: string; instructor: string; dueDate: string | null } | null;
  recommendationId: string | null;
  recommendationKind: string | null;
  /** The recommendation by name; the id stays in its own column. */
  recommendationName?: string | null;
}

const WORKLIST_KEYS: { key: string; width?: number; numeric?: boolean }[] = [
  { key: 'id' }, { key: 'name', width: 32 }, { key: 'credit_code', width: 22 }, { key: 'district' }, { key: 'street' }, { key: 'employees', numeric: true },
  { key: 'party_members', numeric: true }, { key: 'probationary_members', numeric: true }, { key: 'work_covered' }, { key: 'plan_item', width: 28 },
  { key: 'plan_status' }, { key: 'owner' }, { key: 'instructor' }, { key: 'due_date' }, { key: 'recommendation', width: 32 }, { key: 'kind' },
  { key: 'district_code' }, { key: 'street_code' }, { key: 'rec_code' },
];

function worklistSheet(rows: readonly WorklistExportRow[], text: ExportText): SheetSpec {
  return {
    name: text.sheets.worklist,
    columns: WORKLIST_KEYS.map((c) => ({ ...c, header: header(text, c.key) })),
    rows: rows.map(({ enterprise: e, planItem, recommendationId, recommendationKind, recommendationName }) => ({
      id: e.id, name: e.name, credit_code: e.creditCode, district: nameOf(text, e.district), street: nameOf(text, e.street), employees: e.employees,
      party_members: e.partyMembers, probationary_members: e.probationaryMembers, work_covered: e.workCovered ? text.yes : text.no,
      plan_item: planItem?.title ?? text.notPlanned, plan_status: planItem?.status ?? '', owner: planItem?.owner ?? '', instructor: planItem?.instructor ?? '',
      due_date: planItem?.dueDate ?? '', recommendation: recommendationName ?? recommendationId ?? '', kind: recommendationKind ?? '',
      district_code: e.district, street_code: e.street, rec_code: recommendationId ?? '',
    })),
  };
}

export function exportWorklistCsv(rows: readonly WorklistExportRow[], text: ExportText = CHINESE_TEXT): string {
  const sheet = worklistSheet(rows, text);
  return toCsv(sheet.columns.map((c) => c.key), sheet.rows, { bom: true, headers: sheet.columns.map((c) => c.header) });
}
export const exportWorklistXlsx = (rows: readonly WorklistExportRow[], text: ExportText = CHINESE_TEXT): Promise<Uint8Array<ArrayBuffer>> =>
  writeXlsx([worklistSheet(rows, text)]);

const AREA_KEYS: { key: string; numeric?: boolean; percent?: boolean; width?: number }[] = [
  { key: 'area_name', width: 16 }, { key: 'level' }, { key: 'parent', width: 14 }, { key: 'enterprises', numeric: true }, { key: 'covered', numeric: true },
  { key: 'coverage_rate', percent: true }, { key: 'own_org', numeric: true }, { key: 'own_org_rate', percent: true }, { key: 'work_covered_count', numeric: true },
  { key: 'must_cover', numeric: true }, { key: 'must_cover_covered', numeric: true }, { key: 'six_clears_complete', numeric: true }, { key: 'area_code', width: 14 },
];

export function areaSheet(areas: readonly AreaRow[], text: ExportText = CHINESE_TEXT): SheetSpec {
  const names = new Map(areas.map((a) => [a.id, a.name]));
  return {
    name: text.sheets.areas,
    columns: AREA_KEYS.map((c) => ({ ...c, header: header(text, c.key) })),
    rows: [...areas].sort((a, b) => b.coverage_rate - a.coverage_rate).map((a) => ({
      ...a, area_name: a.name, area_code: a.id, level: text.levels[a.level] ?? a.level, parent: a.parent ? names.get(a.parent) ?? nameOf(text, a.parent) : '',
      work_covered_count: a.work_covered,
    })),
  };
}

export const exportAreasXlsx = (areas: readonly AreaRow[], text: ExportText = CHINESE_TEXT): Promise<Uint8Array<ArrayBuffer>> => writeXlsx([areaSheet(areas, text)]);

export function exportReportXlsx(report: PlanReport, text: ExportText = CHINESE_TEXT): Promise<Uint8Array<ArrayBuffer>> {
  const summary = Object.entries(report.summary).map(([key, value]) => ({ figure: text.figures[key] ?? CHINESE_TEXT.figures[key] ?? key, value, rate: RATE_FIGURES.has(key) }));
  const byId = new Map(report.recommendations.map((r) => [r.id, r]));
  const recName = (r: Recommendation) => text.recommendationName?.(r) ?? r.id;
  return writeXlsx([
    // Counts and rates share the value column: the rates go on a sheet of their own format.
    { name: text.sheets.summary, columns: [{ key: 'figure', header: header(text, 'figure'), width: 24 }, { key: 'value', header: header(text, 'value'), numeric: true }], rows: summary.filter((s) => !s.rate) },
    { name: `${text.sheets.summary} %`, columns: [{ key: 'figure', header: header(text, 'figure'), width: 24 }, { key: 'value', header: header(text, 'value'), percent: true }], rows: summary.filter((s) => s.rate) },
    areaSheet(report.areas, text),
    {
      name: text.sheets.recommendations,
      columns: [
        { key: 'rec_name', header: header(text, 'rec_name'), width: 36 }, { key: 'kind', header: header(text, 'kind'), width: 16 }, { key: 'rec_level', header: header(text, 'rec_level') },
        { key: 'rec_parent', header: header(text, 'rec_parent'), width: 30 }, { key: 'units', header: header(text, 'units'), numeric: true },
        { key: 'formal_members', header: header(text, 'party_members'), numeric: true }, { key: 'members', header: header(text, 'members'), numeric: true },
        { key: 'enterprise_names', header: header(text, 'enterprise_names'), width: 60 }, { key: 'reasons', header: header(text, 'reasons'), width: 60 },
        { key: 'rec_code', header: header(text, 'rec_code') },
      ],
      rows: report.recommendations.map((r) => {
        const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
        return {
          rec_name: recName(r), kind: text.kindLabel?.(r.kind) ?? r.kind, rec_level: r.level ? text.levelLabel?.(r.level) ?? r.level : '',
          rec_parent: parent ? recName(parent) : '', units: r.enterprise_ids.length, formal_members: r.formal_members, members: r.members,
          enterprise_names: r.enterprise_ids.map((id) => text.enterpriseName?.(id) ?? id).join('、'), reasons: (text.reasons?.(r) ?? r.reasons).join('；'), rec_code: r.id,
        };
      }),
    },
  ]);
}

/** Any layer as GeoJSON (RFC 7946, WGS-84). Unmapped enterprises are left out of a point layer, and counted. */
export function enterprisesGeoJson(enterprises: readonly Enterprise[], text?: ExportText): { geojson: FeatureCollection; unmapped: number } {
  const features: Feature[] = [];
  for (const e of enterprises) {
    if (e.lon === null || e.lat === null) continue;
    features.push({ type: 'Feature', properties: text ? enterpriseRow(e, text) : enterpriseToRow(e), geometry: { type: 'Point', coordinates: [e.lon, e.lat] } });
  }
  return { geojson: { type: 'FeatureCollection', features }, unmapped: enterprises.length - features.length };
}

export interface BulletinExportRow {
  rank: number;
  name: string;
  /** The area's code (its own column, after the figures). */
  areaId?: string;
  coverageRate: number;
  pointsGained: number | null;
  newOrganizations: number | null;
  newlyCovered: number | null;
  planItemsDone: number | null;
  enterprises: number;
  covered: number;
  sixClearsRate: number;
  mustCover?: number;
  mustCoverCovered?: number;
  /** The follow-up loop and the campaign figures of the snapshot, as the on-screen bulletin shows them (null: not recorded in that snapshot; the cell is left empty). */
  overdue?: number | null;
  dueSoon?: number | null;
  leader?: string;
  newRegistrations?: number | null;
  newRegistrationsCovered?: number | null;
  membersElsewhere?: number | null;
  membersTransferred?: number | null;
  massOrgNoParty?: number | null;
  keyEnterprises?: number | null;
}

const ratio = (part: number | null | undefined, whole: number | null | undefined) => (part == null || whole == null || whole === 0 ? null : part / whole);

const BULLETIN_KEYS: { key: string; numeric?: boolean; percent?: boolean; width?: number }[] = [
  { key: 'rank', numeric: true }, { key: 'area', width: 20 }, { key: 'coverage_rate', percent: true }, { key: 'points', numeric: true },
  { key: 'new_orgs', numeric: true }, { key: 'newly_covered', numeric: true }, { key: 'items_done', numeric: true }, { key: 'enterprises', numeric: true },
  { key: 'covered', numeric: true }, { key: 'must_cover', numeric: true }, { key: 'must_cover_covered', numeric: true }, { key: 'must_cover_rate', percent: true },
  { key: 'six_clears_rate', percent: true }, { key: 'overdue', numeric: true }, { key: 'due_soon', numeric: true }, { key: 'leader', width: 14 },
  { key: 'new_registrations', numeric: true }, { key: 'new_registrations_covered', numeric: true }, { key: 'new_registrations_rate', percent: true },
  { key: 'members_elsewhere', numeric: true }, { key: 'members_transferred', numeric: true }, { key: 'mass_org_no_party', numeric: true },
  { key: 'key_enterprises', numeric: true }, { key: 'area_code', width: 14 },
];

/** The bulletin as a spreadsheet: one sheet, ranked; rates are numbers shown as percentages. */
export function exportBulletinXlsx(rows: readonly BulletinExportRow[], date: string, text: ExportText = CHINESE_TEXT): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx([{
    name: `${text.sheets.bulletin} ${date}`,
    columns: BULLETIN_KEYS.map((c) => ({ ...c, header: header(text, c.key) })),
    rows: rows.map((r) => ({
      rank: r.rank, area: r.name, coverage_rate: r.coverageRate, points: r.pointsGained, new_orgs: r.newOrganizations, newly_covered: r.newlyCovered,
      items_done: r.planItemsDone, enterprises: r.enterprises, covered: r.covered, must_cover: r.mustCover, must_cover_covered: r.mustCoverCovered,
      must_cover_rate: ratio(r.mustCoverCovered, r.mustCover), six_clears_rate: r.sixClearsRate, overdue: r.overdue, due_soon: r.dueSoon, leader: r.leader ?? '',
      new_registrations: r.newRegistrations, new_registrations_covered: r.newRegistrationsCovered, new_registrations_rate: ratio(r.newRegistrationsCovered, r.newRegistrations),
      members_elsewhere: r.membersElsewhere, members_transferred: r.membersTransferred, mass_org_no_party: r.massOrgNoParty, key_enterprises: r.keyEnterprises,
      area_code: r.areaId ?? '',
    })),
  }]);
}
