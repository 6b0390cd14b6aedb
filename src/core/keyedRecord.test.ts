import { describe, expect, it } from 'vitest';
import { keyedRecord } from './keyedRecord.ts';

const awkwardKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];

describe('keyedRecord', () => {
  it.each(awkwardKeys)('reads an absent %s as undefined', (key) => {
    expect(keyedRecord<number>()[key]).toBeUndefined();
  });

  it.each(awkwardKeys)('keeps %s as an ordinary entry, and Object.prototype alone', (key) => {
    const record = keyedRecord<number>();
    record[key] = 1;
    expect(Object.keys(record)).toEqual([key]);
    expect(record[key]).toBe(1);
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(({} as Record<string, unknown>)[key]).not.toBe(1);
  });

  it('copies own entries only, `__proto__` as parsed from JSON included', () => {
    const parsed = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
    const copy = keyedRecord(parsed);
    expect(Object.entries(copy)).toEqual([
      ['__proto__', 1],
      ['a', 2],
    ]);
    copy.a = 3;
    expect(parsed.a).toBe(2);
  });
});
