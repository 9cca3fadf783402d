import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText } from '../../src/core/io/text';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { parseAreas, parseBuildings } from '../../src/core/io/geojson';
import { readShapefileZip } from '../../src/core/io/shapefile';
import shpwrite from '@mapbox/shp-write';
import { checkCharacter, checkCreditCode } from '../../src/core/io/credit-code';
import { safeCell, toCsv } from '../../src/core/io/csv-writer';
import { enterprisesToCsv } from '../../src/core/io/dataset-writer';
import { parseDatasetFiles } from '../../src/core/io/dataset';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/io', name)));

describe('credit codes (GB 32100-2015)', () => {
  it('judges every code as a plain reading of the standard does (upper-cased, trimmed, weights mod 31)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const reference = (code: string) => {
      const c = code.trim().toUpperCase();
      if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(c)) return 'format';
      const sum = weights.reduce((s, w, i) => s + alphabet.indexOf(c[i]) * w, 0);
      return alphabet[(31 - (sum % 31)) % 31] === c[17] ? 'ok' : 'check_digit';
    };
    const chars = [...alphabet, ...'abcxyzIOSVZ -号'];
    const code = fc.oneof(
      fc.array(fc.constantFrom(...chars), { minLength: 16, maxLength: 20 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((a) => { const body = a.join(''); return [body + checkCharacter(body), ` ${body}${checkCharacter(body)} `, (body + checkCharacter(body)).toLowerCase()]; }).chain((v) => fc.constantFrom(...v)),
    );
    fc.assert(fc.property(code, (c) => {
      expect(checkCreditCode(c)).toBe(reference(c));
    }), { numRuns: 3000, seed: 32100 });
  });

  it('accepts a valid code and flags a wrong check character or format', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBe('ok');
    expect(checkCreditCode('91350100M000100Y44')).toBe('check_digit');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('91350100M000100I43')).toBe('format');
  });
});

describe('enterprises.csv from a GBK file with a title row', () => {
  const { text, encoding } = decodeText(fixture('gbk-title-row.csv'));
  const result = parseEnterprisesCsv(text);
  const codes = (code: string) => result.problems.filter((p) => p.code === code);
  const byName = (name: string) => result.enterprises.find((e) => e.name === name);

  it('detects GB18030 and finds the header below the title', () => {
    expect(encoding).toBe('gb18030');
    expect(result.headerRow).toBe(3);
    expect(result.enterprises[0].name).toBe('杭州示例贸易有限公司');
    expect(result.enterprises[0].address).toBe('杭州市下城区体育场路1号, 2楼');
  });

  it('keeps every row: row count in equals row count kept', () => {
    expect(result.enterprises).toHaveLength(9);
  });

  it('reports each hazard with its row, column, raw value and code', () => {
    expect(codes('credit_code_check')).toMatchObject([{ row: 5, column: 'credit_code', value: '91330103MA27XK0J2G' }]);
    expect(codes('latlon_swapped')).toMatchObject([{ row: 6 }]);
    expect(byName('经纬度反了有限公司')).toMatchObject({ lon: 120.172, lat: 30.277 });
    expect(codes('missing_coordinates')).toMatchObject([{ row: 7 }]);
    expect(byName('没有坐标有限公司')).toMatchObject({ lon: null, lat: null, employees: 50, workCovered: true });
    expect(codes('duplicate_credit_code')).toMatchObject([{ row: 8, value: '91330103MA27XK0J2Q' }]);
    expect(codes('negative_count')).toMatchObject([{ row: 9, column: 'employees', value: '-4' }]);
    expect(codes('not_a_number')).toMatchObject([{ row: 10, column: 'employees', value: 'abc' }]);
    expect(codes('duplicate_id')).toMatchObject([{ row: 11, value: 'G1' }]);
    expect(codes('outside_china')).toMatchObject([{ row: 12 }]);
  });

  it('keeps formula- and HTML-looking names as text, and unknown columns in extra', () => {
    expect(byName('=HYPERLINK("http://example.invalid")')).toBeDefined();
    const html = byName('<img src=x onerror=alert(1)>');
    expect(html?.address).toBe('多行\n地址');
    expect(html?.extra['备注']).toBe('说"明');
  });
});

