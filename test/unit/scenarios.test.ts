import { describe, expect, it } from 'vitest';
import { compareScenarios, flagsAfterRecommendations } from '../../src/core/scenarios';
import { coverageCategory } from '../../src/core/coverage/category';
import { Flag } from '../../src/core/model/enterprise-table';
import { planDataset } from '../../src/core/plan';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import { readDemo } from '../support/demo';
import { exportScenariosXlsx } from '../../src/core/io/scenario-export';
import { readXlsxRows } from '../../src/core/io/xlsx';

describe('scenarios side by side', () => {
  const { dataset } = readDemo('linpu');
  const scenarios = [
    { name: '≤5', rules: {} },
    { name: '≤8, 1500 m', rules: { jointMaxUnits: 8, jointMaxSpanM: 1500 } },
    { name: 'from 50', rules: { mustCoverMinEmployees: 50 } },
  ];
  const comparison = compareScenarios(dataset, scenarios);

  it('totals each scenario as its own plan does', () => {
    expect(comparison.scenarios.map((s) => s.name)).toEqual(scenarios.map((s) => s.name));
    scenarios.forEach((scenario, k) => {
      const { report } = planDataset({ ...dataset, rules: scenario.rules }, { compareWithGreedy: false });
      const total = comparison.rows[0].figures[k];
      expect(total).toEqual({
        mustCover: report.plan_effect.uncovered_must_cover,
        mustCoverInOrgs: report.plan_effect.must_cover_in_orgs,
        newOrgs: report.plan_effect.new_orgs,
        workCoverage: report.recommendations.filter((r) => r.kind === 'work_coverage').reduce((n, r) => n + r.enterprise_ids.length, 0),
        umbrellas: report.recommendations.filter((r) => UMBRELLA_KINDS.has(r.kind)).length,
      });
    });
  });

  it('the streets of a district add up to no more than it, and the profiles differ', () => {
    const streets = comparison.rows.filter((r) => r.level === 'street');
    for (const k of scenarios.keys()) {
      const total = comparison.rows[0].figures[k];
      expect(streets.reduce((n, r) => n + r.figures[k].mustCover, 0)).toBeLessThanOrEqual(total.mustCover);
      expect(streets.reduce((n, r) => n + r.figures[k].mustCoverInOrgs, 0)).toBeLessThanOrEqual(total.mustCoverInOrgs);
    }
    expect(comparison.rows[0].figures[2].mustCover).toBeLessThan(comparison.rows[0].figures[0].mustCover);
    expect(comparison.rows[0].figures[1]).not.toEqual(comparison.rows[0].figures[0]);
  });
});

describe('scenario export', () => {
  it('writes one row per area with every scenario\'s figures as numbers, and no header that starts a formula', async () => {
    const { dataset } = readDemo('linpu');
    const comparison = compareScenarios(dataset, [{ name: '现行', rules: {} }, { name: '=1+2', rules: { jointMaxUnits: 0 } }]);
    const text = {
      sheet: '方案比较', area: '地区', level: '层级', total: '合计', levels: { district: '区县', street: '乡镇街道' } as const,
      figures: { mustCover: '应建未建', mustCoverInOrgs: '应建入组织', newOrgs: '新建组织', workCoverage: '工作覆盖', umbrellas: '上级组织' },
      column: (scenario: string, figure: string) => `${scenario}：${figure}`,
    };
    const rows = await readXlsxRows(await exportScenariosXlsx(comparison, text));
    expect(rows[0].slice(0, 3)).toEqual(['地区', '层级', '现行：应建未建']);
    expect(rows[0][7].startsWith('=')).toBe(false);
    expect(rows[0][7]).toContain('1+2：应建未建');
    expect(rows).toHaveLength(comparison.rows.length + 1);
    const total = comparison.rows[0].figures;
    expect(rows[1]).toEqual(['合计', '', ...total.flatMap((f) => [f.mustCover, f.mustCoverInOrgs, f.newOrgs, f.workCoverage, f.umbrellas].map(String))]);
  });
});

describe('scenario maps (the side-by-side view of two scenarios)', () => {
  const { dataset } = readDemo('linpu');
  const rules = [{}, { mustCoverMinEmployees: 50 }];
  const comparison = compareScenarios(dataset, rules.map((r, k) => ({ name: String(k), rules: r })), { sides: true });

  it('each side is its plan with every recommendation formed: flags and categories in register order', () => {
    expect(comparison.sides).toHaveLength(2);
    rules.forEach((r, k) => {
      const result = planDataset({ ...dataset, rules: r }, { compareWithGreedy: false });
      const index = new Map(result.table.ids.map((id, i) => [id, i]));
      const flags = flagsAfterRecommendations(result.table.flags, index, result.report.recommendations);
      const side = comparison.sides![k];
      expect(side.flags).toEqual(flags);
      expect(Array.from(side.categories)).toEqual(Array.from(flags, (f) => coverageCategory(f)));
      expect(side.flags).toHaveLength(dataset.enterprises.length);
      // Every enterprise a standalone or joint recommendation names is covered on its side.
      for (const rec of result.report.recommendations.filter((x) => x.kind === 'standalone' || x.kind === 'joint_branch')) {
        for (const id of rec.enterprise_ids) expect(side.flags[index.get(id)!] & Flag.COVERED).toBeTruthy();
      }
    });
    // A higher must-cover threshold leaves some enterprises outside every organization.
    const differ = comparison.sides![0].categories.filter((c, i) => c !== comparison.sides![1].categories[i]).length;
    expect(differ).toBeGreaterThan(0);
  });

  it('groups: members of one organization share a number, and a larger unit limit regroups enterprises whose colour stays', () => {
    const result = planDataset(dataset, { compareWithGreedy: false });
    const index = new Map(result.table.ids.map((id, i) => [id, i]));
    const { groups } = comparison.sides![0];
    const seen = new Set<number>();
    for (const rec of result.report.recommendations.filter((x) => x.kind === 'joint_branch' || x.kind === 'standalone' || x.kind === 'work_coverage')) {
      const keys = new Set(rec.enterprise_ids.map((id) => groups[index.get(id)!]));
      expect(keys.size).toBe(1);
      const [key] = keys;
      expect(key).not.toBe(0);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const inNone = result.table.ids.filter((_, i) => groups[i] === 0).length;
    expect(inNone).toBe(result.table.ids.length - result.report.recommendations.filter((x) => x.kind === 'joint_branch' || x.kind === 'standalone' || x.kind === 'work_coverage' || x.kind === 'association_branch').reduce((n, x) => n + x.enterprise_ids.length, 0));

    const [now, larger] = compareScenarios(dataset, [{ name: 'a', rules: {} }, { name: 'b', rules: { jointMaxUnits: 8 } }], { sides: true }).sides!;
    const regrouped = now.groups.filter((g, i) => g !== larger.groups[i] && now.categories[i] === larger.categories[i]).length;
    expect(regrouped).toBeGreaterThan(0);
  });

  it('without `sides` none are made; with a limit they keep the first N enterprises', () => {
    expect(compareScenarios(dataset, [{ name: 'a', rules: {} }]).sides).toBeUndefined();
    const limited = compareScenarios(dataset, [{ name: 'a', rules: {} }], { sides: true, limit: 100 });
    expect(limited.sides![0].categories).toHaveLength(100);
    expect(Array.from(limited.sides![0].groups)).toEqual(Array.from(comparison.sides![0].groups.slice(0, 100)));
    expect(Array.from(limited.sides![0].categories)).toEqual(Array.from(comparison.sides![0].categories.slice(0, 100)));
  });
});
