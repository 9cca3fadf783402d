import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFolder, readDemo } from '../support/demo';
import { isMustCover, isOperating, totalMembers } from '../../src/core/model/scope';
import { resolveRules } from '../../src/core/model/types';
import { createPolygonIndex } from '../../src/core/spatial/polygon-index';
import { clusterBuildings } from '../../src/core/spatial/building-clusters';
import { NAMED_ZONES } from '../../src/cli/demo/hangzhou-places';

const DISTRICTS_2011: Record<string, string> = {
  '330102': '上城区', '330103': '下城区', '330104': '江干区', '330105': '拱墅区', '330106': '西湖区', '330108': '滨江区',
  '330109': '萧山区', '330110': '余杭区', '330183': '富阳市', '330185': '临安市', '330122': '桐庐县', '330127': '淳安县', '330182': '建德市',
};

describe('synthetic Hangzhou (figures of the 2011 report, computed from the files)', () => {
  const { dataset, problems } = readDemo('hangzhou');
  const operating = dataset.enterprises.filter((e) => isOperating(e.status));

  it('has 66,953 operating enterprises of which 29,399 are covered: 组建率 43.91%', () => {
    const covered = operating.filter((e) => e.orgId !== '');
    expect(operating).toHaveLength(66_953);
    expect(covered).toHaveLength(29_399);
    expect((covered.length / operating.length).toFixed(4)).toBe('0.4391');
    expect(dataset.enterprises.length).toBeGreaterThan(operating.length);
  });

  it('has the 13 districts and counties of 2011 with their codes, and streets inside them', () => {
    const districts = dataset.areas.filter((a) => a.level === 'district');
    expect(Object.fromEntries(districts.map((d) => [d.id, d.name]))).toEqual(DISTRICTS_2011);
    const streets = dataset.areas.filter((a) => a.level === 'street');
    expect(streets.length).toBeGreaterThan(130);
    for (const d of districts) expect(streets.filter((s) => s.parent === d.id).length, d.name).toBeGreaterThanOrEqual(3);
    const names = streets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('spreads enterprises densely in the city and sparsely in 淳安 and 建德', () => {
    const byDistrict = (name: string) => operating.filter((e) => e.district === name).length;
    expect(byDistrict('西湖区')).toBeGreaterThan(5 * byDistrict('淳安县'));
    expect(byDistrict('下城区')).toBeGreaterThan(2 * byDistrict('建德市'));
    const districtIndex = createPolygonIndex(dataset.areas.filter((a) => a.level === 'district').map((a) => a.geometry));
    const inside = operating.filter((e) => e.lon !== null && districtIndex.locate(e.lon, e.lat as number) >= 0).length;
    expect(inside).toBe(operating.length);
  });

  it('has realistic employee and member distributions', () => {
    const withMembers = operating.filter((e) => totalMembers(e) > 0).length;
    expect(withMembers / operating.length).toBeLessThan(0.5);
    expect(operating.filter((e) => totalMembers(e) >= 100).length).toBeGreaterThan(0);
    const employees = operating.map((e) => e.employees ?? 0).sort((a, b) => a - b);
    expect(employees[Math.floor(employees.length / 2)]).toBeLessThan(20);
    expect(employees[employees.length - 1]).toBeGreaterThan(1000);
  });

  it('has thousands of office buildings, the named zones, and 27 building clusters in 下城区', () => {
    expect(dataset.buildings.length).toBeGreaterThan(2000);
    const zoneNames = new Set(dataset.zones.map((z) => z.name));
    for (const z of NAMED_ZONES) expect(zoneNames.has(z.name), z.name).toBe(true);
    for (const name of ['吴山商圈', '黄龙商圈', '武林路女装街', '中国丝绸城', '南宋御街', '玉皇山南国际创意区', '滨江高新园区']) expect(zoneNames.has(name)).toBe(true);
    const { clusterOf } = clusterBuildings(createPolygonIndex(dataset.buildings.map((b) => b.geometry)), resolveRules({}).buildingClusterGapM);
    const xiacheng = new Set(dataset.buildings.map((b, k) => (b.name.startsWith('下城楼宇社区') ? clusterOf[k] : -1)).filter((c) => c >= 0));
    expect(xiacheng.size).toBe(27);
  });

  it('is labelled synthetic and reads back without errors', () => {
    const meta = JSON.parse(readFileSync(join(demoFolder(), 'hangzhou', 'dataset.json'), 'utf8'));
    expect(meta.synthetic).toBe(true);
    expect(meta.notice).toMatch(/合成|Synthetic/);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('synthetic 临浦镇 before its pilot', () => {
  const { dataset } = readDemo('linpu');
  const rules = resolveRules({});

  it('surveys 587 organizations, none with an organization yet', () => {
    expect(dataset.enterprises).toHaveLength(587);
    expect(dataset.enterprises.every((e) => e.orgId === '' && isOperating(e.status))).toBe(true);
    expect(dataset.organizations).toEqual([]);
  });

  it('has 48 with 3+ formal members: 2 with 100+ members, 2 with 51–99, 44 with 3–50', () => {
    const standalone = dataset.enterprises.filter((e) => (e.partyMembers ?? 0) >= 3).map(totalMembers);
    expect(standalone).toHaveLength(48);
    expect(standalone.filter((m) => m >= 100)).toHaveLength(2);
    expect(standalone.filter((m) => m >= 51 && m <= 99)).toHaveLength(2);
    expect(standalone.filter((m) => m <= 50)).toHaveLength(44);
  });

  it('has 225 must-cover enterprises (30+ employees or any member)', () => {
    expect(dataset.enterprises.filter((e) => isMustCover(e, rules))).toHaveLength(225);
  });
});
