import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/core/scenarios';
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
    };
    const rows = await readXlsxRows(await exportScenariosXlsx(comparison, text));
    expect(rows[0].slice(0, 3)).toEqual(['地区', '层级', '现行: 应建未建']);
    expect(rows[0][7].startsWith('=')).toBe(false);
    expect(rows[0][7]).toContain('1+2: 应建未建');
    expect(rows).toHaveLength(comparison.rows.length + 1);
    const total = comparison.rows[0].figures;
    expect(rows[1]).toEqual(['合计', '', ...total.flatMap((f) => [f.mustCover, f.mustCoverInOrgs, f.newOrgs, f.workCoverage, f.umbrellas].map(String))]);
  });
});
