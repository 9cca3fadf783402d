import type { TFunction } from 'i18next';
import { AuthFailure, type StaffMember } from '../../data/auth';

/** A failure as the user reads it: known Auth codes in words, anything else with its message. */
export function failureText(t: TFunction, error: unknown): string {
  const code = error instanceof AuthFailure ? error.code : null;
  if (code === 'invalid_credentials') return t('auth.invalidCredentials');
  if (code === 'otp_expired') return t('auth.invalidCode');
  return t('auth.failed', { message: (error as Error).message });
}

/** Who the staff member is, in one line (scope of their rights). */
export function scopeText(t: TFunction, staff: StaffMember): string {
  if (staff.role === 'city') return t(staff.isAdmin ? 'auth.scopeCityAdmin' : 'auth.scopeCity');
  if (staff.role === 'district') return t(staff.isAdmin ? 'auth.scopeDistrictAdmin' : 'auth.scopeDistrict', { district: staff.districtId });
  return t('auth.scopeStreet', { street: staff.streetId, district: staff.districtId });
}
