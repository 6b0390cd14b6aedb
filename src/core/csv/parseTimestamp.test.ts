import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parseTimestamp.ts';
import { utf8 } from './testHelpers.ts';

function epochMsOf(text: string): number | undefined {
  const bytes = utf8(text);
  return parseTimestamp(bytes, 0, bytes.length);
}

describe('parseTimestamp', () => {
  it('reads a date as midnight UTC', () => {
    expect(epochMsOf('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(epochMsOf('1969-12-31')).toBe(-86_400_000);
  });

  it('reads date-times with T, t or a space, with or without seconds and fractions', () => {
    const expected = Date.UTC(2024, 2, 1, 12, 30, 15, 123);
    expect(epochMsOf('2024-03-01T12:30:15.123')).toBe(expected);
    expect(epochMsOf('2024-03-01t12:30:15.123')).toBe(expected);
    expect(epochMsOf('2024-03-01 12:30:15,123')).toBe(expected);
    expect(epochMsOf('2024-03-01T12:30')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(epochMsOf('2024-03-01T12:30:15.1')).toBe(Date.UTC(2024, 2, 1, 12, 30, 15, 100));
    expect(epochMsOf('2024-03-01T12:30:15.123456789')).toBe(expected);
  });

  it('takes a time without an offset as UTC and applies offsets', () => {
    const noon = Date.UTC(2024, 2, 1, 12);
    expect(epochMsOf('2024-03-01T12:00:00Z')).toBe(noon);
    expect(epochMsOf('2024-03-01T14:00:00+02:00')).toBe(noon);
    expect(epochMsOf('2024-03-01T14:00:00+0200')).toBe(noon);
    expect(epochMsOf('2024-03-01T07:00:00-05')).toBe(noon);
    expect(epochMsOf('2024-03-01T12:00:00')).toBe(noon);
  });

  it('reads what Date.toISOString writes, six-digit years included', () => {
    for (const epochMs of [0, 1_700_000_000_123, -62_198_755_200_000, 8.64e15, -8.64e15]) {
      expect(epochMsOf(new Date(epochMs).toISOString())).toBe(epochMs);
    }
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(epochMsOf('0099-01-01')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });

  it('refuses impossible dates and times', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-00-10',
      '2024-03-01T24:00',
      '2024-03-01T12:60',
      '2024-03-01T12:00:60',
      '2024-03-01T12:00+24:00',
    ]) {
      expect(epochMsOf(text), text).toBeUndefined();
    }
    expect(epochMsOf('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses other shapes of text', () => {
    for (const text of [
      '2024',
      '2024-3-1',
      '03/01/2024',
      '2024-03-01T',
      '2024-03-01T12',
      '2024-03-01T12:00:00.',
      '2024-03-01T12:00:00ZZ',
      '2024-03-01X12:00',
      '20240301',
      '+2024-03-01',
    ]) {
      expect(epochMsOf(text), text).toBeUndefined();
    }
  });
});
