import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShortKeyIndex } from '../../src/core/util/short-key-index';

describe('ShortKeyIndex', () => {
  it('answers as a Map does, for ids and credit codes and for keys it cannot pack', () => {
    const packable = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXYZ'), { minLength: 1, maxLength: 20 }).map((a) => a.join(''));
    const other = fc.oneof(fc.string({ maxLength: 24 }), fc.constantFrom('', 'a1', '号1', 'A-1', '0'.repeat(21)));
    // Few distinct short keys, so that repeats (and near-repeats such as "A" and "A0") are common.
    const key = fc.oneof(packable, other, fc.constantFrom('A', 'A0', '0', '00', '9', 'Z', 'ZZZZZZZZZZ', 'ZZZZZZZZZZZ'));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 3000 }), (keys) => {
        const index = new ShortKeyIndex();
        const map = new Map<string, number>();
        keys.forEach((k, row) => {
          const expected = map.get(k) ?? -1;
          if (expected < 0) map.set(k, row);
          expect(index.firstOrAdd(k, row)).toBe(expected);
        });
      }),
      { numRuns: 200, seed: 37 },
    );
  });

  it('keeps 200k credit codes apart through its growth', () => {
    const index = new ShortKeyIndex();
    const code = (i: number) => `91330109${String(i).padStart(9, '0')}X`;
    for (let i = 0; i < 200_000; i++) expect(index.firstOrAdd(code(i), i)).toBe(-1);
    for (let i = 0; i < 200_000; i += 997) expect(index.firstOrAdd(code(i), -5)).toBe(i);
  });
});
