import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecimal, isInt32, readDecimalInto, readInt32Into } from './parseNumber.ts';
import { utf8 } from './testHelpers.ts';

function int32Of(text: string): number | undefined {
  const bytes = utf8(text);
  const target = new Int32Array(1);
  return readInt32Into(bytes, 0, bytes.length, target, 0) ? target[0] : undefined;
}

function decimalOf(text: string): number | undefined {
  const bytes = utf8(text);
  const target = new Float64Array(1);
  return readDecimalInto(bytes, 0, bytes.length, target, 0) ? target[0] : undefined;
}

describe('integers', () => {
  it('reads whole numbers with an optional sign', () => {
    expect(int32Of('0')).toBe(0);
    expect(int32Of('42')).toBe(42);
    expect(int32Of('-17')).toBe(-17);
    expect(int32Of('+5')).toBe(5);
    expect(int32Of('007')).toBe(7);
  });

  it('accepts exactly the signed 32-bit range', () => {
    expect(int32Of('2147483647')).toBe(2147483647);
    expect(int32Of('-2147483648')).toBe(-2147483648);
    expect(int32Of('2147483648')).toBeUndefined();
    expect(int32Of('-2147483649')).toBeUndefined();
    expect(int32Of('99999999999999999999')).toBeUndefined();
  });

  it('refuses decimals, exponents, signs alone and other text', () => {
    for (const text of ['1.0', '1e3', '-', '+', '', '1 2', '0x10', '١']) {
      expect(isInt32(utf8(text), 0, utf8(text).length), text).toBe(false);
    }
  });
});

describe('decimals', () => {
  it('reads the decimal forms JavaScript reads', () => {
    expect(decimalOf('3.5')).toBe(3.5);
    expect(decimalOf('-0.25')).toBe(-0.25);
    expect(decimalOf('.5')).toBe(0.5);
    expect(decimalOf('1.')).toBe(1);
    expect(decimalOf('6.02e23')).toBe(6.02e23);
    expect(decimalOf('1E-7')).toBe(1e-7);
    expect(decimalOf('+2e+2')).toBe(200);
    expect(decimalOf('1e400')).toBe(Infinity);
    expect(decimalOf('1e-400')).toBe(0);
    expect(Object.is(decimalOf('-0.0'), -0)).toBe(true);
  });

  it('reads NaN and the infinities as JavaScript spells them', () => {
    expect(decimalOf('NaN')).toBeNaN();
    expect(decimalOf('Infinity')).toBe(Infinity);
    expect(decimalOf('+Infinity')).toBe(Infinity);
    expect(decimalOf('-Infinity')).toBe(-Infinity);
    expect(decimalOf('-NaN')).toBeUndefined();
    expect(decimalOf('nan')).toBeUndefined();
    expect(decimalOf('Inf')).toBeUndefined();
  });

  it('refuses hex, separators, stray characters and missing digits', () => {
    for (const text of ['0x1F', '1_000', '1,5', '.', 'e5', '1e', '1e+', '--1', '1.2.3', '12a']) {
      expect(isDecimal(utf8(text), 0, utf8(text).length), text).toBe(false);
    }
  });

  it('reads every double written by String() back to the same double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        // String(-0) is "0"; the writer spells negative zero itself.
        const text = Object.is(value, -0) ? '-0' : String(value);
        expect(Object.is(decimalOf(text), value)).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('agrees with Number() on decimal text of up to 25 digits', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 1,
      maxLength: 25,
    });
    const decimalText = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits,
        fc.option(digits),
        fc.option(fc.integer({ min: -330, max: 330 })),
      )
      .map(
        ([sign, whole, fraction, exponent]) =>
          sign +
          whole +
          (fraction === null ? '' : `.${fraction}`) +
          (exponent === null ? '' : `e${exponent}`),
      );
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(Object.is(decimalOf(text), Number(text))).toBe(true);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
