import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText } from '../../src/core/io/text';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { readEnterpriseFile } from '../../src/core/io/import-file';
import { readXlsxRows } from '../../src/core/io/xlsx';
import { enterprisesGeoJson, exportAreasXlsx, exportEnterprisesCsv, exportEnterprisesXlsx, exportReportXlsx } from '../../src/core/io/exports';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import type { Enterprise } from '../../src/core/model/types';

const fixture = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/io/gbk-title-row.csv')));
const original: Enterprise[] = parseEnterprisesCsv(decodeText(fixture).text).enterprises.map((e, k) => ({ ...e, extra: { ...e.extra, 邮编: k % 2 ? '011000' : '000123' } }));
const withoutRow = (list: Enterprise[]) => list.map(({ row: _row, ...e }) => e);
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell a spreadsheet would run: formula-looking and not a plain number (plain negatives are fine). */
const runs = (cell: string) => FORMULA_START.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe('export → import round trips', () => {
  it('CSV (UTF-8 with BOM): identical data, formula-looking names included', async () => {
    const csv = exportEnterprisesCsv(original);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const back = await readEnterpriseFile('back.csv', new TextEncoder().encode(csv));
    expect(withoutRow(back.enterprises)).toEqual(withoutRow(original));
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(runs(cell.replace(/^"/, '')), cell).toBe(false);
  });

  it('XLSX: identical data; 18-character codes and leading zeros stay text; no cell starts a formula', async () => {
    const bytes = await exportEnterprisesXlsx(original);
    const back = await readEnterpriseFile('back.xlsx', bytes);
    expect(back.format).toBe('xlsx');
    expect(withoutRow(back.enterprises)).toEqual(withoutRow(original));
    const cells = (await readXlsxRows(bytes)).flat();
    expect(cells).toContain('91330103MA27XK0J2Q');
    expect(cells).toContain('000123');
    expect(cells.filter(runs)).toEqual([]);
    expect(cells.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
  });
});

describe('report exports', () => {
  const { dataset } = readDemo('linpu');
  const { report } = planDataset(dataset);

  it('writes the report and the ranked area table as workbooks', async () => {
    const rows = await readXlsxRows(await exportAreasXlsx(report.areas));
    expect(rows[0]).toContain('组建率');
    expect(rows).toHaveLength(report.areas.length + 1);
    const book = await exportReportXlsx(report);
    expect(book.byteLength).toBeGreaterThan(5000);
  });

  it('writes enterprises as GeoJSON points, counting the unmapped ones', () => {
    const { geojson, unmapped } = enterprisesGeoJson(original);
    expect(geojson.features.length + unmapped).toBe(original.length);
    expect(unmapped).toBe(1);
  });
});
