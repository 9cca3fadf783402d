import { describe, expect, it } from 'vitest';
import { patchStoreContents } from '../../src/data/contents-patch';
import { emptyChangeSet } from '../../src/data/rpc-repository';
import type { StoreContents } from '../../src/data/repository';

const contents = (): StoreContents => ({
  name: 'test', crs: 'wgs84', rules: {},
  areas: [], buildings: [], zones: [], organizations: [],
  enterprises: [{ id: 'e1', name: '甲', employees: 10 }, { id: 'e2', name: '乙', employees: 20 }],
  planItems: [{ id: 'p1', title: '一' }, { id: 'p2', title: '二' }],
  snapshots: [{ takenOn: '2026-11-15', areaId: '330109', rate: 0.5 }],
  slides: [],
} as unknown as StoreContents);

describe('patchStoreContents (the page\'s copy of the store and the kept copy)', () => {
  it('applies every kind of change, keys snapshots by date and area, takes a new rule profile', () => {
    const changes = emptyChangeSet(42);
    changes.enterprises.upserted = [{ id: 'e2', name: '乙', employees: 25 }, { id: 'e3', name: '丙', employees: 3 }] as never;
    changes.planItems.deleted = ['p1'];
    changes.snapshots.upserted = [{ takenOn: '2026-11-15', areaId: '330109', rate: 0.6 }, { takenOn: '2026-12-01', areaId: '330109', rate: 0.7 }] as never;
    changes.ruleProfile = { rules: { mustCoverMinEmployees: 30 }, version: 2 } as never;
    const before = contents();
    const after = patchStoreContents(before, changes);
    expect(after.enterprises.map((e) => [e.id, e.employees])).toEqual([['e1', 10], ['e2', 25], ['e3', 3]]);
    expect(after.planItems.map((p) => p.id)).toEqual(['p2']);
    expect(after.snapshots.map((s) => [s.id, (s as unknown as { rate: number }).rate])).toEqual([['2026-11-15|330109', 0.6], ['2026-12-01|330109', 0.7]]);
    expect(after.rules).toEqual({ mustCoverMinEmployees: 30 });
    expect(before.enterprises.map((e) => e.employees)).toEqual([10, 20]);
  });

  it('applied batch by batch gives what one batch of all the changes gives', () => {
    const first = emptyChangeSet(1);
    first.enterprises.upserted = [{ id: 'e1', name: '甲', employees: 11 }] as never;
    const second = emptyChangeSet(2);
    second.enterprises.deleted = ['e2'];
    second.enterprises.upserted = [{ id: 'e1', name: '甲', employees: 12 }] as never;
    const stepwise = patchStoreContents(patchStoreContents(contents(), first), second);
    expect(stepwise.enterprises).toEqual([{ id: 'e1', name: '甲', employees: 12 }]);
    expect(stepwise.snapshots).toEqual(contents().snapshots);
  });
});
