/** Rows of the SQL functions ⇄ domain objects. One place for the column names. */
import type { Area, Building, Enterprise, Organization, PolygonGeometry, RuleProfile, Zone } from '../core/model/types';
import type { InspectionNote, NewInspectionNote, RegisterChange, RegisterImportSummary, StoredRuleProfile } from '../core/model/records';
import type { AreaCoverage, AuditEntry, BulletinSnapshot, EnterprisePatch, NewPlanItem, NewSlide, PlanItem, PlanItemPatch, RowResult, Slide, StoredEnterprise } from './repository';

type Row = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
/** A timestamp as ISO 8601 in UTC, whether it came as a Date (a column) or as text (jsonb from the feed). */
const isoTime = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '';
  const t = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(t.getTime()) ? String(v) : t.toISOString();
};
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function enterpriseToRow(e: Enterprise): Row {
  return {
    id: e.id, name: e.name, credit_code: e.creditCode || null, district: e.district, street: e.street, address: e.address,
    lon: e.lon, lat: e.lat, employees: e.employees, party_members: e.partyMembers, probationary_members: e.probationaryMembers,
    registered_capital: e.registeredCapital, industry: e.industry, status: e.status, owner_is_member: e.ownerIsMember,
    org_id: e.orgId || null, work_covered: e.workCovered, extra: e.extra,
    ...campaignToRow(e),
  };
}

/** The campaign columns an enterprise states (a field it leaves absent is not sent: the store keeps its value). */
const CAMPAIGN_ROW_KEYS = {
  membersElsewhere: 'members_elsewhere', membersElsewhereAt: 'members_elsewhere_at', membersTransferred: 'members_transferred', transferStatus: 'transfer_status',
  transferOn: 'transfer_on', tradeUnion: 'trade_union', youthLeague: 'youth_league', womensFederation: 'womens_federation', keyCategory: 'key_category',
  liaison: 'liaison', registeredOn: 'registered_on',
} as const satisfies Partial<Record<keyof Enterprise, string>>;

function campaignToRow(e: Partial<Enterprise>): Row {
  const row: Row = {};
  for (const [field, column] of Object.entries(CAMPAIGN_ROW_KEYS)) {
    const v = e[field as keyof typeof CAMPAIGN_ROW_KEYS];
    if (v !== undefined) row[column] = v === '' ? null : v;
  }
  return row;
}

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));
const dateOrNull = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : dateOnly(v));

function rowToCampaign(r: Row): Partial<Enterprise> {
  if (!('members_elsewhere' in r)) return {};
  return {
    membersElsewhere: num(r.members_elsewhere), membersElsewhereAt: str(r.members_elsewhere_at), membersTransferred: num(r.members_transferred),
    transferStatus: (r.transfer_status as Enterprise['transferStatus']) ?? null, transferOn: dateOrNull(r.transfer_on),
    tradeUnion: bool(r.trade_union), youthLeague: bool(r.youth_league), womensFederation: bool(r.womens_federation),
    keyCategory: str(r.key_category), liaison: str(r.liaison), registeredOn: dateOrNull(r.registered_on),
  };
}

export function rowToEnterprise(r: Row): StoredEnterprise {
  return {
    row: 0,
    id: str(r.id), name: str(r.name), creditCode: str(r.credit_code), district: str(r.district_id), street: str(r.street_id),
    address: str(r.address), lon: num(r.lon), lat: num(r.lat), employees: num(r.employees), partyMembers: num(r.party_members),
    probationaryMembers: num(r.probationary_members), registeredCapital: num(r.registered_capital), industry: str(r.industry),
    status: str(r.status), ownerIsMember: r.owner_is_member === null || r.owner_is_member === undefined ? null : Boolean(r.owner_is_member),
    orgId: str(r.org_id), workCovered: Boolean(r.work_covered), extra: (r.extra as Record<string, string>) ?? {},
    version: Number(r.version), updatedAt: isoTime(r.updated_at), updatedBy: r.updated_by ? str(r.updated_by) : null,
    ...rowToCampaign(r),
  };
}

export function patchToRow(patch: EnterprisePatch): Row {
  const keys: Record<keyof EnterprisePatch, string> = {
    name: 'name', address: 'address', creditCode: 'credit_code', employees: 'employees', partyMembers: 'party_members', probationaryMembers: 'probationary_members',
    registeredCapital: 'registered_capital', industry: 'industry', status: 'status', ownerIsMember: 'owner_is_member', orgId: 'org_id', workCovered: 'work_covered',
    ...CAMPAIGN_ROW_KEYS,
  };
  return Object.fromEntries(Object.entries(patch).map(([k, v]) => [keys[k as keyof EnterprisePatch], v === '' && k in CAMPAIGN_ROW_KEYS ? null : v]));
}

