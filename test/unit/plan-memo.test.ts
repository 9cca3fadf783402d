import { describe, expect, it } from 'vitest';
import { planDataset, type PlanMemo, type PlanResult } from '../../src/core/plan';
import { denseCity } from '../../src/cli/bench/dense-city';
import { createRandom } from '../../src/core/util/random';
import type { Dataset, Enterprise } from '../../src/core/model/types';
import { readDemo } from '../support/demo';

const GENERATED_AT = '2026-12-02T00:00:00.000Z';

/** Everything a plan decides (its times aside). */
function decided(r: PlanResult) {
  return {
    report: r.report, flags: [...r.table.flags], building: [...r.building], zone: [...r.zone],
    district: [...r.district], street: [...r.street], clusterOf: [...r.clusterOf],
  };
}

/** Random edits of the kinds the app makes: a row replaced (moved, unmapped, street renamed), rows deleted, rows added. */
function edited(dataset: Dataset, seed: number): Dataset {
  const rng = createRandom(seed);
  const streets = dataset.areas.filter((a) => a.level === 'street');
  let enterprises: Enterprise[] = dataset.enterprises.map((e) => {
    if (!rng.chance(0.02)) return e;
    const roll = rng.next();
    if (roll < 0.4) return { ...e, lon: (e.lon ?? 120.2) + rng.normal(0, 0.003), lat: (e.lat ?? 30.2) + rng.normal(0, 0.003) };
    if (roll < 0.55) return { ...e, lon: null, lat: null };
    if (roll < 0.75 && streets.length > 0) return { ...e, street: rng.pick(streets).name };
    return { ...e, employees: (e.employees ?? 0) + 40 };
  });
  if (rng.chance(0.5)) enterprises = enterprises.filter(() => !rng.chance(0.01));
  const added = Array.from({ length: rng.int(0, 5) }, (_, k) => ({ ...rng.pick(dataset.enterprises), id: `NEW-${seed}-${k}` }));
  return { ...dataset, enterprises: [...enterprises, ...added] };
}

describe('planning again with the last plan memo', () => {
  const cases: [string, () => Dataset][] = [
    ['临浦 demo (streets named in rows)', () => readDemo('linpu').dataset],
    ['dense 3,000 (buildings and zones)', () => denseCity(3000, { seed: 5 })],
  ];
  for (const [name, make] of cases) {
    it(`gives what a plan from nothing gives, edit after edit: ${name}`, () => {
      const memo: PlanMemo = {};
      let dataset = make();
      planDataset(dataset, { memo, generatedAt: GENERATED_AT });
      for (let seed = 1; seed <= 6; seed++) {
        dataset = edited(dataset, seed);
        const again = planDataset(dataset, { memo, generatedAt: GENERATED_AT });
        expect(decided(again)).toEqual(decided(planDataset(dataset, { generatedAt: GENERATED_AT })));
        expect(memo.located?.enterprises).toBe(dataset.enterprises);
      }
    });
  }

  it('rebuilds the place indexes when the places change, keeps them while they do not', () => {
    const memo: PlanMemo = {};
    const dataset = denseCity(2000, { seed: 9 });
    planDataset(dataset, { memo, generatedAt: GENERATED_AT });
    const first = memo.places?.indexes;
    planDataset(edited(dataset, 3), { memo, generatedAt: GENERATED_AT });
    expect(memo.places?.indexes).toBe(first);
    const fewerBuildings = { ...dataset, buildings: dataset.buildings.slice(0, dataset.buildings.length / 2) };
    const again = planDataset(fewerBuildings, { memo, generatedAt: GENERATED_AT });
    expect(memo.places?.indexes).not.toBe(first);
    expect(decided(again)).toEqual(decided(planDataset(fewerBuildings, { generatedAt: GENERATED_AT })));
  });

  it('keeps its own copies of the places, so a caller may hand the result away', () => {
    const memo: PlanMemo = {};
    const dataset = denseCity(1500, { seed: 2 });
    const first = planDataset(dataset, { memo, generatedAt: GENERATED_AT });
    const expected = decided(first);
    first.building.fill(-7);
    first.street.fill(-7);
    const next = edited(dataset, 11);
    expect(decided(planDataset(next, { memo, generatedAt: GENERATED_AT }))).toEqual(decided(planDataset(next, { generatedAt: GENERATED_AT })));
    expect(expected.building).not.toContain(-7);
  });
});
