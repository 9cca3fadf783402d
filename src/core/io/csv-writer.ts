/**
 * CSV out. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start;
 * OWASP "CSV injection") get a leading apostrophe, except plain numbers.
 */
import Papa from 'papaparse';

/** What a spreadsheet would run as a formula when a cell starts with it (also what reading takes our escape off before). */
export const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** `headers` (one per column) are written instead of the column keys, neutralised like any cell. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, options: { bom?: boolean; headers?: readonly string[] } = {}): string {
  const fields = options.headers ? columns.map((c, k) => safeCell(options.headers?.[k] ?? c)) : [...columns];
  const body = Papa.unparse({ fields, data: rows.map((r) => columns.map((c) => safeCell(r[c]))) }, { newline: '\r\n', quotes: false });
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}
