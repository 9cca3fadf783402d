/** Supabase Auth for the sign-in screens (email + password, email one-time code) and the caller's staff row. */
import type { SupabaseClient } from '@supabase/supabase-js';
import { AuthFailure, type AuthPort, type StaffMember, type StaffRequest, type Whoami } from '../auth';
import { createSupabaseStaff } from './supabase-staff';
import { createSupabaseLive } from './supabase-live';

interface WhoamiRow {
  user_id: string | null;
  staff: { user_id: string; name: string; role: StaffMember['role']; district_id: string | null; street_id: string | null; is_admin: boolean } | null;
  request: { name: string; district_id: string | null; street_id: string | null; note: string; status: StaffRequest['status'] } | null;
}

const fail = (error: { message: string; code?: string } | null): void => {
  if (error) throw new AuthFailure(error.message, error.code ?? null);
};

export function createSupabaseAuth(client: SupabaseClient, options: { phone?: boolean } = {}): AuthPort {
  return {
    phoneEnabled: options.phone ?? false,
    staff: createSupabaseStaff(client),
    live: createSupabaseLive(client),
    async current(): Promise<Whoami | null> {
      const { data } = await client.auth.getSession();
      if (!data.session) return null;
      const user = await client.auth.getUser();
      if (user.error || !user.data.user) {
        await client.auth.signOut({ scope: 'local' });
        return null;
      }
      const { data: who, error } = await client.rpc('whoami');
      fail(error);
      const row = who as WhoamiRow;
      return {
        userId: user.data.user.id,
        email: user.data.user.email || user.data.user.phone || '',
        staff: row.staff && {
          userId: row.staff.user_id, name: row.staff.name, role: row.staff.role, districtId: row.staff.district_id,
          streetId: row.staff.street_id, isAdmin: row.staff.is_admin,
        },
        request: row.request && {
          name: row.request.name, districtId: row.request.district_id, streetId: row.request.street_id, note: row.request.note, status: row.request.status,
        },
      };
    },
    async signInWithPassword(email, password) {
      fail((await client.auth.signInWithPassword({ email, password })).error);
    },
    async signUp(email, password) {
      const { data, error } = await client.auth.signUp({ email, password });
      fail(error);
      if (!data.session) throw new AuthFailure('confirm your email address, then sign in', 'email_not_confirmed');
    },
    async sendEmailCode(email) {
      fail((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: true } })).error);
    },
    async verifyEmailCode(email, code) {
      fail((await client.auth.verifyOtp({ email, token: code, type: 'email' })).error);
    },
    async sendPhoneCode(phone) {
      fail((await client.auth.signInWithOtp({ phone, options: { shouldCreateUser: true, channel: 'sms' } })).error);
    },
    async verifyPhoneCode(phone, code) {
      fail((await client.auth.verifyOtp({ phone, token: code, type: 'sms' })).error);
    },
    async areaChoices() {
      const { data, error } = await client.rpc('area_choices');
      fail(error);
      return ((data ?? []) as { id: string; name: string; level: 'district' | 'street'; parent_id: string | null }[])
        .map((a) => ({ id: a.id, name: a.name, level: a.level, parentId: a.parent_id }));
    },
    async requestAccess(request) {
      fail((await client.rpc('request_staff_access', {
        staff_name: request.name, email: request.email, district: request.districtId, street: request.streetId, note: request.note,
      })).error);
    },
    async signOut() {
      fail((await client.auth.signOut()).error);
    },
    onSessionEnded(listener) {
      const { data } = client.auth.onAuthStateChange((event) => {
        if (event === 'SIGNED_OUT') listener();
      });
      return () => data.subscription.unsubscribe();
    },
  };
}
