import { describe, expect, it } from 'vitest';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import type { Dataset, Enterprise } from '../../src/core/model/types';

const { dataset } = readDemo('linpu');
const ids = (d: Dataset) => planDataset(d, { compareWithGreedy: false }).report.recommendations.map((r) => r.id);

describe('recommendation ids and names', () => {
  const report = planDataset(dataset).report;

  it('are unique, and every recommendation has a name in Chinese and English', () => {
    expect(new Set(report.recommendations.map((r) => r.id)).size).toBe(report.recommendations.length);
    for (const r of report.recommendations) {
      expect(r.name, r.id).toMatch(/（建议）$/);
      expect(r.name_en, r.id).toMatch(/\(proposed\)$/);
    }
    const inBuilding = report.recommendations.find((r) => r.kind === 'joint_branch' && r.reason_codes.includes('joint_building_cluster'));
    expect(inBuilding?.name).toMatch(/楼宇 联合党支部|楼宇第.联合党支部/);
  });

  it('are the same when the same register is planned again', () => {
    expect(ids(structuredClone(dataset))).toEqual(report.recommendations.map((r) => r.id));
  });

  it('do not depend on the order the places come in (the store returns them ordered by id, the files as written)', () => {
    const reordered = structuredClone(dataset);
    reordered.buildings.reverse();
    reordered.zones.reverse();
    reordered.areas.reverse();
    const again = planDataset(reordered, { compareWithGreedy: false }).report.recommendations;
    expect(again.map((r) => [r.id, r.name])).toEqual(report.recommendations.map((r) => [r.id, r.name]));
  });

  it('stay the same for every other recommendation after an unrelated edit (one enterprise added far away)', () => {
    const far: Enterprise = {
      ...dataset.enterprises[0], row: 99_999, id: 'FAR-1', name: '远方企业', creditCode: '', district: '', street: '', address: '', orgId: '', status: '正常',
      lon: (dataset.enterprises[0].lon as number) + 0.5, lat: (dataset.enterprises[0].lat as number) + 0.5,
      employees: 40, partyMembers: 0, probationaryMembers: 0,
    };
    const before = new Set(report.recommendations.map((r) => r.id));
    const after = new Set(ids({ ...dataset, enterprises: [...dataset.enterprises, far] }));
    expect([...before].filter((id) => !after.has(id))).toEqual([]);
    expect(after.size).toBe(before.size + 1);
  });

  it('change when a recommendation’s members change', () => {
    const branch = report.recommendations.find((r) => r.kind === 'joint_branch' && r.enterprise_ids.length >= 3);
    expect(branch).toBeDefined();
    const dropped = (branch as { enterprise_ids: string[] }).enterprise_ids[0];
    const edited = { ...dataset, enterprises: dataset.enterprises.map((e) => (e.id === dropped ? { ...e, orgId: 'EXISTING' } : e)) };
    expect(ids(edited)).not.toContain(branch?.id);
  });
});

describe('planning', () => {
  it('never mutates its input', () => {
    const copy = structuredClone(dataset);
    planDataset(copy, { compareWithGreedy: true });
    expect(copy).toEqual(dataset);
    const frozen = structuredClone(dataset);
    const deepFreeze = (o: unknown): void => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) {
        Object.freeze(o);
        for (const v of Object.values(o)) deepFreeze(v);
      }
    };
    deepFreeze(frozen);
    expect(() => planDataset(frozen, { rules: { jointMaxUnits: 8 } })).not.toThrow();
  });
});
