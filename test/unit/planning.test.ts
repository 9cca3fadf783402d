import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPlanItem } from '../../src/core/recommend/plan-item-check';
import { DEFAULT_RULES, type Enterprise } from '../../src/core/model/types';
import { distanceM } from '../../src/core/spatial/geo';
import { pointsInPolygon } from '../../src/core/spatial/points-in-polygon';
import { summarize } from '../../src/core/coverage/coverage';
import { Flag } from '../../src/core/model/enterprise-table';
import { newDraft, usePlanningStore } from '../../src/state/planning';
import { filterMask, EMPTY_FILTER } from '../../src/state/filter';
import { planDataset } from '../../src/core/plan';
import { coverageCategory, CoverageCategory } from '../../src/core/coverage/category';
import type { PlanView } from '../../src/core/model/plan-view';
import { readDemo } from '../support/demo';

const firm = (id: string, over: Partial<Enterprise> = {}): Enterprise => ({
  row: 2, id, name: id, creditCode: '', district: '', street: '', address: '', lon: 120.2, lat: 30.1, employees: 10, partyMembers: 1,
  probationaryMembers: 0, registeredCapital: 100, industry: '制造业', status: '在营', ownerIsMember: null, orgId: '', workCovered: false, extra: {}, ...over,
});

describe('plan item checks', () => {
  it('a valid joint branch: figures summed, no violation', () => {
    const { figures, violations } = checkPlanItem('joint_branch', [firm('a', { partyMembers: 2 }), firm('b', { lon: 120.201, industry: '零售业' })], DEFAULT_RULES);
    expect(figures).toMatchObject({ units: 2, formalMembers: 3, members: 3, industries: ['制造业', '零售业'] });
    expect(figures.spanM).toBeCloseTo(distanceM(120.2, 30.1, 120.201, 30.1), 3);
    expect(violations).toEqual([]);
  });

  it('names every broken rule with its figure and limit', () => {
    const members = Array.from({ length: 6 }, (_, k) => firm(`f${k}`, { lon: 120.2 + k * 0.003, partyMembers: 0, orgId: k === 0 ? 'org' : '', status: k === 1 ? '注销' : '在营' }));
    const rules = checkPlanItem('joint_branch', members, DEFAULT_RULES).violations;
    expect(rules.map((v) => v.rule)).toEqual(['already_covered', 'out_of_scope', 'too_few_formal', 'too_many_units', 'span_too_large']);
    expect(rules.find((v) => v.rule === 'too_many_units')).toMatchObject({ value: 6, limit: 5 });
    expect(rules.find((v) => v.rule === 'already_covered')?.enterpriseIds).toEqual(['f0']);
    expect(checkPlanItem('work_coverage', members.slice(2), DEFAULT_RULES).violations).toEqual([]);
    expect(checkPlanItem('standalone', members.slice(2, 4), DEFAULT_RULES).violations.map((v) => v.rule)).toEqual(['standalone_one_unit', 'too_few_formal']);
  });

  it('measures the span over the hull exactly as over every pair', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 120, max: 120.05, noNaN: true }), fc.double({ min: 30, max: 30.05, noNaN: true })), { minLength: 65, maxLength: 120 }), (points) => {
        const members = points.map(([lon, lat], k) => firm(`p${k}`, { lon, lat }));
        let widest = 0;
        for (const a of points) for (const b of points) widest = Math.max(widest, distanceM(a[0], a[1], b[0], b[1]));
        expect(checkPlanItem('work_coverage', members, DEFAULT_RULES).figures.spanM).toBeCloseTo(widest, 6);
      }),
      { numRuns: 40 },
    );
  });
});

describe('points in a drawn polygon', () => {
  it('takes the points inside, skips unmapped ones', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
    expect(pointsInPolygon([1, 1, 3, 1, Number.NaN, Number.NaN, 1.5, 0.5], square)).toEqual([0, 3]);
  });
});

describe('figures over a subset', () => {
  it('summarize with a mask equals summarize of the masked rows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.uint8Array({ minLength: 300, maxLength: 300, max: 1 }), (flags, bits) => {
        const mask = bits.slice(0, flags.length);
        const picked = flags.filter((_, i) => mask[i] === 1);
        expect(summarize(flags, mask)).toEqual(summarize(Uint8Array.from(picked)));
      }),
    );
  });
});

describe('the filter over the Linpu demo', () => {
  const { dataset } = readDemo('linpu');
  const result = planDataset(dataset);
  const view = {
    enterprises: dataset.enterprises, flags: result.table.flags, district: result.district, street: result.street,
    categories: Uint8Array.from(result.table.flags, (f) => coverageCategory(f)),
    positions: Float32Array.from(dataset.enterprises.flatMap((e) => [e.lon ?? Number.NaN, e.lat ?? Number.NaN])),
    areaList: dataset.areas.map((a) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent })),
  } as unknown as PlanView;

  it('lets everything through when empty, and combines conditions with AND', () => {
    expect(filterMask(view, EMPTY_FILTER)).toBeNull();
    const mask = filterMask(view, { ...EMPTY_FILTER, mustCover: 'yes', categories: [CoverageCategory.UNCOVERED_MUST] })!;
    const expected = dataset.enterprises.filter((_, i) => result.table.flags[i] & Flag.MUST_COVER && coverageCategory(result.table.flags[i]) === CoverageCategory.UNCOVERED_MUST).length;
    expect(mask.reduce((n, v) => n + v, 0)).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('searches name, credit code and address', () => {
    const e = dataset.enterprises.find((x) => x.creditCode !== '')!;
    const byCode = filterMask(view, { ...EMPTY_FILTER, text: e.creditCode.toLowerCase() })!;
    expect(byCode[dataset.enterprises.indexOf(e)]).toBe(1);
    expect(byCode.reduce((n, v) => n + v, 0)).toBe(dataset.enterprises.filter((x) => x.creditCode === e.creditCode).length);
    const none = filterMask(view, { ...EMPTY_FILTER, text: '不存在的企业名称' })!;
    expect(none.every((v) => v === 0)).toBe(true);
  });
});

describe('the plan draft: undo and redo', () => {
  beforeEach(() => usePlanningStore.getState().startDraft(newDraft()));

  it('undoes and redoes member changes in order, and a new change drops the redo stack', () => {
    const s = () => usePlanningStore.getState();
    s().addMembers(['a', 'b']);
    s().toggleMember('c');
    s().toggleMember('a');
    expect(s().draft?.enterpriseIds).toEqual(['b', 'c']);
    s().undo();
    expect(s().draft?.enterpriseIds).toEqual(['a', 'b', 'c']);
    s().undo();
    s().undo();
    expect(s().draft?.enterpriseIds).toEqual([]);
    s().undo();
    expect(s().draft?.enterpriseIds).toEqual([]);
    s().redo();
    expect(s().draft?.enterpriseIds).toEqual(['a', 'b']);
    s().editDraft({ title: '新' });
    s().redo();
    expect(s().draft).toMatchObject({ enterpriseIds: ['a', 'b'], title: '新' });
    s().addMembers(['a']);
    expect(s().past).toHaveLength(2);
  });
});
