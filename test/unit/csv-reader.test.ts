import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import gcoord from 'gcoord';
import { parseCsvRows } from '../../src/core/io/csv-reader';
import { toWgs84 } from '../../src/core/io/coordinates';

const papa = (text: string) => Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;

describe('the CSV reader', () => {
  it('reads what papaparse reads: quotes, doubled quotes, line breaks in cells, CRLF, empty lines, other delimiters', () => {
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', 'a,b\r\n"x,y",2\r\n"he said ""hi""",3\r\n', 'a,b\n"multi\nline",2\n\n3,4', 'a\tb\n1\t2\n', 'a;b;c\n1;2;3', '', 'x', 'a,"b\r\nc"\r\n', '"",""\n', 'a,b\r1,2\r', 'a,b\n"open,2\n3,4\n']) {
      expect(parseCsvRows(text), JSON.stringify(text)).toEqual(papa(text));
    }
  });

  it('agrees with papaparse on random well-formed files', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', '中', ' ', '1', '.', '-') }), fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', '企') }).map((s) => `"${s.replace(/"/g, '""')}"`));
    const file = fc.tuple(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    fc.assert(
      fc.property(file, ([rows, eol, trailing]) => {
        const text = rows.map((r) => r.join(',')).join(eol) + (trailing ? eol : '');
        expect(parseCsvRows(text)).toEqual(papa(text));
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
