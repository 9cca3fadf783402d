/**
 * The bulletin's XLSX carries what the on-screen bulletin shows: beside the ranking, the overdue and
 * due-soon items, the leader in charge (包干领导), new registrations and how many are covered, and the
 * campaign figures (members held elsewhere / transferred, mass organizations without a Party
 * organization, key enterprises) — headers in the UI language, rates as XLSX percentages, area names
 * (the code in a column of its own), and no cell that starts a formula. Read back from the file.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { i18n } from '../../src/ui/i18n';
import { exportText } from '../../src/ui/export-text';
import { exportBulletinXlsx } from '../../src/core/io/exports';
import { readXlsxRows } from '../../src/core/io/xlsx';
import { bulletinRows, type SnapshotFigures } from '../../src/core/bulletin/bulletin';
import type { PlanView } from '../../src/core/model/plan-view';

const areas = [
  { id: '330109', name: '萧山区', level: 'district' as const, parent: null },
  { id: '330110', name: '+余杭区', level: 'district' as const, parent: null },
];
const view = { datasetName: 'test', areaList: areas, enterprises: [], buildings: { type: 'FeatureCollection', features: [] }, zones: { type: 'FeatureCollection', features: [] } } as unknown as PlanView;

const base = { organizations: 10, planItemsFormed: 2, ownOrg: 5, sixClearsComplete: 50 };
const snapshots: SnapshotFigures[] = [
  { ...base, takenOn: '2026-11-16', areaId: '330109', enterprises: 100, covered: 40, mustCover: 20, mustCoverCovered: 10 },
  {
    ...base, takenOn: '2026-12-01', areaId: '330109', enterprises: 100, covered: 44, mustCover: 20, mustCoverCovered: 12, organizations: 12,
    overdue: 3, dueSoon: 2, leader: '=HYPERLINK("x")', newRegistrations: 8, newRegistrationsCovered: 2, membersElsewhere: 30, membersTransferred: 6, massOrgNoParty: 4, keyEnterprises: 7,
  },
  // An older kind of snapshot: no follow-up or campaign figures (the cells stay empty, as the screen shows —).
  { ...base, takenOn: '2026-12-01', areaId: '330110', enterprises: 50, covered: 10, mustCover: 10, mustCoverCovered: 1 },
];

async function formats(bytes: Uint8Array): Promise<{ header: string[]; row: (ExcelJS.CellValue)[]; formats: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  return { header, row: header.map((_, k) => ws.getRow(2).getCell(k + 1).value), formats: header.map((_, k) => ws.getRow(2).getCell(k + 1).numFmt ?? '') };
}

describe('the bulletin XLSX', () => {
  const rows = bulletinRows(snapshots, areas, '2026-12-01', 'district');

  it('in Chinese: every column the screen shows, area names, percentages, no formula', async () => {
    const bytes = await exportBulletinXlsx(rows, '2026-12-01', exportText(i18n.getFixedT('zh-CN'), view, 'zh-CN'));
    const text = await readXlsxRows(bytes);
    const col = (h: string) => {
      const k = text[0].indexOf(h);
      if (k < 0) throw new Error(`no column ${h} in ${text[0].join(', ')}`);
      return k;
    };
    expect(text[0].slice(0, 3)).toEqual(['名次', '地区', '组建率']);
    const first = text[1];
    expect(first[col('地区')]).toBe('萧山区');
    expect(first[col('区划代码')]).toBe('330109');
    expect(first[col('逾期事项')]).toBe('3');
    expect(first[col('7日内到期')]).toBe('2');
    expect(first[col('包干领导')]).toBe(`'=HYPERLINK("x")`);
    expect(first[col('新登记企业')]).toBe('8');
    expect(first[col('新登记已覆盖')]).toBe('2');
    expect(first[col('组织关系在外党员')]).toBe('30');
    expect(first[col('已转入党员')]).toBe('6');
    expect(first[col('已建群团未建党组织')]).toBe('4');
    expect(first[col('重点企业')]).toBe('7');
    expect(first[col('新建党组织')]).toBe('2');
    // The older snapshot: no figures recorded, empty cells (not 0); its name starting with '+' is not a formula.
    const second = text[2];
    expect(second[col('地区')]).toBe("'+余杭区");
    expect([second[col('逾期事项')], second[col('包干领导')], second[col('新登记企业')], second[col('组织关系在外党员')]]).toEqual(['', '', '', '']);
    for (const row of text) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const f = await formats(bytes);
    for (const h of ['组建率', '应建组建率', '六清完整率', '新登记覆盖率']) expect(f.formats[f.header.indexOf(h)], h).toBe('0.00%');
    expect(f.row[f.header.indexOf('组建率')]).toBeCloseTo(0.44, 10);
    expect(f.row[f.header.indexOf('应建组建率')]).toBeCloseTo(0.6, 10);
    expect(f.row[f.header.indexOf('新登记覆盖率')]).toBeCloseTo(0.25, 10);
    expect(typeof f.row[f.header.indexOf('逾期事项')]).toBe('number');
  });

  it('in English: English headers for the same columns', async () => {
    const bytes = await exportBulletinXlsx(rows, '2026-12-01', exportText(i18n.getFixedT('en'), view, 'en'));
    const [header, first] = await readXlsxRows(bytes);
    for (const h of ['Rank', 'Area', 'Coverage rate', 'Overdue items', 'Due within 7 days', 'Leader in charge', 'New registrations', 'New registrations covered',
      'Members with relationship elsewhere', 'Mass organizations, no Party organization', 'Key enterprises', 'Area code']) expect(header, h).toContain(h);
    expect(first[header.indexOf('Area')]).toBe('萧山区');
    expect(first[header.indexOf('Due within 7 days')]).toBe('2');
    for (const h of header) expect(h).not.toMatch(/[\u3400-\u9fff]/);
  });
});