describe('GeoJSON hazards', () => {
  it('reports a bow-tie, closes an unclosed ring, rejects non-polygons, and never throws', () => {
    const { buildings, problems } = parseBuildings(new TextDecoder().decode(fixture('buildings-hazards.geojson')));
    expect(buildings.map((b) => b.id)).toEqual(['ok', 'bowtie', 'unclosed']);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'bad_geometry'],
      [3, 'repaired_geometry'],
      [4, 'bad_geometry'],
      [5, 'bad_geometry'],
    ]);
    expect(problems[0].message).toMatch(/自相交/);
  });

  it('finds crossings and pinches on boundaries with thousands of corners, and takes a repeated corner for what it is', () => {
    const circle = (n: number, wobble: (a: number) => number) =>
      Array.from({ length: n + 1 }, (_, k) => {
        const a = (2 * Math.PI * (k % n)) / n;
        return [120 + 0.1 * wobble(a) * Math.cos(a), 30 + 0.1 * wobble(a) * Math.sin(a)];
      });
    const smooth = circle(6000, (a) => 1 + 0.05 * Math.sin(37 * a));
    const crossed = smooth.map((p) => [...p]);
    [crossed[100], crossed[101]] = [crossed[101], crossed[100]];
    const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const repeated = [[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const pinched = [[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]];
    const feature = (id: string, ring: number[][]) => ({ type: 'Feature', properties: { id, name: id, level: 'street', parent: null }, geometry: { type: 'Polygon', coordinates: [ring] } });
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature('smooth', smooth), feature('crossed', crossed), feature('square', square), feature('repeated', repeated), feature('pinched', pinched)] });
    const { areas, problems } = parseAreas(text);
    expect(areas.map((a) => a.id)).toEqual(['smooth', 'crossed', 'square', 'repeated', 'pinched']);
    expect(problems.map((p) => [p.value, p.code, p.severity])).toEqual([
      ['crossed', 'bad_geometry', 'warning'],
      ['pinched', 'bad_geometry', 'warning'],
    ]);
    expect(problems[0].message).toMatch(/自相交（1 处）/);
  });

  it('reads a zipped shapefile through the same checks: the bow-tie is reported, the good polygon kept', async () => {
    const square = [[120.25, 30.05], [120.251, 30.05], [120.251, 30.051], [120.25, 30.051], [120.25, 30.05]];
    const bowTie = [[120.26, 30.05], [120.261, 30.051], [120.261, 30.05], [120.26, 30.051], [120.26, 30.05]];
    const zip = await shpwrite.zip({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'tower', name: 'Tower' }, geometry: { type: 'Polygon', coordinates: [square] } },
        { type: 'Feature', properties: { id: 'bowtie', name: 'Bow tie' }, geometry: { type: 'Polygon', coordinates: [bowTie] } },
      ],
    }, { outputType: 'arraybuffer', compression: 'STORE', types: { polygon: 'buildings' } });
    const read = await readShapefileZip(zip, 'buildings.zip');
    expect(read.problems).toEqual([]);
    const { buildings, problems } = parseBuildings(read.text as string, 'buildings.zip');
    expect(buildings.map((b) => [b.id, b.name])).toEqual([['tower', 'Tower'], ['bowtie', 'Bow tie']]);
    expect(problems.map((p) => [p.row, p.code])).toEqual([[2, 'bad_geometry']]);
    expect((await readShapefileZip(new TextEncoder().encode('not a zip').buffer, 'x.zip')).problems).toMatchObject([{ row: 0, severity: 'error' }]);
  });

  it('reports a truncated file as one file-level problem', () => {
    const { buildings, problems } = parseBuildings(new TextDecoder().decode(fixture('truncated.geojson')));
    expect(buildings).toEqual([]);
    expect(problems).toMatchObject([{ row: 0, code: 'bad_json', severity: 'error' }]);
  });
});

describe('CSV export', () => {
  it('neutralises cells that would run as formulas, but keeps numbers', () => {
    for (const bad of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(safeCell(bad).startsWith("'")).toBe(true);
    expect(safeCell('-12.5')).toBe('-12.5');
    expect(safeCell('杭州')).toBe('杭州');
    expect(toCsv(['a'], [{ a: '=1+2' }], { bom: true })).toBe("\uFEFFa\r\n'=1+2\r\n");
  });

  it('round-trips enterprises through CSV, 18-digit codes and leading zeros included', () => {
    const { text } = decodeText(fixture('gbk-title-row.csv'));
    const first = parseEnterprisesCsv(text).enterprises.filter((e) => !e.name.startsWith('='));
    first.forEach((e, k) => (e.extra['邮编'] = k === 0 ? '011000' : '310000'));
    const again = parseEnterprisesCsv(enterprisesToCsv(first, { bom: true })).enterprises;
    expect(again.map(({ row: _row, ...e }) => e)).toEqual(first.map(({ row: _row, ...e }) => e));
  });
});

describe('dataset folder', () => {
  it('is unusable without enterprises.csv, with a clear problem', () => {
    const parsed = parseDatasetFiles({ 'zones.geojson': '{"type":"FeatureCollection","features":[]}' });
    expect(parsed.unusable).toBe(true);
    expect(parsed.problems[0]).toMatchObject({ code: 'missing_file', file: 'enterprises.csv' });
  });

  it('converts GCJ-02 coordinates when dataset.json says so', () => {
    const csv = 'id,name,lon,lat\nA,甲,120.1745,30.2546\n';
    const wgs = parseDatasetFiles({ 'enterprises.csv': csv }).dataset.enterprises[0];
    const gcj = parseDatasetFiles({ 'enterprises.csv': csv, 'dataset.json': '{"crs":"gcj02"}' }).dataset.enterprises[0];
    expect(wgs.lon).toBe(120.1745);
    expect(gcj.lon).not.toBe(120.1745);
    expect(Math.abs((gcj.lon as number) - 120.1745)).toBeLessThan(0.01);
  });
});

describe('enterprises outside the dataset', () => {
  it('flags a point outside every district of areas.geojson, and keeps the row', () => {
    const areas = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: '330103', name: '下城区', level: 'district' }, geometry: { type: 'Polygon', coordinates: [[[120.15, 30.26], [120.2, 30.26], [120.2, 30.3], [120.15, 30.3], [120.15, 30.26]]] } }],
    });
    const csv = 'id,name,lon,lat\nIN,甲,120.17,30.28\nOUT,乙,120.5,30.5\n';
    const parsed = parseDatasetFiles({ 'enterprises.csv': csv, 'areas.geojson': areas });
    expect(parsed.dataset.enterprises).toHaveLength(2);
    expect(parsed.problems.filter((p) => p.code === 'outside_areas')).toMatchObject([{ row: 3, value: '120.5,30.5' }]);
  });
});

