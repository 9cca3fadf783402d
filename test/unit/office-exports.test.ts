/** Office-ready exports: headers in the reader's language, area names with the codes beside them, rates as percentages, no formulas. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { i18n } from '../../src/ui/i18n';
import { exportText } from '../../src/ui/export-text';
import { CHINESE_TEXT, exportAreasXlsx, exportBulletinXlsx, exportEnterprisesCsv, exportEnterprisesXlsx, exportReportXlsx, exportWorklistXlsx } from '../../src/core/io/exports';
import { parseEnterpriseRows } from '../../src/core/io/enterprises-csv';
import { readXlsxRows } from '../../src/core/io/xlsx';
import { planDataset } from '../../src/core/plan';
import { readDemo } from '../support/demo';
import type { PlanView } from '../../src/core/model/plan-view';
import type { Enterprise } from '../../src/core/model/types';

const firm: Enterprise = {
  row: 2, id: 'LP1', name: '=HYPERLINK("x")', creditCode: '913301096337095044', district: '330109', street: '330109105', address: '人民路 1 号', lon: 120.25, lat: 30.06,
  employees: 40, partyMembers: 1, probationaryMembers: 0, registeredCapital: 100, industry: '制造业', status: '在营', ownerIsMember: true, orgId: '', workCovered: false, extra: {},
};
const view = {
  datasetName: '临浦镇（合成示例数据）Linpu, synthetic',
  areaList: [{ id: '330109', name: '萧山区', level: 'district', parent: null }, { id: '330109105', name: '临浦镇', level: 'street', parent: '330109' }],
  enterprises: [firm], buildings: { type: 'FeatureCollection', features: [] }, zones: { type: 'FeatureCollection', features: [] },
} as unknown as PlanView;

async function cellFormats(bytes: Uint8Array, sheet = 0): Promise<{ header: string[]; formats: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[sheet];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const formats = header.map((_, k) => ws.getRow(2).getCell(k + 1).numFmt ?? '');
  return { header, formats };
}

describe('office-ready exports', () => {
  const zh = exportText(i18n.getFixedT('zh-CN'), view, 'zh-CN');
  const en = exportText(i18n.getFixedT('en'), view, 'en');
  const worklistRow = { enterprise: firm, planItem: null, recommendationId: 'J-1', recommendationKind: '联合党支部', recommendationName: '人民路 联合党支部' };

  it('the worklist: Chinese headers, area names (codes in their own columns), recommendation by name, no formula', async () => {
    const rows = await readXlsxRows(await exportWorklistXlsx([worklistRow], zh));
    const col = (h: string) => rows[0].indexOf(h);
    expect(rows[0].slice(0, 5)).toEqual(['编号', '企业名称', '统一社会信用代码', '区县', '乡镇街道']);
    expect(rows[1][col('区县')]).toBe('萧山区');
    expect(rows[1][col('乡镇街道')]).toBe('临浦镇');
    expect(rows[1][col('区县代码')]).toBe('330109');
    expect(rows[1][col('规划建议')]).toBe('人民路 联合党支部');
    expect(rows[1][col('计划项')]).toBe('未列入计划');
    expect(rows[1][col('企业名称')]).toBe('\'=HYPERLINK("x")');
  });

  it('in English when the UI is in English', async () => {
    const rows = await readXlsxRows(await exportWorklistXlsx([worklistRow], en));
    expect(rows[0].slice(0, 5)).toEqual(['ID', 'Name', 'Credit code', 'District', 'Town / street']);
    expect(rows[1][rows[0].indexOf('Plan item')]).toBe('Not in any plan');
  });

  it('the enterprise CSV names areas and keeps the codes; without text it stays the dataset contract', () => {
    const csv = exportEnterprisesCsv([firm], zh).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0].split(',').slice(0, 5)).toEqual(['编号', '企业名称', '统一社会信用代码', '区县', '乡镇街道']);
    expect(csv[1]).toContain(',萧山区,临浦镇,');
    expect(csv[0]).toContain('区县代码');
    expect(exportEnterprisesCsv([firm]).replace(/^\uFEFF/, '').startsWith('id,name,credit_code')).toBe(true);
  });

  it('rates are numbers formatted as percentages, in the area table, the report and the bulletin', async () => {
    const { dataset } = readDemo('linpu');
    const { report } = planDataset(dataset);
    const areas = await cellFormats(await exportAreasXlsx(report.areas, zh));
    expect(areas.header[0]).toBe('名称');
    expect(areas.formats[areas.header.indexOf('组建率')]).toBe('0.00%');
    expect(areas.formats[areas.header.indexOf('单独组建率')]).toBe('0.00%');
    const rates = await cellFormats(await exportReportXlsx(report, zh), 1);
    expect(rates.formats[1]).toBe('0.00%');
    const bulletin = await cellFormats(await exportBulletinXlsx([{ rank: 1, name: '萧山区', coverageRate: 0.4391, pointsGained: 1.2, newOrganizations: 1, newlyCovered: 3, planItemsDone: 1, enterprises: 100, covered: 44, sixClearsRate: 0.9 }], '2026-12-01', CHINESE_TEXT));
    expect(bulletin.header[1]).toBe('地区');
    expect(bulletin.formats[bulletin.header.indexOf('组建率')]).toBe('0.00%');
    const recs = await readXlsxRows(await exportReportXlsx(report, zh));
    expect(recs[0][0]).toBe('指标');
  });
});

describe('office exports of the campaign columns', () => {
  const campaignFirm: Enterprise = {
    ...firm, membersElsewhere: 3, membersElsewhereAt: '市人才中心;原籍', membersTransferred: 1, transferStatus: 'in_progress', transferOn: '2011-10-20',
    tradeUnion: true, youthLeague: false, womensFederation: null, keyCategory: '亿元以上', liaison: '王书记', registeredOn: '2008-03-01',
  };
  it('XLSX in Chinese: named headers and words, read back into the same fields', async () => {
    const zh = exportText(i18n.getFixedT('zh-CN'), view, 'zh-CN');
    const rows = await readXlsxRows(await exportEnterprisesXlsx([campaignFirm], zh));
    const col = (h: string) => rows[0].indexOf(h);
    expect(rows[1][col('组织关系在外党员')]).toBe('3');
    expect(rows[1][col('转接状态')]).toBe('转接中');
    expect(rows[1][col('工会')]).toBe('是');
    expect(rows[1][col('共青团')]).toBe('否');
    expect(rows[1][col('妇联')]).toBe('');
    const back = parseEnterpriseRows(rows).enterprises[0];
    const pick = (e: Enterprise) => [e.membersElsewhere, e.membersElsewhereAt, e.membersTransferred, e.transferStatus, e.transferOn, e.tradeUnion, e.youthLeague, e.womensFederation, e.keyCategory, e.liaison, e.registeredOn];
    expect(pick(back)).toEqual(pick(campaignFirm));
  });
  it('in English: English headers and words', async () => {
    const en = exportText(i18n.getFixedT('en'), view, 'en');
    const rows = await readXlsxRows(await exportEnterprisesXlsx([campaignFirm], en));
    expect(rows[0]).toContain('Members with relationship elsewhere');
    expect(rows[1][rows[0].indexOf('Transfer status')]).toBe('In progress');
  });
});
