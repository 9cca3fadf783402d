import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDecimal } from '../../src/core/io/decimal';

const sameAsNumber = (text: string): void => {
  expect(Object.is(readDecimal(text), Number(text)), `${JSON.stringify(text)}: ${readDecimal(text)} vs ${Number(text)}`).toBe(true);
};

describe('readDecimal', () => {
  it('gives the bits Number gives for the decimals of a register', () => {
    for (const text of ['0', '-0', '7', '120.166278', '30.152189', '-3.5', '0.1', '0.000001', '999999999999999', '9999999999999999', '1.2345678901234567890123', '123456789012.345', '00042', '4.00'])
      sameAsNumber(text);
  });

  it('leaves whatever is not a plain decimal to Number', () => {
    for (const text of ['', '-', '.', '.5', '5.', '-.5', '1e3', '1E-2', '0x10', '+4', ' 4', '4 ', '1,000', '1.2.3', '--1', 'abc', 'Infinity', '1_000', '١٢'])
      sameAsNumber(text);
  });

  it('agrees with Number on random digit strings, coordinates and amounts', () => {
    const plain = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{0,25}$/))).map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    const coordinate = fc.double({ min: 0, max: 180, noNaN: true }).map((v) => v.toFixed(6));
    const messy = fc.string({ unit: fc.constantFrom('1', '0', '9', '.', '-', 'e', ',', ' ') });
    fc.assert(fc.property(fc.oneof(plain, coordinate, messy), sameAsNumber), { numRuns: 5000, seed: 3 });
  });
});
