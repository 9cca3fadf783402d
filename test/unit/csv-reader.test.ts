import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import gcoord from 'gcoord';
import { countCsvRows, parseCsvRows } from '../../src/core/io/csv-reader';
import { toWgs84 } from '../../src/core/io/coordinates';
import { parseEnterpriseRows, parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';

const papa = (text: string) => Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;

describe('the CSV reader', () => {
  it('reads what papaparse reads: quotes, doubled quotes, line breaks in cells, CRLF, empty lines, other delimiters', () => {
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', 'a,b\r\n"x,y",2\r\n"he said ""hi""",3\r\n', 'a,b\n"multi\nline",2\n\n3,4', 'a\tb\n1\t2\n', 'a;b;c\n1;2;3', '', 'x', 'a,"b\r\nc"\r\n', '"",""\n', 'a,b\r1,2\r', 'a,b\n"open,2\n3,4\n']) {
      expect(parseCsvRows(text), JSON.stringify(text)).toEqual(papa(text));
      expect(countCsvRows(text), JSON.stringify(text)).toBe(papa(text).length);
    }
  });

  it('agrees with papaparse on random well-formed files', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', '中', ' ', '1', '.', '-') }), fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', '企') }).map((s) => `"${s.replace(/"/g, '""')}"`));
    const file = fc.tuple(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    fc.assert(
      fc.property(file, ([rows, eol, trailing]) => {
        const text = rows.map((r) => r.join(',')).join(eol) + (trailing ? eol : '');
        expect(parseCsvRows(text)).toEqual(papa(text));
        expect(countCsvRows(text)).toBe(parseCsvRows(text).length);
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});

describe('coordinate conversion', () => {
  it('gives exactly what gcoord gives, GCJ-02 and BD-09 → WGS-84, across China', () => {
    fc.assert(
      fc.property(fc.double({ min: 73.5, max: 135, noNaN: true }), fc.double({ min: 18.2, max: 53.5, noNaN: true }), (lon, lat) => {
        expect(toWgs84(lon, lat, 'gcj02')).toEqual(gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84));
        expect(toWgs84(lon, lat, 'bd09')).toEqual(gcoord.transform([lon, lat], gcoord.BD09, gcoord.WGS84));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('the enterprise parser reading the CSV as it splits it', () => {
  it('gives what parsing the split rows gives: enterprises, problems, progress', () => {
    const header = '说明：本表由系统导出\n编号,企业名称,经度,纬度,职工人数,正式党员,经营状况,备注\n';
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      const name = i % 7 === 0 ? `"企业,${i}"` : i % 11 === 0 ? `'=企业${i}` : `企业${i}`;
      const employees = i % 13 === 0 ? 'x' : String(i % 90);
      lines.push(i % 500 === 0 ? '' : `${i % 997 === 0 ? 'D1' : `D${i}`},${name},${120 + (i % 100) / 1000},${30 + (i % 37) / 1000},${employees},${i % 4},${i % 50 === 0 ? '注销' : '正常'},${i % 3 === 0 ? '"多\n行"' : ''}`);
    }
    const text = header + lines.join('\r\n') + '\r\n';
    const progress = (calls: [number, number][]) => (done: number, total: number) => calls.push([done, total]);
    const streamed: [number, number][] = [];
    const split: [number, number][] = [];
    const a = parseEnterprisesCsv(text, { crs: 'gcj02', onProgress: progress(streamed) });
    const b = parseEnterpriseRows(parseCsvRows(text), { crs: 'gcj02', onProgress: progress(split) });
    expect(a.enterprises.length).toBeGreaterThan(11_000);
    expect(a).toEqual(b);
    expect(streamed).toEqual(split);
    expect(streamed.length).toBe(2);
  });

  it('reads messy cells the same from the text as from strings: spaces, escapes, odd numbers, yes/no spellings, short and long rows', () => {
    const messy = fc.constantFrom('', ' ', '\u3000', '42', ' 42 ', '\u300042\u3000', '-3', '3.5', '1e3', '+4', '.5', '5.', '0x1F', '1,000', '1234567890123456789', '120.1234567',
      '是', '否', 'Y', 'n', 'T', 'TRUE', ' 是 ', '有', '?', "'=SUM(A1)", "'-5", "'abc", '企业', ' 企业 ', '\t', 'a\u00a0', '正常', '注销');
    const header = ['编号', '企业名称', '经度', '纬度', '职工人数', '正式党员', '注册资本', '业主是否党员', '工作覆盖', '经营状况', '备注'];
    const file = fc.tuple(fc.constantFrom(',', '\t'), fc.array(fc.array(messy, { minLength: 1, maxLength: header.length + 2 }), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'));
    fc.assert(
      fc.property(file, ([delimiter, rows, eol]) => {
        const safe = (c: string) => (c.includes(delimiter) ? `"${c}"` : c);
        // The header search keeps its 20 rows as strings; the random rows come after them, where cells are read from the text.
        const filler = Array.from({ length: 20 }, (_, i) => `F${i}${delimiter}企业${i}${delimiter}120.1${delimiter}30.2`);
        const text = [header.join(delimiter), ...filler, ...rows.map((r, i) => [`D${i}`, ...r].map(safe).join(delimiter))].join(eol);
        expect(parseEnterprisesCsv(text)).toEqual(parseEnterpriseRows(parseCsvRows(text, delimiter)));
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
