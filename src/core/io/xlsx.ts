/**
 * Spreadsheets with exceljs (maintained; the registry's `xlsx` 0.18.5 has known CVEs). Cells are read
 * as text exactly as shown — formulas are never evaluated, only their cached result is taken — and
 * written as text cells, neutralised like CSV so that no cell starts a formula.
 */
import type ExcelJSType from 'exceljs';
import { safeCell } from './csv-writer';

async function excel(): Promise<typeof ExcelJSType> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSType } & typeof ExcelJSType;
  return mod.default ?? mod;
}

function cellText(value: ExcelJSType.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJSType.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The first worksheet's rows as text cells. */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export const PERCENT_FORMAT = '0.00%';

export interface SheetSpec {
  name: string;
  /** `percent`: a fraction written as a number shown as a percentage (0.4391 → 43.91%), so a spreadsheet can still sum it. */
  columns: readonly { key: string; header: string; width?: number; numeric?: boolean; percent?: boolean }[];
  rows: ReadonlyArray<Record<string, unknown>>;
}

/** A workbook of text cells (numbers stay numbers only in columns marked numeric). */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.columns = spec.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? Math.max(10, c.header.length * 2) }));
    for (const row of spec.rows) {
      sheet.addRow(
        Object.fromEntries(
          spec.columns.map((c) => {
            const v = row[c.key];
            if ((c.numeric || c.percent) && typeof v === 'number' && Number.isFinite(v)) return [c.key, v];
            return [c.key, safeCell(v)];
          }),
        ),
      );
    }
    spec.columns.forEach((c, k) => {
      if (c.percent) sheet.getColumn(k + 1).numFmt = PERCENT_FORMAT;
    });
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const out = new Uint8Array(written.byteLength);
  out.set(written);
  return out;
}
