/**
 * Packing, tested directly on small fixtures in the style of Turf's packages: each
 * test/fixtures/packing/in/<name>.json (enterprises in metres around a point, a rule profile, the
 * passes to run) gives test/fixtures/packing/out/<name>.json (the branches and who is left over).
 * `REGEN=1 npx vitest run test/unit/packing.test.ts` rewrites the outputs from the code; review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildEnterpriseTable } from '../../src/core/model/enterprise-table';
import { resolveRules, type Enterprise, type RuleProfile } from '../../src/core/model/types';
import { createPackState, insertIntoNearbyGroups, insertWithEjection, packAroundSeeds, packPool, splitByCells, type PlaceKind } from '../../src/core/recommend/packing';
import { spanOf } from '../../src/core/recommend/points';

const ROOT = resolve(__dirname, '../fixtures/packing');
const LON0 = 120.2;
const LAT0 = 30.25;
const M_PER_DEG_LAT = 111_195;
const REGEN = process.env.REGEN === '1';

interface FixtureEnterprise { id: string; x: number; y: number; formal?: number; probationary?: number; employees?: number; industry?: string; capital?: number }
type Step =
  | { pass: 'packPool'; pool: string[]; placeKind: PlaceKind; spanChecked: boolean }
  | { pass: 'packCells'; pool: string[]; cellM: number; shiftM: number; placeKind: PlaceKind }
  | { pass: 'packAroundSeeds'; candidates: string[]; placeKind: PlaceKind }
  | { pass: 'insertIntoNearbyGroups' | 'insertWithEjection'; candidates: string[] };
interface Fixture { description: string; rules: Partial<RuleProfile>; enterprises: FixtureEnterprise[]; steps: Step[] }

const enterprise = (e: FixtureEnterprise, k: number): Enterprise => ({
  row: k + 2, id: e.id, name: e.id, creditCode: '', district: '', street: '', address: '',
  lon: LON0 + e.x / (M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180)), lat: LAT0 + e.y / M_PER_DEG_LAT,
  employees: e.employees ?? 5, partyMembers: e.formal ?? 0, probationaryMembers: e.probationary ?? 0, registeredCapital: e.capital ?? 100,
  industry: e.industry ?? '制造业', status: '正常', ownerIsMember: null, orgId: '', workCovered: false, extra: {},
});

function run(fixture: Fixture) {
  const rules = resolveRules(fixture.rules);
  const table = buildEnterpriseTable(fixture.enterprises.map(enterprise), [], rules);
  const index = new Map(table.ids.map((id, i) => [id, i]));
  const at = (ids: string[]) => ids.map((id) => index.get(id) as number);
  const s = createPackState(table, rules);
  for (const step of fixture.steps) {
    switch (step.pass) {
      case 'packPool': packPool(s, at(step.pool), { placeKind: step.placeKind, spanChecked: step.spanChecked }); break;
      case 'packCells': for (const cell of splitByCells(table, at(step.pool), step.cellM, step.shiftM)) packPool(s, cell, { placeKind: step.placeKind, spanChecked: true }); break;
      case 'packAroundSeeds': packAroundSeeds(s, at(step.candidates), step.placeKind); break;
      case 'insertIntoNearbyGroups': insertIntoNearbyGroups(s, at(step.candidates)); break;
      case 'insertWithEjection': insertWithEjection(s, at(step.candidates)); break;
    }
  }
  const groups = s.groups.filter((g) => g.alive && g.members.length > 0);
  return {
    rules,
    table,
    groups,
    out: {
      branches: groups.map((g) => ({
        members: g.members.map((m) => table.ids[m]).sort(), formal: g.formal, total: g.total, placeKind: g.placeKind,
        spanM: Math.round(spanOf(table, g.members)),
      })),
      unassigned: table.ids.filter((_, i) => s.groupOf[i] < 0),
    },
  };
}

const names = readdirSync(join(ROOT, 'in')).filter((f) => f.endsWith('.json')).sort();

describe('packing fixtures (test/fixtures/packing)', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));

  for (const name of names) {
    it(name.replace(/\.json$/, ''), () => {
      const fixture = JSON.parse(readFileSync(join(ROOT, 'in', name), 'utf8')) as Fixture;
      const { rules, groups, out } = run(fixture);
      // Whatever the fixture, every branch keeps the rules.
      for (const g of groups) {
        expect(g.formal).toBeGreaterThanOrEqual(rules.jointMinFormal);
        expect(g.total).toBeLessThanOrEqual(rules.jointMaxMembers);
        if (rules.jointMaxUnits > 0) expect(g.members.length).toBeLessThanOrEqual(rules.jointMaxUnits);
      }
      for (const b of out.branches) if (b.placeKind !== 'association') expect(b.spanM).toBeLessThanOrEqual(rules.jointMaxSpanM);
      const file = join(ROOT, 'out', name);
      if (REGEN || !existsSync(file)) {
        mkdirSync(join(ROOT, 'out'), { recursive: true });
        writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
      }
      expect(out).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
