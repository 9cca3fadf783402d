import { describe, expect, it } from 'vitest';
import { bulletinRows, halfMonthDate, halfMonthSnapshotDue, trend, type SnapshotFigures } from '../../src/core/bulletin/bulletin';

const snap = (takenOn: string, areaId: string, enterprises: number, covered: number, organizations = 0, planItemsFormed = 0): SnapshotFigures => ({
  takenOn, areaId, enterprises, covered, ownOrg: 0, mustCover: 0, mustCoverCovered: 0, sixClearsComplete: enterprises, organizations, planItemsFormed,
});
const areas = [
  { id: 'A', name: '甲区', level: 'district' as const, parent: null },
  { id: 'B', name: '乙区', level: 'district' as const, parent: null },
  { id: 'A1', name: '甲一街道', level: 'street' as const, parent: 'A' },
];

describe('the half-monthly bulletin', () => {
  const snapshots = [
    snap('2011-11-01', 'A', 100, 40, 10, 0), snap('2011-11-01', 'B', 50, 25, 5, 0), snap('2011-11-01', 'A1', 60, 30),
    snap('2011-11-16', 'A', 100, 55, 13, 2), snap('2011-11-16', 'B', 50, 26, 5, 0), snap('2011-11-16', 'A1', 60, 45),
  ];

  it('ranks districts by 组建率 with the change since the previous snapshot', () => {
    const rows = bulletinRows(snapshots, areas, '2011-11-16', 'district');
    expect(rows.map((r) => [r.areaId, r.rank, r.previousRank])).toEqual([['A', 1, 2], ['B', 2, 1]]);
    expect(rows[0]).toMatchObject({ newlyCovered: 15, newOrganizations: 3, planItemsDone: 2 });
    expect(rows[0].pointsGained).toBeCloseTo(15, 10);
    expect(rows[1].pointsGained).toBeCloseTo(2, 10);
  });

  it('has no deltas on the first snapshot, and ranks one district\'s streets', () => {
    expect(bulletinRows(snapshots, areas, '2011-11-01', 'district').every((r) => r.pointsGained === null && r.newlyCovered === null)).toBe(true);
    expect(bulletinRows(snapshots, areas, '2011-11-16', 'street', 'A').map((r) => r.areaId)).toEqual(['A1']);
    expect(trend(snapshots, 'A').map((p) => p.rate)).toEqual([0.4, 0.55]);
  });

  it('knows when the half-monthly snapshot is due', () => {
    expect(halfMonthDate('2011-11-20')).toBe('2011-11-16');
    expect(halfMonthDate('2011-11-03')).toBe('2011-11-01');
    expect(halfMonthSnapshotDue('2011-11-20', ['2011-11-01'])).toBe(true);
    expect(halfMonthSnapshotDue('2011-11-20', ['2011-11-01', '2011-11-17'])).toBe(false);
  });
});
