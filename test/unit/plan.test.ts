import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import schema from '../../src/core/model/plan-report.schema.json';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import { checkReport } from '../../src/core/recommend/invariants';
import { isMustCover } from '../../src/core/model/scope';
import { UMBRELLA_KINDS } from '../../src/core/model/report';

const validateReport = new Ajv({ allErrors: true }).compile(schema);

describe('plan of the synthetic Linpu (before the pilot)', () => {
  const { dataset } = readDemo('linpu');
  const result = planDataset(dataset);
  const { report } = result;
  const standalone = report.recommendations.filter((r) => r.kind === 'standalone');

  it('validates against the report contract', () => {
    expect(validateReport(JSON.parse(JSON.stringify(report))), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('recommends exactly 48 own organizations: 2 committees, 2 general branches, 44 branches', () => {
    expect(standalone).toHaveLength(48);
    expect(standalone.filter((r) => r.level === 'committee')).toHaveLength(2);
    expect(standalone.filter((r) => r.level === 'general_branch')).toHaveLength(2);
    expect(standalone.filter((r) => r.level === 'branch')).toHaveLength(44);
  });

  it('puts all 225 must-cover enterprises into an organization or work coverage, each exactly once', () => {
    const mustCover = dataset.enterprises.filter((e) => isMustCover(e, result.rules)).map((e) => e.id);
    expect(mustCover).toHaveLength(225);
    const leaves = report.recommendations.filter((r) => !UMBRELLA_KINDS.has(r.kind));
    const placed = leaves.flatMap((r) => r.enterprise_ids);
    expect(new Set(placed).size).toBe(placed.length);
    expect(mustCover.every((id) => placed.includes(id))).toBe(true);
  });

  it('covers far more must-cover enterprises with organizations than a plain greedy pass', () => {
    const e = report.plan_effect;
    expect(e.must_cover_in_orgs + e.must_cover_to_work_coverage).toBe(225);
    expect(e.must_cover_in_orgs).toBeGreaterThan((e.greedy_must_cover_in_orgs as number) + 15);
  });

  it('keeps every invariant', () => {
    expect(checkReport(report, dataset, result.rules)).toEqual([]);
  });

  it('gives every item its reasons in Chinese and English', () => {
    for (const r of report.recommendations) {
      expect(r.reasons.length, r.id).toBeGreaterThan(0);
      expect(r.reasons_en).toHaveLength(r.reasons.length);
      expect(r.reasons[0]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('plan of the synthetic Hangzhou', () => {
  const { dataset } = readDemo('hangzhou');
  const result = planDataset(dataset);

  it('gives 组建率 0.4391 over the operating enterprises and validates against the contract', () => {
    expect(result.report.summary.coverage_rate).toBeCloseTo(0.4391, 4);
    expect(result.report.summary.enterprises).toBe(66_953);
    expect(result.report.summary.covered).toBe(29_399);
    expect(validateReport(JSON.parse(JSON.stringify(result.report))), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  });

  it('rolls the same figures up per district', () => {
    const districts = result.report.areas.filter((a) => a.level === 'district');
    expect(districts).toHaveLength(13);
    expect(districts.reduce((s, a) => s + a.enterprises, 0)).toBe(66_953);
    expect(districts.reduce((s, a) => s + a.covered, 0)).toBe(29_399);
  });

  it('proposes umbrellas and new zones, and keeps every invariant', () => {
    const kinds = new Set(result.report.recommendations.map((r) => r.kind));
    for (const k of ['joint_branch', 'zone_org', 'building_community', 'work_coverage', 'new_zone']) expect(kinds.has(k as never), k).toBe(true);
    expect(result.report.clusters.length).toBeGreaterThan(0);
    expect(checkReport(result.report, dataset, result.rules)).toEqual([]);
  });
});
