/** Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Each character code's value in the alphabet (lower case as upper), -1 outside it. */
const VALUE = new Int8Array(128).fill(-1);
for (let v = 0; v < ALPHABET.length; v++) {
  VALUE[ALPHABET.charCodeAt(v)] = v;
  VALUE[ALPHABET[v].toLowerCase().charCodeAt(0)] = v;
}

export type CreditCodeCheck = 'ok' | 'format' | 'check_digit';

const valueAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? VALUE[c] : -1;
};

/** The weighted sum of the first 17 characters, or -1 where one is not in the alphabet. */
function weightedSum(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueAt(s, i);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i];
  }
  return sum;
}

/** The check character's value for a weighted sum. */
const checkValue = (sum: number): number => (31 - (sum % 31)) % 31;

export function checkCharacter(first17: string): string | null {
  if (first17.length < 17) return null;
  const sum = weightedSum(first17);
  return sum < 0 ? null : ALPHABET[checkValue(sum)];
}

/**
 * One code, in one pass over its characters and without copies (the parser judges every row's):
 * lower case and surrounding spaces are taken as before.
 */
export function checkCreditCode(code: string): CreditCodeCheck {
  const c = code.length === 18 ? code : code.trim();
  if (c.length !== 18) return 'format';
  const sum = weightedSum(c);
  const last = valueAt(c, 17);
  if (sum < 0 || last < 0) return 'format';
  return checkValue(sum) === last ? 'ok' : 'check_digit';
}
