/**
 * ISO-8601 dates and date-times straight from bytes, as milliseconds since 1970 (UTC):
 *
 *   2024-03-01                      midnight UTC
 *   2024-03-01T12:30 / 12:30:15     `T`, `t` or a space between date and time
 *   2024-03-01T12:30:15.123         any number of fraction digits (`.` or `,`), kept to ms
 *   …Z, …+02:00, …+0200, …-05       an offset; without one the time is UTC
 *   +010000-01-01T00:00:00.000Z     six-digit signed years, as `Date.toISOString` writes them
 *
 * A time without an offset is taken as UTC rather than the machine's zone, so that a file
 * reads the same in every browser and on every server. Anything else, or an impossible date
 * such as 2023-02-29, is not a timestamp.
 */

const PLUS = 0x2b;
const MINUS = 0x2d;
const COLON = 0x3a;
const ZERO = 0x30;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** The range of a JavaScript `Date`, so that every timestamp read can also be written. */
const MAX_EPOCH_MS = 8.64e15;

/** Milliseconds since 1970-01-01T00:00:00Z, or `undefined` when the text is not ISO-8601. */
export function parseTimestamp(bytes: Uint8Array, start: number, end: number): number | undefined {
  const cursor = { at: start };

  let year: number;
  const sign = bytes[start];
  if (sign === PLUS || sign === MINUS) {
    cursor.at++;
    year = readDigits(bytes, cursor, 6, end);
    if (sign === MINUS) year = -year;
  } else {
    year = readDigits(bytes, cursor, 4, end);
  }
  if (Number.isNaN(year) || !expect(bytes, cursor, MINUS, end)) return undefined;
  const month = readDigits(bytes, cursor, 2, end);
  if (!(month >= 1 && month <= 12) || !expect(bytes, cursor, MINUS, end)) return undefined;
  const day = readDigits(bytes, cursor, 2, end);
  if (!(day >= 1 && day <= daysInMonth(year, month))) return undefined;

  let epochMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (cursor.at === end) return inRange(epochMs);

  const between = bytes[cursor.at++];
  if (between !== 0x54 /* T */ && between !== 0x74 /* t */ && between !== 0x20) return undefined;
  const time = readTime(bytes, cursor, end);
  if (time === undefined) return undefined;
  epochMs += time;
  if (cursor.at === end) return inRange(epochMs);

  const offset = readOffset(bytes, cursor, end);
  if (offset === undefined || cursor.at !== end) return undefined;
  return inRange(epochMs - offset);
}

/** `HH:MM[:SS[.fff]]` as milliseconds into the day. */
function readTime(bytes: Uint8Array, cursor: { at: number }, end: number): number | undefined {
  const hour = readDigits(bytes, cursor, 2, end);
  if (!(hour <= 23) || !expect(bytes, cursor, COLON, end)) return undefined;
  const minute = readDigits(bytes, cursor, 2, end);
  if (!(minute <= 59)) return undefined;
  let ms = (hour * 60 + minute) * MS_PER_MINUTE;
  if (cursor.at === end || bytes[cursor.at] !== COLON) return ms;

  cursor.at++;
  const second = readDigits(bytes, cursor, 2, end);
  if (!(second <= 59)) return undefined;
  ms += second * 1000;
  const separator = bytes[cursor.at];
  if (cursor.at === end || (separator !== 0x2e && separator !== 0x2c)) return ms;

  cursor.at++;
  const fractionStart = cursor.at;
  let fraction = 0;
  while (cursor.at < end) {
    const digit = bytes[cursor.at] - ZERO;
    if (digit < 0 || digit > 9) break;
    if (cursor.at - fractionStart < 3) fraction = fraction * 10 + digit;
    cursor.at++;
  }
  const fractionDigits = cursor.at - fractionStart;
  if (fractionDigits === 0) return undefined;
  for (let k = fractionDigits; k < 3; k++) fraction *= 10;
  return ms + fraction;
}

/** `Z`, or `±HH`, `±HHMM`, `±HH:MM`, as milliseconds ahead of UTC. */
function readOffset(bytes: Uint8Array, cursor: { at: number }, end: number): number | undefined {
  const sign = bytes[cursor.at++];
  if ((sign | 0x20) === 0x7a /* z */) return 0;
  if (sign !== PLUS && sign !== MINUS) return undefined;
  const hours = readDigits(bytes, cursor, 2, end);
  if (!(hours <= 23)) return undefined;
  let minutes = 0;
  if (cursor.at < end) {
    if (bytes[cursor.at] === COLON) cursor.at++;
    minutes = readDigits(bytes, cursor, 2, end);
    if (!(minutes <= 59)) return undefined;
  }
  const offset = (hours * 60 + minutes) * MS_PER_MINUTE;
  return sign === MINUS ? -offset : offset;
}

/** Exactly `count` ASCII digits as a number, or NaN. */
function readDigits(bytes: Uint8Array, cursor: { at: number }, count: number, end: number): number {
  if (cursor.at + count > end) return Number.NaN;
  let value = 0;
  for (let k = 0; k < count; k++) {
    const digit = bytes[cursor.at + k] - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  cursor.at += count;
  return value;
}

function expect(bytes: Uint8Array, cursor: { at: number }, byte: number, end: number): boolean {
  if (cursor.at >= end || bytes[cursor.at] !== byte) return false;
  cursor.at++;
  return true;
}

function inRange(epochMs: number): number | undefined {
  return Math.abs(epochMs) <= MAX_EPOCH_MS ? epochMs : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, for any year (Howard
 * Hinnant's `days_from_civil`); `Date.UTC` would read years 0–99 as 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
