/** The campaign's figures in the demo data (issue 16), read back from the generated files (a temporary folder). */
import { describe, expect, it } from 'vitest';
import { readDemo } from '../support/demo';
import { isOperating } from '../../src/core/model/scope';
import { campaignFigures, isMassOrgWithoutParty, pendingTransfers } from '../../src/core/campaign/members';
import { planDataset } from '../../src/core/plan';

describe('synthetic Hangzhou: members whose relationship is held elsewhere (source: 4,800+, 800+ transferred)', () => {
  const { dataset, problems } = readDemo('hangzhou');
  const operating = dataset.enterprises.filter((e) => isOperating(e.status));
  const inDistrict = (name: string) => operating.filter((e) => e.district === name);
  const elsewhere = (list: typeof operating) => list.reduce((n, e) => n + (e.membersElsewhere ?? 0), 0);

  it('4,800+ members working in the districts\' enterprises, with the source\'s split', () => {
    expect(elsewhere(operating)).toBeGreaterThanOrEqual(4800);
    expect(elsewhere(operating)).toBeLessThan(4900);
    const split = Object.fromEntries(['上城区', '下城区', '江干区', '拱墅区', '西湖区'].map((d) => [d, elsewhere(inDistrict(d))]));
    expect(split['上城区']).toBeGreaterThan(600);
    expect(split['上城区']).toBeLessThan(700);
    expect(split['下城区']).toBeGreaterThan(800);
    expect(split['下城区']).toBeLessThan(900);
    expect(split['江干区']).toBe(600);
    expect(split['拱墅区']).toBeGreaterThan(580);
    expect(split['拱墅区']).toBeLessThan(600);
    expect(split['西湖区']).toBeGreaterThan(1700);
    expect(split['西湖区']).toBeLessThan(1800);
  });

  it('800+ transferred, all from the 市人才中心 and counted among the formal members', () => {
    const transferred = operating.reduce((n, e) => n + (e.membersTransferred ?? 0), 0);
    expect(transferred).toBeGreaterThanOrEqual(800);
    expect(transferred).toBeLessThan(900);
    for (const e of operating.filter((x) => (x.membersTransferred ?? 0) > 0)) {
      expect(e.membersElsewhereAt).toContain('市人才中心');
      expect(e.partyMembers ?? 0).toBeGreaterThanOrEqual(e.membersTransferred ?? 0);
      expect(e.transferStatus).toBe(pendingTransfers(e) === 0 ? 'done' : 'in_progress');
    }
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('the overview\'s counts come out of the same files: mass organizations without a Party organization most in 拱墅区, 103 dual-managed', () => {
    const result = planDataset(dataset, { compareWithGreedy: false });
    const { total, areas } = campaignFigures(dataset.enterprises, dataset.areas.length, result.district, result.street);
    expect(total.members_elsewhere).toBe(elsewhere(operating));
    const districts = dataset.areas.map((a, k) => [a, areas[k]] as const).filter(([a]) => a.level === 'district');
    const most = districts.reduce((best, x) => (x[1].mass_org_no_party / Math.max(1, inDistrict(x[0].name).length) > best[1].mass_org_no_party / Math.max(1, inDistrict(best[0].name).length) ? x : best));
    expect(most[0].name).toBe('拱墅区');
    expect(total.mass_org_no_party).toBe(operating.filter(isMassOrgWithoutParty).length);
    expect(operating.filter((e) => e.keyCategory === '双重管理')).toHaveLength(103);
    expect(operating.filter((e) => e.keyCategory === '亿元以上').length).toBeGreaterThan(10);
    expect(operating.filter((e) => e.keyCategory).every((e) => (e.liaison ?? '') !== '')).toBe(true);
  });
});

describe('synthetic 临浦镇: the same columns, the pilot\'s figures unchanged', () => {
  const { dataset } = readDemo('linpu');
  it('has members elsewhere, mass organizations and 双强 key enterprises', () => {
    expect(dataset.enterprises.reduce((n, e) => n + (e.membersElsewhere ?? 0), 0)).toBe(60);
    expect(dataset.enterprises.reduce((n, e) => n + (e.membersTransferred ?? 0), 0)).toBe(12);
    expect(dataset.enterprises.filter(isMassOrgWithoutParty).length).toBeGreaterThan(20);
    expect(dataset.enterprises.filter((e) => e.keyCategory).length).toBeGreaterThan(5);
    expect(dataset.enterprises.filter((e) => (e.partyMembers ?? 0) >= 3)).toHaveLength(48);
  });
});
