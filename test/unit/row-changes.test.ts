import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { patchRows } from '../../src/core/model/row-changes';

describe('patchRows', () => {
  it('replaces in place, appends new rows, drops deleted ones, keeps the rest in order', () => {
    const rows = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }];
    expect(patchRows(rows, { upserted: [{ id: 'b', v: 2 }, { id: 'd', v: 1 }], deleted: ['a'] })).toEqual([{ id: 'b', v: 2 }, { id: 'c', v: 1 }, { id: 'd', v: 1 }]);
    expect(patchRows(rows, { upserted: [], deleted: [] })).toBe(rows);
    expect(rows).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }]);
  });

  it('gives the same rows as a fresh read of the changed table, in any order of patches', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }),
      fc.array(fc.record({ up: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }), del: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }) }), { maxLength: 6 }),
      (start, patches) => {
        const table = new Map(start.map((k) => [String(k), 0]));
        let rows = start.map((k) => ({ id: String(k), v: 0 }));
        patches.forEach((p, step) => {
          const del = p.del.filter((k) => !p.up.includes(k)).map(String);
          for (const k of del) table.delete(k);
          for (const k of p.up) table.set(String(k), step + 1);
          rows = patchRows(rows, { upserted: p.up.map((k) => ({ id: String(k), v: step + 1 })), deleted: del });
        });
        expect(new Map(rows.map((r) => [r.id, r.v]))).toEqual(table);
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      },
    ));
  });
});
