import type { Ratings } from '../als/types.ts';
import { RecflowError } from '../errors.ts';

export interface RatingsCsvOptions {
  /** @default ',' */
  separator?: string;
  /** Whether the first line names the columns (`user`, `item`, `rating`, …). @default true */
  header?: boolean;
  /** Whether to add a 10-digit Unix timestamp column, as MovieLens files have. @default true */
  timestamps?: boolean;
  /** Approximate size of each chunk. @default 1 MiB */
  chunkBytes?: number;
}

/** Longest row: two signed 32-bit ids, a rating, a timestamp, separators and a line break. */
const longestRowBytes = (separator: Uint8Array) => 11 + 11 + 32 + 10 + 3 * separator.length + 1;

/**
 * Ratings as CSV text (UTF-8 bytes), in chunks, written digit by digit without building a
 * string per row: `user,item,rating,timestamp`, one line per rating, as MovieLens files look.
 * Timestamps are a deterministic scramble of the row number, so the same ratings give the
 * same bytes.
 */
export function* ratingsCsvChunks(
  ratings: Ratings,
  options: RatingsCsvOptions = {},
): Generator<Uint8Array> {
  const separator = new TextEncoder().encode(options.separator ?? ',');
  if (separator.length === 0) {
    throw new RecflowError('the CSV separator is empty; use one such as `,` or `::`.');
  }
  const withTimestamps = options.timestamps ?? true;
  const chunkBytes = Math.max(options.chunkBytes ?? 1 << 20, 4 * longestRowBytes(separator));
  let chunk = new Uint8Array(chunkBytes);
  let at = 0;

  const putText = (text: string) => {
    for (let i = 0; i < text.length; i++) chunk[at++] = text.charCodeAt(i);
  };
  const putSeparator = () => {
    chunk.set(separator, at);
    at += separator.length;
  };

  if (options.header ?? true) {
    const names = withTimestamps
      ? ['user', 'item', 'rating', 'timestamp']
      : ['user', 'item', 'rating'];
    putText(names.join(options.separator ?? ','));
    chunk[at++] = 10;
  }
  for (let row = 0; row < ratings.users.length; row++) {
    at = putInteger(chunk, at, ratings.users[row]);
    putSeparator();
    at = putInteger(chunk, at, ratings.items[row]);
    putSeparator();
    at = putRating(chunk, at, ratings.ratings[row]);
    if (withTimestamps) {
      putSeparator();
      // A fixed odd multiplier scrambles the row number into 10 digits.
      at = putInteger(
        chunk,
        at,
        1_000_000_000 + ((Math.imul(row, 0x9e3779b1) >>> 0) % 500_000_000),
      );
    }
    chunk[at++] = 10;

    if (at > chunkBytes - longestRowBytes(separator)) {
      yield chunk.subarray(0, at);
      chunk = new Uint8Array(chunkBytes);
      at = 0;
    }
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/** The whole CSV in one array; for large shapes prefer `ratingsCsvChunks`. */
export function ratingsCsv(ratings: Ratings, options: RatingsCsvOptions = {}): Uint8Array {
  const chunks = [...ratingsCsvChunks(ratings, options)];
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

const digits = new Uint8Array(11);

/** Writes a whole number in decimal ASCII and returns the position after it. */
function putInteger(target: Uint8Array, at: number, value: number): number {
  let position = at;
  let rest = value;
  if (rest < 0) {
    target[position++] = 45; // '-'
    rest = -rest;
  }
  let count = 0;
  do {
    digits[count++] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  } while (rest > 0);
  while (count > 0) target[position++] = digits[--count];
  return position;
}

/** Whole and half stars are written by hand ("4", "3.5"); anything else as JavaScript prints it. */
function putRating(target: Uint8Array, at: number, rating: number): number {
  const doubled = rating * 2;
  if (Number.isInteger(doubled) && Math.abs(rating) < 1e9) {
    let position = putInteger(target, at, Math.trunc(rating));
    if (!Number.isInteger(rating)) {
      if (rating < 0 && rating > -1) {
        // Math.trunc(-0.5) prints as "0"; the sign must not be lost.
        target.copyWithin(at + 1, at, position);
        target[at] = 45;
        position++;
      }
      target[position++] = 46; // '.'
      target[position++] = 53; // '5'
    }
    return position;
  }
  const text = String(rating);
  for (let i = 0; i < text.length; i++) target[at + i] = text.charCodeAt(i);
  return at + text.length;
}
