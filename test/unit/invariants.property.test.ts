import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDataset } from '../../src/core/plan';
import { checkReport } from '../../src/core/recommend/invariants';
import type { Building, Dataset, Enterprise, RuleProfile, Zone } from '../../src/core/model/types';
import { isMustCover, isOperating } from '../../src/core/model/scope';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import { checkReasons } from '../../src/core/recommend/reason-check';

const LON0 = 120.2;
const LAT0 = 30.25;
const M = 1 / 111_000;

const square = (cx: number, cy: number, halfDeg: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[cx - halfDeg, cy - halfDeg], [cx + halfDeg, cy - halfDeg], [cx + halfDeg, cy + halfDeg], [cx - halfDeg, cy + halfDeg], [cx - halfDeg, cy - halfDeg]]],
});

const enterpriseArb = fc.record({
  x: fc.double({ min: -3000, max: 3000, noNaN: true }),
  y: fc.double({ min: -3000, max: 3000, noNaN: true }),
  mapped: fc.integer({ min: 0, max: 9 }).map((v) => v > 0),
  employees: fc.oneof(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 30, max: 400 }), fc.constant(null)),
  formal: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 120 }) }),
  probationary: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  capital: fc.oneof(fc.constant(null), fc.double({ min: 1, max: 500, noNaN: true })),
  status: fc.constantFrom('', '正常', '在营', '注销', '停业'),
  covered: fc.integer({ min: 0, max: 9 }).map((v) => v < 3),
  workCovered: fc.boolean(),
  // 工会 / 共青团 / 妇联 as bits; 8 and above: not stated.
  massOrg: fc.integer({ min: 0, max: 15 }),
});

const rulesArb: fc.Arbitrary<Partial<RuleProfile>> = fc.record({
  jointMaxUnits: fc.constantFrom(0, 3, 5, 7),
  jointMaxSpanM: fc.integer({ min: 150, max: 2000 }),
  jointMinFormal: fc.constantFrom(2, 3, 4),
  jointMaxMembers: fc.constantFrom(8, 20, 50),
  clusterRadiusM: fc.integer({ min: 100, max: 600 }),
  clusterMinPoints: fc.integer({ min: 3, max: 8 }),
  microCapitalBelow: fc.constantFrom(50, 200),
  branchCommitteeMinFormal: fc.constantFrom(4, 7, 9),
  standaloneMinFormal: fc.constantFrom(3, 4),
  generalBranchMinMembers: fc.constantFrom(30, 51),
  committeeMinMembers: fc.constantFrom(80, 100),
});

const datasetWith = (maxBuildings: number, maxZones: number, buildingSpreadM = 2500, enterpriseScale = 1) => fc
  .record({
    enterprises: fc.array(enterpriseArb, { maxLength: 90, size: 'max' }),
    buildings: fc.array(fc.record({ x: fc.integer({ min: -buildingSpreadM, max: buildingSpreadM }), y: fc.integer({ min: -buildingSpreadM, max: buildingSpreadM }), half: fc.integer({ min: 20, max: 300 }) }), { maxLength: maxBuildings }),
    zones: fc.array(fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), half: fc.integer({ min: 200, max: 1500 }) }), { maxLength: maxZones }),
    rules: rulesArb,
  })
  .map(({ enterprises, buildings, zones, rules }): Dataset => ({
    name: 'random',
    crs: 'wgs84',
    rules,
    organizations: [],
    enterprises: enterprises.map((e, k): Enterprise => ({
      row: k + 2, id: `E${k}`, name: `企业${k}`, creditCode: '', district: '', street: '', address: '',
      lon: e.mapped ? LON0 + e.x * enterpriseScale * M * 1.15 : null, lat: e.mapped ? LAT0 + e.y * enterpriseScale * M : null,
      employees: e.employees, partyMembers: e.formal, probationaryMembers: e.probationary, registeredCapital: e.capital,
      industry: ['制造业', '批发和零售业', '信息技术'][k % 3], status: e.status, ownerIsMember: null,
      orgId: e.covered ? 'O1' : '', workCovered: e.workCovered, extra: {},
      ...(e.massOrg < 8 ? { tradeUnion: (e.massOrg & 1) > 0, youthLeague: (e.massOrg & 2) > 0, womensFederation: (e.massOrg & 4) > 0 } : {}),
    })),
    buildings: buildings.map((b, k): Building => ({ id: `B${k}`, name: `楼${k}`, floors: null, geometry: square(LON0 + b.x * M * 1.15, LAT0 + b.y * M, b.half * M) })),
    zones: zones.map((z, k): Zone => ({ id: `Z${k}`, name: `区${k}`, kind: 'park', geometry: square(LON0 + z.x * M * 1.15, LAT0 + z.y * M, z.half * M) })),
    areas: [
      { id: '330100', name: '测试区', level: 'district', parent: null, geometry: square(LON0, LAT0, 4000 * M) },
      { id: '330100001', name: '西街道', level: 'street', parent: '330100', geometry: { type: 'Polygon', coordinates: [[[LON0 - 0.05, LAT0 - 0.04], [LON0, LAT0 - 0.04], [LON0, LAT0 + 0.04], [LON0 - 0.05, LAT0 + 0.04], [LON0 - 0.05, LAT0 - 0.04]]] } },
    ],
  }));
