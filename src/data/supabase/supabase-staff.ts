/** The staff panel's RPCs over supabase-js: list_staff, set_staff, revoke_staff, reject_staff_request, list_staff_audit, staff_names. */
import type { SupabaseClient } from '@supabase/supabase-js';
import { AuthFailure, type StaffAuditEntry, type StaffEntry, type StaffPort, type StaffRole, type StaffRequest } from '../auth';

interface StaffRow {
  user_id: string; name: string; role: StaffRole | null; district_id: string | null; street_id: string | null; is_admin: boolean | null;
  approved_by: string | null; approved_at: string | null; request_status: StaffRequest['status'] | null; requested_district: string | null;
  requested_street: string | null; email: string | null; note: string | null; requested_at: string | null;
}

interface AuditRow {
  id: number; at: string; table_name: 'staff' | 'staff_requests'; action: StaffAuditEntry['action']; actor_id: string | null;
  actor_name: string; target_id: string; target_name: string; old_row: Record<string, unknown> | null; new_row: Record<string, unknown> | null;
}

async function call<T>(client: SupabaseClient, name: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(name, args);
  if (error) throw new AuthFailure(error.message, error.code ?? null);
  return data as T;
}

export function createSupabaseStaff(client: SupabaseClient): StaffPort {
  return {
    async list(): Promise<StaffEntry[]> {
      const rows = await call<StaffRow[]>(client, 'list_staff', {});
      return rows.map((r) => ({
        userId: r.user_id, name: r.name ?? '', email: r.email ?? '', role: r.role, districtId: r.district_id, streetId: r.street_id,
        isAdmin: r.is_admin ?? false, approvedBy: r.approved_by, approvedAt: r.approved_at,
        request: r.request_status
          ? { status: r.request_status, districtId: r.requested_district, streetId: r.requested_street, note: r.note ?? '', at: r.requested_at }
          : null,
      }));
    },
    async assign(target, a) {
      await call(client, 'set_staff', {
        target, new_role: a.role, district: a.districtId, street: a.streetId, admin: a.isAdmin, staff_name: a.name ?? null,
      });
    },
    async revoke(target) {
      await call(client, 'revoke_staff', { target });
    },
    async reject(target) {
      await call(client, 'reject_staff_request', { target });
    },
    async audit(): Promise<StaffAuditEntry[]> {
      const rows = await call<AuditRow[]>(client, 'list_staff_audit', { page_size: 200 });
      return rows.map((r) => ({
        id: r.id, at: r.at, table: r.table_name, action: r.action, actorId: r.actor_id, actorName: r.actor_name, targetId: r.target_id,
        targetName: r.target_name, before: r.old_row, after: r.new_row,
      }));
    },
    async names(ids) {
      const out = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await call<{ user_id: string; name: string }[]>(client, 'staff_names', { ids: ids.slice(i, i + 1000) });
        for (const r of rows) out.set(r.user_id, r.name);
      }
      return out;
    },
  };
}
