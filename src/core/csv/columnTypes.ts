import type { ColumnType } from '../frame/schema.ts';
import { NOT_BOOLEAN, parseBoolean } from './parseBoolean.ts';
import { isDecimal, isInt32 } from './parseNumber.ts';
import { parseTimestamp } from './parseTimestamp.ts';

/**
 * Type inference as Seahorse does it: a column's type is the narrowest that every one of its
 * non-blank cells is a value of, tried in the order boolean (only with "convert to boolean"),
 * integer, double, timestamp, and string when none fits. The types a column may still have
 * are kept as bits; each cell clears the bits of the types it is not a value of.
 */

export const BOOLEAN = 1;
export const INTEGER = 2;
export const DOUBLE = 4;
export const TIMESTAMP = 8;
/** No bit left: the column is text. */
export const TEXT_ONLY = 0;

/** The bits a column starts with, before its first cell. */
export function allCandidates(convertToBoolean: boolean): number {
  return (convertToBoolean ? BOOLEAN : 0) | INTEGER | DOUBLE | TIMESTAMP;
}

/** Clears the bits of the types the trimmed value `bytes[start, end)` is not a value of. */
export function narrow(candidates: number, bytes: Uint8Array, start: number, end: number): number {
  let left = candidates;
  if (left & BOOLEAN && parseBoolean(bytes, start, end) === NOT_BOOLEAN) left &= ~BOOLEAN;
  if (left & INTEGER) {
    // Every integer is also a double, and none is a timestamp.
    if (isInt32(bytes, start, end)) return left & ~TIMESTAMP;
    left &= ~INTEGER;
  }
  if (left & DOUBLE) {
    if (isDecimal(bytes, start, end)) return left & ~TIMESTAMP;
    left &= ~DOUBLE;
  }
  if (left & TIMESTAMP && parseTimestamp(bytes, start, end) === undefined) left &= ~TIMESTAMP;
  return left;
}

/** The type a column with these bits left is read as. */
export function narrowestType(candidates: number): ColumnType {
  if (candidates & BOOLEAN) return 'boolean';
  if (candidates & INTEGER) return 'integer';
  if (candidates & DOUBLE) return 'double';
  if (candidates & TIMESTAMP) return 'timestamp';
  return 'string';
}
