/** Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = 'ok' | 'format' | 'check_digit';

export function checkCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(code: string): CreditCodeCheck {
  const c = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(c)) return 'format';
  return checkCharacter(c.slice(0, 17)) === c[17] ? 'ok' : 'check_digit';
}
