/**
 * Numbers straight from bytes, without making a string per cell. The caller passes a range
 * with surrounding spaces already trimmed.
 */

const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const INT32_MAX = 2147483647;

/** Whether the text is `[+-]digits` within signed 32 bits. "1.0" and "1e3" are not integers. */
export function isInt32(bytes: Uint8Array, start: number, end: number): boolean {
  return readInt32(bytes, start, end, null, 0);
}

/**
 * Reads an integer into `target[index]`; returns false, writing nothing, for text `isInt32`
 * refuses. Writing instead of returning keeps V8 from allocating a number per cell.
 */
export function readInt32Into(
  bytes: Uint8Array,
  start: number,
  end: number,
  target: Int32Array,
  index: number,
): boolean {
  return readInt32(bytes, start, end, target, index);
}

function readInt32(
  bytes: Uint8Array,
  start: number,
  end: number,
  target: Int32Array | null,
  index: number,
): boolean {
  let i = start;
  const sign = bytes[i];
  const negative = sign === MINUS;
  if (negative || sign === PLUS) i++;
  if (i === end) return false;

  let magnitude = 0;
  for (; i < end; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) return false;
    magnitude = magnitude * 10 + digit;
    if (magnitude > INT32_MAX + 1) return false;
  }
  if (!negative && magnitude > INT32_MAX) return false;
  if (target !== null) target[index] = negative ? -magnitude : magnitude;
  return true;
}

// From text, which is correctly rounded; `10 ** k` need not be.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => Number(`1e${exponent}`));
/** Up to this many significant digits a mantissa is an exact double (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** Exponents beyond this make any value 0 or Infinity; capping keeps the sum finite. */
const EXPONENT_CAP = 100_000;

/**
 * Whether the text is a decimal number as JavaScript's `Number` reads it: `12`, `-3.5`, `.5`,
 * `1.`, `6.02e23`, `NaN`, `Infinity`, `-Infinity`. Hex, `1_000` and `1,5` are not.
 */
export function isDecimal(bytes: Uint8Array, start: number, end: number): boolean {
  return readDecimal(bytes, start, end, null, 0);
}

/**
 * Reads a decimal number into `target[index]`; returns false, writing nothing, for text
 * `isDecimal` refuses. Writing into the column's array instead of returning the number spares
 * V8 a heap allocation per cell.
 */
export function readDecimalInto(
  bytes: Uint8Array,
  start: number,
  end: number,
  target: Float64Array,
  index: number,
): boolean {
  return readDecimal(bytes, start, end, target, index);
}

/**
 * Values with at most 15 significant digits and a power of ten within 10^±22 are computed as
 * one multiplication or division of two exact doubles, which IEEE 754 rounds correctly
 * (Clinger's fast path); the rest go through `Number()`.
 */
function readDecimal(
  bytes: Uint8Array,
  start: number,
  end: number,
  target: Float64Array | null,
  index: number,
): boolean {
  let i = start;
  const sign = bytes[i];
  const negative = sign === MINUS;
  if (negative || sign === PLUS) i++;
  if (i === end) return false;
  if (bytes[i] === 0x49 || bytes[i] === 0x4e) {
    const value = nonFinite(bytes, start, i, end);
    if (value === 0) return false;
    if (target !== null) target[index] = value;
    return true;
  }

  let mantissa = 0;
  let significantDigits = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; i < end; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) break;
    digits++;
    if (mantissa !== 0 || digit !== 0) significantDigits++;
    mantissa = mantissa * 10 + digit;
  }
  if (i < end && bytes[i] === DOT) {
    for (i++; i < end; i++) {
      const digit = bytes[i] - ZERO;
      if (digit < 0 || digit > 9) break;
      digits++;
      fractionDigits++;
      if (mantissa !== 0 || digit !== 0) significantDigits++;
      mantissa = mantissa * 10 + digit;
    }
  }
  if (digits === 0) return false;

  let exponent = 0;
  if (i < end && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
    i++;
    const exponentSign = bytes[i];
    const negativeExponent = exponentSign === MINUS;
    if (negativeExponent || exponentSign === PLUS) i++;
    const exponentStart = i;
    for (; i < end; i++) {
      const digit = bytes[i] - ZERO;
      if (digit < 0 || digit > 9) return false;
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + digit;
    }
    if (i === exponentStart) return false;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return false;
  if (target === null) return true;

  const powerOfTen = exponent - fractionDigits;
  if (significantDigits <= EXACT_DIGITS && powerOfTen >= -22 && powerOfTen <= 22) {
    const magnitude =
      powerOfTen < 0 ? mantissa / POWERS_OF_TEN[-powerOfTen] : mantissa * POWERS_OF_TEN[powerOfTen];
    target[index] = negative ? -magnitude : magnitude;
  } else {
    target[index] = Number(asciiText(bytes, start, end));
  }
  return true;
}

/** `NaN`, `Infinity`, `+Infinity` or `-Infinity` as JavaScript writes them, else 0. */
function nonFinite(bytes: Uint8Array, start: number, wordStart: number, end: number): number {
  const word = asciiText(bytes, wordStart, end);
  if (word === 'Infinity') return bytes[start] === MINUS ? -Infinity : Infinity;
  if (word === 'NaN' && wordStart === start) return Number.NaN;
  return 0;
}

/** Text of a range the caller knows to be ASCII. */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}
