/**
 * One way to write figures everywhere on screen and in print: rates as percentages with two
 * decimals (the bulletin's and the source's usage, "43.91%"), counts with the UI language's grouping.
 */
export const RATE_DIGITS = 2;

export function formatPercent(rate: number, digits = RATE_DIGITS): string {
  return Number.isFinite(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(locale);
}

/** The local date as YYYY-MM-DD (what file names and snapshots use), not the UTC date. */
export function localDate(date = new Date()): string {
  return date.toLocaleDateString('sv-SE');
}