const datasetArb = datasetWith(6, 3);
/** More buildings, closer together, and no zones: members inside and around buildings. */
const buildingHeavyArb = datasetWith(14, 0, 600, 0.25);

describe('recommendation invariants over random datasets', () => {
  it('hold for every dataset and rule profile (400 runs)', () => {
    const stats = { recommendations: 0, joint: 0 };
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const result = planDataset(dataset);
        const violations = checkReport(result.report, dataset, result.rules);
        expect(violations).toEqual([]);
        stats.recommendations += result.report.recommendations.length;
        stats.joint += result.report.recommendations.filter((r) => r.kind === 'joint_branch').length;
      }),
      { numRuns: 400, seed: 42 },
    );
    // The runs must have exercised the rules, not just empty datasets.
    expect(stats.joint).toBeGreaterThan(400);
  });

  it('never recommend covered or out-of-scope enterprises, and every uncovered must-cover lands in one leaf', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const { report, rules } = planDataset(dataset);
        const leaves = report.recommendations.filter((r) => !UMBRELLA_KINDS.has(r.kind)).flatMap((r) => r.enterprise_ids);
        const byId = new Map(dataset.enterprises.map((e) => [e.id, e]));
        for (const id of leaves) {
          const e = byId.get(id) as Enterprise;
          expect(e.orgId).toBe('');
          expect(isOperating(e.status)).toBe(true);
        }
        const expected = dataset.enterprises.filter((e) => e.orgId === '' && isOperating(e.status) && isMustCover(e, rules)).map((e) => e.id);
        expect(new Set(expected.filter((id) => leaves.includes(id))).size).toBe(expected.length);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('every reason, kind, building and zone says what is so of the final members (300 runs)', () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fc.oneof(datasetArb, buildingHeavyArb), (dataset) => {
        const { report, rules } = planDataset(dataset);
        expect(checkReasons(report, dataset, rules)).toEqual([]);
        for (const r of report.recommendations) for (const c of r.reason_codes) codes.set(c, (codes.get(c) ?? 0) + 1);
      }),
      { numRuns: 300, seed: 14 },
    );
    // The runs must have produced every kind of place reason, not just the easy ones.
    for (const code of ['joint_building', 'joint_building_nearby', 'joint_building_cluster', 'joint_zone', 'joint_nearby', 'joint_span', 'branch_committee', 'association', 'level_branch', 'level_general_branch', 'level_committee', 'umbrella_zone', 'new_zone', 'work_coverage']) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });

  it('the reason checker catches a reason that is not so', () => {
    const dataset = fc.sample(datasetArb, { numRuns: 60, seed: 5 }).find((d) => planDataset(d).report.recommendations.some((r) => r.reason_codes.includes('joint_span')));
    expect(dataset).toBeDefined();
    const { report, rules } = planDataset(dataset as Dataset);
    const k = report.recommendations.findIndex((r) => r.reason_codes.includes('joint_span'));
    const broken = structuredClone(report);
    const r = broken.recommendations[k];
    const at = r.reason_codes.indexOf('joint_span');
    r.reasons[at] = r.reasons[at].replace(/不超过\d+米/, '不超过7米');
    r.reasons.push('正式党员99名（≥7名），设支部委员会');
    r.reasons_en.push('x');
    r.reason_codes.push('branch_committee');
    r.building_ids = ['B-nowhere'];
    const found = checkReasons(broken, dataset as Dataset, rules).join('\n');
    expect(found).toMatch(/joint_span: limit 7/);
    expect(found).toMatch(/branch_committee: formal 99/);
    expect(found).toMatch(/building_ids \[B-nowhere\]/);
  });

  it('the invariant checker itself catches a broken report', () => {
    const dataset: Dataset = {
      name: 'tiny', crs: 'wgs84', rules: {}, organizations: [], buildings: [], zones: [], areas: [],
      enterprises: [0, 1].map((k) => ({
        row: k + 2, id: `E${k}`, name: '', creditCode: '', district: '', street: '', address: '', lon: LON0 + k * 0.05, lat: LAT0,
        employees: 40, partyMembers: 1, probationaryMembers: 0, registeredCapital: 100, industry: '', status: '', ownerIsMember: null, orgId: '', workCovered: false, extra: {},
      })),
    };
    const result = planDataset(dataset);
    const broken = structuredClone(result.report);
    broken.recommendations = [{ ...broken.recommendations[0], id: 'X', kind: 'joint_branch', level: 'branch', enterprise_ids: ['E0', 'E1'], formal_members: 2, members: 2 }];
    const found = checkReport(broken, dataset, result.rules).join('\n');
    expect(found).toMatch(/formal members < 3/);
    expect(found).toMatch(/m apart/);
  });
});