export function placeToFeature(p: Area | Building | Zone): Row {
  const properties: Row = { id: p.id, name: p.name };
  if ('level' in p) Object.assign(properties, { level: p.level, parent: p.parent }, p.leader !== undefined ? { leader: p.leader } : {});
  if ('kind' in p) properties.kind = p.kind;
  if ('floors' in p) properties.floors = p.floors;
  return { type: 'Feature', properties, geometry: p.geometry };
}

export function organizationToRow(o: Organization & { districtId?: string | null }): Row {
  return { id: o.id, district_id: o.districtId ?? null, name: o.name, level: o.level, form: o.form, parent_id: o.parentId };
}

export function rowToResult(r: Row, idKey: string): RowResult {
  return { rowNo: Number(r.row_no), id: r[idKey] === null || r[idKey] === undefined ? null : str(r[idKey]), action: r.action as RowResult['action'], message: r.message ? str(r.message) : null };
}

export function rowToCoverage(r: Row): AreaCoverage {
  return {
    areaId: str(r.area_id), name: str(r.name), level: r.level as AreaCoverage['level'], enterprises: Number(r.enterprises), covered: Number(r.covered),
    coverageRate: Number(r.coverage_rate), ownOrg: Number(r.own_org), workCovered: Number(r.work_covered), mustCover: Number(r.must_cover),
    mustCoverCovered: Number(r.must_cover_covered), sixClearsComplete: Number(r.six_clears_complete),
  };
}

export function rowToPlanItem(r: Row): PlanItem {
  return {
    id: str(r.id), districtId: r.district_id ? str(r.district_id) : null, title: str(r.title), kind: r.kind as PlanItem['kind'],
    level: (r.level as PlanItem['level']) ?? null, status: r.status as PlanItem['status'], owner: str(r.owner), instructor: str(r.instructor),
    dueDate: r.due_date ? dateOnly(r.due_date) : null, recommendationId: r.recommendation_id ? str(r.recommendation_id) : null, version: Number(r.version),
    enterpriseIds: Array.isArray(r.enterprise_ids) ? r.enterprise_ids.map(str) : [],
    geometry: r.geometry ? geometryOf(r) : null,
    updatedAt: isoTime(r.updated_at),
  };
}

/** PGlite parses a date with `new Date('YYYY-MM-DD')` (UTC midnight); PostgREST sends the text. */
function dateOnly(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : str(v).slice(0, 10);
}

export function planItemPatchToRow(p: PlanItemPatch): Row {
  const row: Row = {};
  if (p.title !== undefined) row.title = p.title;
  if (p.kind !== undefined) row.kind = p.kind;
  if (p.level !== undefined) row.level = p.level;
  if (p.owner !== undefined) row.owner = p.owner;
  if (p.instructor !== undefined) row.instructor = p.instructor;
  if (p.dueDate !== undefined) row.due_date = p.dueDate;
  if (p.geometry !== undefined) row.geometry = p.geometry;
  if (p.enterpriseIds !== undefined) row.enterprise_ids = p.enterpriseIds;
  return row;
}

export function planItemToRow(p: NewPlanItem): Row {
  return {
    district_id: p.districtId, title: p.title, kind: p.kind, level: p.level, enterprise_ids: p.enterpriseIds, owner: p.owner ?? '',
    instructor: p.instructor ?? '', due_date: p.dueDate ?? null, recommendation_id: p.recommendationId ?? null, geometry: p.geometry ?? null,
  };
}

export function rowToAudit(r: Row): AuditEntry {
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v as Record<string, unknown>) ?? null));
  return { at: str(r.at), userId: r.user_id ? str(r.user_id) : null, action: r.action as AuditEntry['action'], oldRow: json(r.old_row), newRow: json(r.new_row) };
}

const geometryOf = (r: Row): PolygonGeometry => {
  const g = (typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry) as PolygonGeometry;
  return g.type === 'MultiPolygon' && g.coordinates.length === 1 ? { type: 'Polygon', coordinates: g.coordinates[0] } : g;
};

export const rowToArea = (r: Row): Area => ({
  id: str(r.id), name: str(r.name), level: r.level as Area['level'], parent: r.parent_id ? str(r.parent_id) : null, geometry: geometryOf(r),
  ...(r.leader !== undefined ? { leader: str(r.leader) } : {}),
});
export const rowToBuilding = (r: Row): Building => ({ id: str(r.id), name: str(r.name), floors: num(r.floors), geometry: geometryOf(r) });
export const rowToZone = (r: Row): Zone => ({ id: str(r.id), name: str(r.name), kind: r.kind as Zone['kind'], geometry: geometryOf(r) });
export const rowToOrganization = (r: Row): Organization => ({ id: str(r.id), name: str(r.name), level: r.level as Organization['level'], form: r.form as Organization['form'], parentId: r.parent_id ? str(r.parent_id) : null });

