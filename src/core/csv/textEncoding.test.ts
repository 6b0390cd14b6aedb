import { describe, expect, it } from 'vitest';
import { utf8 } from './testHelpers.ts';
import { isPlainAscii, scanUtf8 } from './textEncoding.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('scanUtf8', () => {
  it('accepts ASCII and well-formed sequences of every length', () => {
    const text = utf8('aé€😀z');
    expect(scanUtf8(text, 0, text.length)).toBe(text.length);
  });

  it('points at NUL, stray continuation bytes, overlong forms and surrogates', () => {
    expect(scanUtf8(bytes(0x61, 0x00), 0, 2)).toBe(1);
    expect(scanUtf8(bytes(0x61, 0x80), 0, 2)).toBe(1);
    expect(scanUtf8(bytes(0xc0, 0xaf), 0, 2)).toBe(0);
    expect(scanUtf8(bytes(0xe0, 0x80, 0xaf), 0, 3)).toBe(0);
    expect(scanUtf8(bytes(0xed, 0xa0, 0x80), 0, 3)).toBe(0);
    expect(scanUtf8(bytes(0xf4, 0x90, 0x80, 0x80), 0, 4)).toBe(0);
    expect(scanUtf8(bytes(0xe9, 0x61), 0, 2)).toBe(0);
  });

  it('tells a sequence cut off at the end apart from a wrong one', () => {
    const euro = utf8('a€');
    expect(scanUtf8(euro, 0, 3)).toBe(-1 - 1);
    expect(scanUtf8(euro, 0, 4)).toBe(4);
  });
});

describe('isPlainAscii', () => {
  it('is true for ASCII without NUL at any alignment and length', () => {
    const text = utf8('The quick brown fox, 123;\r\n');
    for (let from = 0; from < 5; from++) {
      expect(isPlainAscii(text, from, text.length)).toBe(true);
      expect(isPlainAscii(text.subarray(from), 0, text.length - from)).toBe(true);
    }
  });

  it('is false for a NUL or a byte above 0x7F anywhere', () => {
    for (let at = 0; at < 12; at++) {
      for (const bad of [0x00, 0x80, 0xff]) {
        const text = utf8('abcdefghijkl');
        text[at] = bad;
        expect(isPlainAscii(text, 0, text.length), `byte ${bad} at ${at}`).toBe(false);
      }
    }
  });
});
