import { describe, expect, it } from 'vitest';
import { allCandidates, narrow, narrowestType } from './columnTypes.ts';
import { NOT_BOOLEAN, parseBoolean } from './parseBoolean.ts';
import { utf8 } from './testHelpers.ts';

function typeAfter(values: string[], convertToBoolean: boolean): string {
  let candidates = allCandidates(convertToBoolean);
  for (const value of values) {
    const bytes = utf8(value);
    candidates = narrow(candidates, bytes, 0, bytes.length);
  }
  return narrowestType(candidates);
}

describe('parseBoolean', () => {
  it('reads true, false, 1 and 0 in any case', () => {
    expect(
      ['true', 'TRUE', 'True', '1'].map((text) => parseBoolean(utf8(text), 0, text.length)),
    ).toEqual([1, 1, 1, 1]);
    expect(
      ['false', 'FALSE', 'fAlSe', '0'].map((text) => parseBoolean(utf8(text), 0, text.length)),
    ).toEqual([0, 0, 0, 0]);
  });

  it('refuses anything else', () => {
    for (const text of ['yes', 't', '2', 'truth', 'falsy', '01']) {
      expect(parseBoolean(utf8(text), 0, text.length), text).toBe(NOT_BOOLEAN);
    }
  });
});

describe('column type inference', () => {
  it('picks the narrowest type in the order boolean, integer, double, timestamp, string', () => {
    expect(typeAfter(['0', '1'], true)).toBe('boolean');
    expect(typeAfter(['0', '1'], false)).toBe('integer');
    expect(typeAfter(['0', '1', '2'], true)).toBe('integer');
    expect(typeAfter(['1', '2.5'], false)).toBe('double');
    expect(typeAfter(['2024-01-01', '2024-01-02T10:00'], false)).toBe('timestamp');
    expect(typeAfter(['1', '2024-01-01'], false)).toBe('string');
    expect(typeAfter(['true', 'false'], false)).toBe('string');
    expect(typeAfter(['true', '1'], true)).toBe('boolean');
  });
});
