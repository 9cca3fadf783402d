/**
 * The side-by-side view's sides (issue 17): a slide keeps what its two maps compare (two scenarios, two
 * snapshot dates), and a snapshot side fills the areas with their 组建率 on its date.
 */
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../src/core/model/plan-view';
import type { BulletinSnapshot } from '../../src/core/model/records';
import { applySlideView, usePresentationStore } from '../../src/state/presentation';
import { snapshotSide } from '../../src/map/split/sides';
import { scenarioKey } from '../../src/state/split-sides';

const area = (id: string, level: 'district' | 'street', parent: string | null) => ({ id, name: id, level, parent });
const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const view = {
  areaList: [area('d', 'district', null), area('s1', 'street', 'd'), area('s2', 'street', 'd')],
  areas: { type: 'FeatureCollection', features: [['d', 'district', 0], ['s1', 'street', 0], ['s2', 'street', 1]].map(([id, level, x]) => ({ type: 'Feature', properties: { id, level }, geometry: square(x as number) })) },
} as unknown as PlanView;
const row = (takenOn: string, areaId: string, enterprises: number, covered: number): BulletinSnapshot => ({
  takenOn, areaId, districtId: 'd', enterprises, covered, ownOrg: 0, workCovered: 0, mustCover: enterprises, mustCoverCovered: covered, sixClearsComplete: 0, organizations: 0, planItemsFormed: 0,
});

describe('side-by-side settings on a slide', () => {
  it('keeps two scenarios and two snapshot dates; drops what is malformed', () => {
    applySlideView({ split: { on: true, mode: 'swipe', left: 'now', right: 'plan', swipe: 0.3, compare: 'scenarios', scenarios: [{ key: 'current', rules: {} }, { key: 'units8', rules: { jointMaxUnits: 8 } }] } });
    expect(usePresentationStore.getState().split).toMatchObject({ on: true, mode: 'swipe', swipe: 0.3, compare: 'scenarios', scenarios: [{ key: 'current' }, { key: 'units8', rules: { jointMaxUnits: 8 } }] });
    applySlideView({ split: { on: true, compare: 'snapshots', dates: ['2026-11-01', '2026-11-16'] } });
    expect(usePresentationStore.getState().split).toMatchObject({ compare: 'snapshots', dates: ['2026-11-01', '2026-11-16'] });
    // One scenario only, or dates that are not dates: back to 现状 | 计划完成后, or no dates chosen.
    applySlideView({ split: { on: true, compare: 'scenarios', scenarios: [{ key: 'current', rules: {} }] } });
    expect(usePresentationStore.getState().split.compare).toBeUndefined();
    applySlideView({ split: { on: true, compare: 'snapshots', dates: ['x', '2026-11-16'] } });
    expect(usePresentationStore.getState().split).toMatchObject({ compare: 'snapshots' });
    expect(usePresentationStore.getState().split.dates).toBeUndefined();
  });

  it('the same rules are the same scenario, whatever their order', () => {
    expect(scenarioKey({ jointMaxUnits: 8, jointMaxSpanM: 1500 })).toBe(scenarioKey({ jointMaxSpanM: 1500, jointMaxUnits: 8 }));
    expect(scenarioKey({ jointMaxUnits: 8 })).not.toBe(scenarioKey({ jointMaxUnits: 0 }));
  });
});

describe('a snapshot side', () => {
  const snapshots = [
    row('2026-11-01', 'd', 100, 10), row('2026-11-01', 's1', 60, 6), row('2026-11-01', 's2', 40, 4),
    row('2026-11-16', 'd', 100, 30), row('2026-11-16', 's1', 60, 24), row('2026-11-16', 's2', 40, 6),
  ];

  it('fills the streets with their rate on the date and totals the districts', () => {
    const side = snapshotSide(view, snapshots, '2026-11-16');
    if (side.kind !== 'snapshot') throw new Error('not a snapshot side');
    expect(side.areas.features.map((f) => [f.properties?.id, f.properties?.snapshot_rate])).toEqual([['s1', 0.4], ['s2', 0.15]]);
    expect(side.totals).toEqual({ enterprises: 100, covered: 30, mustCover: 100, mustCoverCovered: 30, rate: 0.3 });
    const earlier = snapshotSide(view, snapshots, '2026-11-01');
    expect(earlier.kind === 'snapshot' && earlier.totals?.rate).toBe(0.1);
  });

  it('a date without a snapshot fills nothing and has no figures', () => {
    const side = snapshotSide(view, snapshots, '2026-12-01');
    expect(side.kind === 'snapshot' && side.areas.features.length).toBe(0);
    expect(side.kind === 'snapshot' && side.totals).toBeNull();
  });
});
