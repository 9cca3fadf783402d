/**
 * A cell's number, as `Number(text)` reads it, without going through V8's general string-to-number
 * path for the plain decimals a register is made of ("120.166278", "-3", "45"): at most 15 digits
 * and 22 decimals are an exact integer over an exact power of ten, and one IEEE division of two
 * exact values is correctly rounded, so the result has the same bits as `Number(text)`
 * (Clinger's fast path). Anything else (exponents, thousands separators, hex, spaces) goes to Number.
 */
const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;
const MAX_EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

export function readDecimal(text: string): number {
  return plainDecimal(text, 0, text.length) ?? Number(text);
}

/** `text[from, to)` as a number when it is a plain decimal that the fast path reads exactly; undefined otherwise. */
export function plainDecimal(text: string, from: number, to: number): number | undefined {
  let i = from;
  let negative = false;
  if (i < to && text.charCodeAt(i) === MINUS) {
    negative = true;
    i++;
  }
  const firstDigit = i;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === DOT && decimals < 0 && i > firstDigit) decimals = 0;
    else return undefined;
  }
  // "", "-", ".5" and "5." are left to Number, which has its own views on them.
  if (digits === 0 || digits > MAX_EXACT_DIGITS || decimals === 0 || decimals >= POWERS_OF_TEN.length) return undefined;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}
