/** Names, not codes: the history's field labels and staff names, import labels, dataset and recommendation names, file names. */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/ui/i18n';
import { historyChanges, localTime, staffName } from '../../src/ui/history-lines';
import { columnLabel, problemMessage, problemName } from '../../src/ui/import-labels';
import { datasetDisplayName, datasetPlace, exportFileName, joinMessages, joinNames, planItemTitle, recommendationName, withAside } from '../../src/ui/names';
import { formatPercent } from '../../src/ui/format';
import { problem } from '../../src/core/io/problems';
import type { PlanView } from '../../src/core/model/plan-view';
import type { AuditEntry } from '../../src/core/model/records';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const areaName = (code: string) => ({ '330109': '萧山区', '330109105': '临浦镇' })[code] ?? code;

const edit: AuditEntry = {
  at: '2026-12-01T13:05:00Z', userId: '00000000-0000-4000-8000-000000000001', action: 'update',
  oldRow: { party_members: 4, street_id: '330109104', owner_is_member: null, version: 1, updated_at: 'x' },
  newRow: { party_members: 6, street_id: '330109105', owner_is_member: true, version: 2, updated_at: 'y' },
};

describe('edit history in the planner\'s words', () => {
  it('field labels, old → new, yes/no and area names; bookkeeping columns left out', () => {
    expect(historyChanges(zh, edit, areaName).map((c) => zh('history.change', { field: c.label, before: c.before, after: c.after }))).toEqual([
      '正式党员：4 → 6', '乡镇街道：330109104 → 临浦镇', '业主是否党员：未填 → 是',
    ]);
    expect(historyChanges(en, edit, areaName).map((c) => c.label)).toEqual(['Formal members', 'Town / street', 'Owner is a member']);
  });

  it('the staff member by name and the time in local format, never "操作人 00000000"', () => {
    expect(staffName(zh, edit.userId)).toBe('本机用户');
    expect(staffName(en, null)).toBe('system');
    expect(staffName(zh, 'abcdef12-3456')).toBe('工作人员（abcdef12）');
    const shown = localTime(edit.at, 'zh-CN');
    expect(shown).toMatch(/^2026\/12\/0?1 \d{2}:\d{2}$/);
    expect(shown).not.toContain('T');
  });
});

describe('import preview labels', () => {
  it('columns and problems in the UI language, messages rebuilt with the label', () => {
    expect(columnLabel(zh, 'party_members')).toBe('正式党员');
    expect(columnLabel(en, 'lon,lat')).toBe('Longitude / Latitude');
    expect(problemName(zh, 'credit_code_check')).toBe('信用代码校验位错误');
    const p = problem('enterprises.csv', 3, 'party_members', '2.5', 'not_a_number', 'warning', 'party_members 不是整数', 'party_members is not a whole number');
    expect(problemMessage(zh, 'zh-CN', p)).toBe('“正式党员”应为整数，原值“2.5”未导入，该项留空');
    expect(problemMessage(en, 'en', p)).not.toContain('party_members');
    const code = problem('enterprises.csv', 4, 'credit_code', 'X', 'credit_code_check', 'warning', '统一社会信用代码校验位错误', 'Credit code check character is wrong');
    expect(problemMessage(en, 'en', code)).toBe('Credit code check character is wrong');
  });
});

describe('names for datasets, recommendations and files', () => {
  const view = {
    datasetName: '临浦镇（合成示例数据，试点前）Linpu, synthetic, before the pilot',
    areaList: [{ id: '330109', name: '萧山区', level: 'district', parent: null }],
    enterprises: [{ id: 'LP1', name: '杭州安东实业有限公司' }, { id: 'LP2', name: '杭州方盛实业有限公司' }],
    buildings: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'LB1', name: '临浦商务楼1号' }, geometry: null }] },
    zones: { type: 'FeatureCollection', features: [] },
  } as unknown as PlanView;

  it('the dataset in the UI language', () => {
    expect(datasetDisplayName(view.datasetName, 'zh-CN')).toBe('临浦镇（合成示例数据，试点前）');
    expect(datasetDisplayName(view.datasetName, 'en')).toBe('Linpu, synthetic, before the pilot');
    expect(datasetPlace(view.datasetName, 'zh-CN')).toBe('临浦镇');
    expect(datasetPlace(view.datasetName, 'en')).toBe('Linpu');
  });

  it('a recommendation by the core\'s name in the UI language; a plan item by it without "（建议）"', async () => {
    const rec = { name: '临浦商贸城 第二联合党支部（建议）', name_en: '临浦商贸城 joint branch no. 2 (proposed)' };
    await i18n.changeLanguage('zh-CN');
    expect([recommendationName(rec), planItemTitle(rec)]).toEqual(['临浦商贸城 第二联合党支部（建议）', '临浦商贸城 第二联合党支部']);
    expect(recommendationName(rec, 'en')).toBe('临浦商贸城 joint branch no. 2 (proposed)');
    await i18n.changeLanguage('en');
    expect([recommendationName(rec), planItemTitle(rec)]).toEqual(['临浦商贸城 joint branch no. 2 (proposed)', '临浦商贸城 joint branch no. 2']);
    await i18n.changeLanguage('zh-CN');
  });

  it('file names: scope, content and the local date', async () => {
    await i18n.changeLanguage('zh-CN');
    const today = new Date().toLocaleDateString('sv-SE');
    expect(exportFileName(view, '萧山区', '工作清单', 'xlsx')).toBe(`萧山区_工作清单_${today}.xlsx`);
    expect(exportFileName(view, null, '企业名录', 'csv')).toBe(`临浦镇_企业名录_${today}.csv`);
    expect(exportFileName(view, 'a/b:c', 'x', 'png')).toBe(`abc_x_${today}.png`);
  });

  it('lists and notes in brackets as each language writes them', async () => {
    await i18n.changeLanguage('en');
    expect([joinNames(['Linpu', 'Yiqiao']), joinMessages(['row 2: bad', 'row 3: bad']), withAside('12', '3')]).toEqual(['Linpu, Yiqiao', 'row 2: bad; row 3: bad', '12 (3)']);
    expect(en('names.labelled', { label: 'Leader in charge', value: '许晓明' })).toBe('Leader in charge: 许晓明');
    await i18n.changeLanguage('zh-CN');
    expect([joinNames(['临浦镇', '义桥镇']), joinMessages(['第 2 行', '第 3 行']), withAside('12', '3')]).toEqual(['临浦镇、义桥镇', '第 2 行；第 3 行', '12（3）']);
    expect(zh('names.labelled', { label: '包干领导', value: '许晓明' })).toBe('包干领导：许晓明');
  });

  it('one percentage format everywhere', () => {
    expect(formatPercent(0.00678)).toBe('0.68%');
    expect(formatPercent(0.4391)).toBe('43.91%');
  });
});