describe('the campaign columns (dataset contract additions)', () => {
  const zhCsv = [
    '编号,企业名称,经度,纬度,正式党员,组织关系在外党员,组织关系所在,已转入党员,转接状态,工会,共青团,妇联,重点企业类别,联系人,成立日期',
    'E1,甲公司,120.1,30.2,1,3,人才中心；原籍,1,转接中,是,否,,亿元以上,王书记,2011/6/30',
    'E2,乙公司,120.1,30.2,0,x,,-1,不知道,也许,1,0,,,2011-02-30',
    'E3,丙公司,120.1,30.2,2,2,流动党委,5,已转接,,,,双重管理,,40724',
  ].join('\n');

  it('reads Chinese headers, normalizes the places, and keeps blank as unknown', () => {
    const { enterprises } = parseEnterprisesCsv(zhCsv);
    expect(enterprises[0]).toMatchObject({
      membersElsewhere: 3, membersElsewhereAt: '市人才中心;原籍', membersTransferred: 1, transferStatus: 'in_progress', tradeUnion: true, youthLeague: false,
      womensFederation: null, keyCategory: '亿元以上', liaison: '王书记', registeredOn: '2011-06-30',
    });
    expect(enterprises[2]).toMatchObject({ membersElsewhere: 2, membersTransferred: 2, transferStatus: 'done', keyCategory: '双重管理', liaison: '', registeredOn: '2011-06-30' });
  });

  it('reports each bad value with its row, column and raw value, and keeps the row', () => {
    const { enterprises, problems } = parseEnterprisesCsv(zhCsv);
    expect(enterprises).toHaveLength(3);
    const of = (row: number) => problems.filter((p) => p.row === row).map((p) => [p.column, p.value, p.code]);
    expect(of(3)).toEqual([
      ['members_elsewhere', 'x', 'not_a_number'], ['members_transferred', '-1', 'negative_count'], ['transfer_status', '不知道', 'bad_value'],
      ['union', '也许', 'bad_boolean'], ['registered_on', '2011-02-30', 'bad_value'],
    ]);
    expect(enterprises[1]).toMatchObject({ membersElsewhere: null, membersTransferred: null, transferStatus: null, tradeUnion: null, youthLeague: true, womensFederation: false, registeredOn: null });
    // More transferred than found elsewhere: taken as all transferred, and said so.
    expect(of(4)).toEqual([['members_transferred', '5', 'bad_value']]);
    expect(problems.find((p) => p.row === 4)?.message).toContain('多于组织关系在外党员');
  });

  it('reads English headers too; a file without the columns leaves them absent (an import keeps what is stored)', () => {
    const en = parseEnterprisesCsv('id,name,lon,lat,members_elsewhere,members_transferred,union,key_category,registered_on\nX,x,120,30,4,0,true,优势成长型,2009-01-02').enterprises[0];
    expect(en).toMatchObject({ membersElsewhere: 4, membersTransferred: 0, tradeUnion: true, keyCategory: '优势成长型', registeredOn: '2009-01-02' });
    expect('youthLeague' in en).toBe(false);
    const plain = parseEnterprisesCsv('id,name,lon,lat\nY,y,120,30').enterprises[0];
    expect(['membersElsewhere', 'tradeUnion', 'keyCategory', 'registeredOn'].some((k) => k in plain)).toBe(false);
    expect(enterprisesToCsv([plain]).split('\r\n')[0]).toBe('id,name,credit_code,district,street,address,lon,lat,employees,party_members,probationary_members,registered_capital,industry,status,owner_is_member,org_id,work_covered');
  });

  it('round-trips through the contract CSV', () => {
    const first = parseEnterprisesCsv(zhCsv).enterprises;
    const csv = enterprisesToCsv(first, { bom: true });
    expect(csv.split('\r\n')[0]).toContain('members_elsewhere,members_elsewhere_at,members_transferred,transfer_status,union,youth_league,womens_federation,key_category,liaison,registered_on');
    const again = parseEnterprisesCsv(csv);
    expect(again.problems.filter((p) => p.column !== 'lon,lat')).toEqual([]);
    expect(again.enterprises.map(({ row: _row, ...e }) => e)).toEqual(first.map(({ row: _row, ...e }) => e));
  });
});
