/** The staff panel in words: roles, areas by name (萧山区 · 临浦镇, never codes), audit entries as sentences. */
import type { TFunction } from 'i18next';
import type { StaffAuditEntry, StaffRole } from '../../state/capabilities';

export type AreaName = (code: string | null | undefined) => string;

export function roleText(t: TFunction, role: StaffRole | null | undefined, isAdmin = false): string {
  if (!role) return '';
  return isAdmin ? t('staff.roleAdmin', { role: t(`staff.roles.${role}`) }) : t(`staff.roles.${role}`);
}

/** Where a staff member works, by name: 全市, 萧山区, 萧山区 · 临浦镇. */
export function areaText(t: TFunction, areaName: AreaName, role: StaffRole | null | undefined, districtId: string | null | undefined, streetId: string | null | undefined): string {
  if (role === 'city') return t('staff.scope.city');
  const parts = [districtId ? areaName(districtId) : null, streetId ? areaName(streetId) : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('staff.noArea');
}

/** Who is signed in: 名字 · 角色 · 地区. */
export function scopeLine(t: TFunction, areaName: AreaName, staff: { name: string; role: StaffRole; districtId: string | null; streetId: string | null; isAdmin: boolean }, email: string): string {
  return t('staff.signedInAs', { name: staff.name || email, role: roleText(t, staff.role, staff.isAdmin), scope: areaText(t, areaName, staff.role, staff.districtId, staff.streetId) });
}

const str = (row: Record<string, unknown> | null, key: string): string | null => (row && typeof row[key] === 'string' ? (row[key] as string) : null);

function rowScope(t: TFunction, areaName: AreaName, row: Record<string, unknown> | null): { role: string; area: string } {
  const role = (str(row, 'role') as StaffRole | null) ?? null;
  return { role: roleText(t, role, row?.is_admin === true), area: areaText(t, areaName, role, str(row, 'district_id'), str(row, 'street_id')) };
}

/** One audit entry as a sentence: 批准为 乡镇街道（萧山区 · 临浦镇）, 修改：区县（萧山区）→ …, 撤销, 提交申请 … */
export function auditText(t: TFunction, areaName: AreaName, entry: StaffAuditEntry): string {
  if (entry.table === 'staff_requests') {
    if (entry.action === 'insert') {
      const d = str(entry.after, 'district_id');
      const s = str(entry.after, 'street_id');
      return t('staff.audit.requested', { area: [d, s].filter(Boolean).map((c) => areaName(c)).join(' · ') || t('staff.noArea') });
    }
    if (entry.action === 'delete') return t('staff.audit.removedRequest');
    const status = str(entry.after, 'status') ?? 'pending';
    return status === 'rejected' ? t('staff.audit.rejected') : t('staff.audit.requestUpdated', { status: t(`staff.requestStatus.${status}`) });
  }
  if (entry.action === 'insert') {
    const { role, area } = rowScope(t, areaName, entry.after);
    return t('staff.audit.approved', { role, area });
  }
  if (entry.action === 'delete') {
    const { role, area } = rowScope(t, areaName, entry.before);
    return t('staff.audit.revoked', { role, area });
  }
  const before = rowScope(t, areaName, entry.before);
  const after = rowScope(t, areaName, entry.after);
  return t('staff.audit.changed', { before: `${before.role}（${before.area}）`, after: `${after.role}（${after.area}）` });
}
