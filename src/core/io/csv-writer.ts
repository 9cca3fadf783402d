/**
 * CSV out. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start;
 * OWASP "CSV injection") get a leading apostrophe, except plain numbers.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, options: { bom?: boolean } = {}): string {
  const body = Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => safeCell(r[c]))) }, { newline: '\r\n', quotes: false });
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}
