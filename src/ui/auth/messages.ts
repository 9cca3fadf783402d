import type { TFunction } from 'i18next';
import { AuthFailure } from '../../state/errors';

/** A failure as the user reads it: known Auth codes in words, anything else with its message. */
export function failureText(t: TFunction, error: unknown): string {
  const code = error instanceof AuthFailure ? error.code : null;
  if (code === 'invalid_credentials') return t('auth.invalidCredentials');
  if (code === 'otp_expired') return t('auth.invalidCode');
  return t('auth.failed', { message: (error as Error).message });
}