export function rowToSnapshot(r: Row): BulletinSnapshot {
  return {
    ...(r.id !== undefined && r.id !== null ? { id: String(r.id) } : {}),
    takenOn: dateOnly(r.taken_on), areaId: str(r.area_id), districtId: r.district_id ? str(r.district_id) : null,
    enterprises: Number(r.enterprises), covered: Number(r.covered), ownOrg: Number(r.own_org), workCovered: Number(r.work_covered),
    mustCover: Number(r.must_cover), mustCoverCovered: Number(r.must_cover_covered), sixClearsComplete: Number(r.six_clears_complete),
    organizations: Number(r.organizations), planItemsFormed: Number(r.plan_items_formed),
    ...(r.overdue !== undefined ? {
      overdue: Number(r.overdue), dueSoon: Number(r.due_soon ?? 0), leader: str(r.leader),
      newRegistrations: Number(r.new_registrations ?? 0), newRegistrationsCovered: Number(r.new_registrations_covered ?? 0),
      membersElsewhere: Number(r.members_elsewhere ?? 0), membersTransferred: Number(r.members_transferred ?? 0),
      massOrgNoParty: Number(r.mass_org_no_party ?? 0), keyEnterprises: Number(r.key_enterprises ?? 0),
    } : {}),
  };
}

export function rowToInspectionNote(r: Row): InspectionNote {
  return {
    id: str(r.id), districtId: r.district_id ? str(r.district_id) : null, areaId: r.area_id ? str(r.area_id) : null,
    planItemId: r.plan_item_id ? str(r.plan_item_id) : null, inspectedOn: dateOnly(r.inspected_on), inspector: str(r.inspector),
    finding: str(r.finding), followUpDue: r.follow_up_due ? dateOnly(r.follow_up_due) : null, resolved: r.resolved === true,
    version: Number(r.version), updatedAt: isoTime(r.updated_at),
  };
}

export function inspectionNoteToRow(n: NewInspectionNote | (Partial<InspectionNote> & Pick<InspectionNote, 'id' | 'version'>)): Row {
  const row: Row = {};
  if ('id' in n && n.id) Object.assign(row, { id: n.id, version: n.version });
  if (n.areaId !== undefined) row.area_id = n.areaId;
  if (n.planItemId !== undefined) row.plan_item_id = n.planItemId;
  if (n.inspectedOn !== undefined) row.inspected_on = n.inspectedOn;
  if (n.inspector !== undefined) row.inspector = n.inspector;
  if (n.finding !== undefined) row.finding = n.finding;
  if (n.followUpDue !== undefined) row.follow_up_due = n.followUpDue;
  if ('resolved' in n && n.resolved !== undefined) row.resolved = n.resolved;
  return row;
}

export function rowToRegisterChange(r: Row): RegisterChange {
  return {
    id: str(r.id), importId: str(r.import_id), enterpriseId: str(r.enterprise_id), districtId: r.district_id ? str(r.district_id) : null,
    streetId: r.street_id ? str(r.street_id) : null, change: r.change as RegisterChange['change'], reason: r.reason as RegisterChange['reason'],
    seenOn: dateOnly(r.seen_on),
  };
}

export function rowToRegisterImport(r: Row): RegisterImportSummary {
  return { id: str(r.id), rowCount: Number(r.row_count), newCount: Number(r.new_count), leftCount: Number(r.left_count), fullRegister: r.full_register === true };
}

export function rowToSlide(r: Row): Slide {
  const view = typeof r.view === 'string' ? (JSON.parse(r.view) as Record<string, unknown>) : ((r.view as Record<string, unknown>) ?? {});
  return {
    id: str(r.id), districtId: r.district_id ? str(r.district_id) : null, deck: str(r.deck), position: Number(r.position),
    title: str(r.title), note: str(r.note), view, version: Number(r.version),
  };
}

export function slideToRow(s: NewSlide | Slide): Row {
  const row: Row = { title: s.title, note: s.note, view: s.view, district_id: s.districtId ?? null, deck: s.deck ?? 'default' };
  if ('id' in s) Object.assign(row, { id: s.id, version: s.version, position: s.position });
  return row;
}

export function rowToRuleProfile(r: Row): StoredRuleProfile {
  const rules = typeof r.rules === 'string' ? (JSON.parse(r.rules) as Partial<RuleProfile>) : ((r.rules as Partial<RuleProfile>) ?? {});
  return { rules, version: Number(r.version), updatedAt: isoTime(r.updated_at), updatedBy: r.updated_by ? String(r.updated_by) : null };
}
