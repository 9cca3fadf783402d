/**
 * An audit entry in a planner's words: the field's label (正式党员, not party_members), old → new
 * with yes/no and 未填 for empty, area codes as names, the staff member's name, the local time.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../core/model/records';
import { LOCAL_CITY_USER } from '../state/capabilities';

/** Stored column → the detail panel's label key. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'detail.name', credit_code: 'detail.creditCode', district_id: 'detail.district', street_id: 'detail.street', address: 'detail.address',
  employees: 'detail.employees', party_members: 'detail.partyMembers', probationary_members: 'detail.probationaryMembers',
  registered_capital: 'detail.registeredCapital', industry: 'detail.industry', status: 'detail.status', owner_is_member: 'detail.ownerIsMember',
  org_id: 'detail.org', work_covered: 'detail.workCovered', extra: 'detail.extra',
  // The campaign's columns (issue 16): their labels are in src/ui/i18n/campaign.ts under `columns`.
  members_elsewhere: 'columns.members_elsewhere', members_elsewhere_at: 'columns.members_elsewhere_at', members_transferred: 'columns.members_transferred',
  transfer_status: 'columns.transfer_status', transfer_on: 'columns.transfer_on', trade_union: 'columns.union', youth_league: 'columns.youth_league',
  womens_federation: 'columns.womens_federation', key_category: 'columns.key_category', liaison: 'columns.liaison', registered_on: 'columns.registered_on',
};

const SKIPPED = new Set(['id', 'version', 'updated_at', 'updated_by', 'geom']);

export interface HistoryChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export function fieldValue(t: TFunction, field: string, value: unknown, areaName: (code: string) => string): string {
  if (value === null || value === undefined || value === '') return t('detail.unknown');
  if (typeof value === 'boolean') return value ? t('detail.yes') : t('detail.no');
  if (field === 'district_id' || field === 'street_id') return areaName(String(value));
  if (field === 'status') return t(`statusName.${String(value)}`, { defaultValue: String(value) });
  if (field === 'transfer_status') return t(`campaign.transferStatus.${String(value)}`, { defaultValue: String(value) });
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? t('detail.unknown') : entries.map(([k, v]) => `${k}: ${String(v)}`).join('；');
  }
  return String(value);
}

export function historyChanges(t: TFunction, entry: AuditEntry, areaName: (code: string) => string): HistoryChange[] {
  if (entry.action !== 'update' || !entry.oldRow || !entry.newRow) return [];
  const out: HistoryChange[] = [];
  for (const [field, value] of Object.entries(entry.newRow)) {
    if (SKIPPED.has(field)) continue;
    const before = entry.oldRow[field];
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    out.push({
      field,
      label: FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field,
      before: fieldValue(t, field, before, areaName),
      after: fieldValue(t, field, value, areaName),
    });
  }
  return out;
}

/**
 * Who made the change: the embedded store's own user by name; on a shared store the staff member's name
 * where the caller may know it (`staff_names`: their district's and the city's staff), else a short id.
 */
export function staffName(t: TFunction, userId: string | null, names: Record<string, string> = {}): string {
  if (!userId) return t('history.system');
  if (userId === LOCAL_CITY_USER.id) return t('history.localUser');
  if (names[userId]) return names[userId];
  return t('history.staff', { id: userId.slice(0, 8) });
}

export function localTime(at: string, locale: string): string {
  return new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
