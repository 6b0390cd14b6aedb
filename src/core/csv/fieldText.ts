import { FIELD_ESCAPED } from './tokenizer.ts';

const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

const decoder = new TextDecoder();

/** The first index of `bytes[start, end)` that is not a space or tab (or `end`). */
export function skipLeadingBlanks(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  return i;
}

/** One past the last index of `bytes[start, end)` that is not a space or tab (or `start`). */
export function skipTrailingBlanks(bytes: Uint8Array, start: number, end: number): number {
  let i = end;
  while (i > start && (bytes[i - 1] === SPACE || bytes[i - 1] === TAB)) i--;
  return i;
}

/**
 * Copies a field's value into `target` at `at`, turning `""` back into `"` for an escaped
 * quoted field; returns the index after the last byte written.
 */
export function copyFieldValue(
  bytes: Uint8Array,
  start: number,
  end: number,
  kind: number,
  target: Uint8Array,
  at: number,
): number {
  if (kind !== FIELD_ESCAPED) {
    // Short values are copied by hand: cheaper than making a subarray for `set`.
    if (end - start > 16) {
      target.set(bytes.subarray(start, end), at);
      return at + end - start;
    }
    let out = at;
    for (let i = start; i < end; i++) target[out++] = bytes[i];
    return out;
  }
  let out = at;
  for (let i = start; i < end; i++) {
    target[out++] = bytes[i];
    // Inside an escaped field every quote is the first of a pair; skip its twin.
    if (bytes[i] === QUOTE) i++;
  }
  return out;
}

/** A field's value as a string, for names and messages. */
export function fieldText(bytes: Uint8Array, start: number, end: number, kind: number): string {
  if (kind !== FIELD_ESCAPED) return decoder.decode(bytes.subarray(start, end));
  const unescaped = new Uint8Array(end - start);
  const length = copyFieldValue(bytes, start, end, kind, unescaped, 0);
  return decoder.decode(unescaped.subarray(0, length));
}
