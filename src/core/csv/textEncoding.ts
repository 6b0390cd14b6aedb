import { RecflowError } from '../errors.ts';

/**
 * UTF-8 checks on raw bytes. The reader keeps bytes, not strings, so it validates them
 * itself: text columns are copied into Arrow as they are, and must already be UTF-8.
 */

const LF = 0x0a;
const CR = 0x0d;

/** Length of a UTF-8 byte order mark at the start of `bytes`: 3 or 0. */
export function utf8BomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Whether `bytes` start with a UTF-16 byte order mark (either byte order). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Scans `bytes[from, to)` for what a UTF-8 text file cannot hold: NUL bytes and malformed,
 * overlong or surrogate sequences. Returns `to` when all is well, the index of the first bad
 * byte, or `-1 - index` when a sequence starting at `index` runs past `to` (the rest may come
 * with the next chunk).
 */
export function scanUtf8(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const lead = bytes[i];
    if (lead > 0 && lead < 0x80) {
      i++;
      continue;
    }
    if (lead === 0) return i;

    // The ranges of the second byte follow the Unicode standard's table of well-formed
    // sequences (table 3-7): they exclude overlong forms, surrogates and code points > U+10FFFF.
    let length: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) secondMin = 0xa0;
      else if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) secondMin = 0x90;
      else if (lead === 0xf4) secondMax = 0x8f;
    } else return i;

    for (let k = 1; k < length; k++) {
      if (i + k >= to) return -1 - i;
      const next = bytes[i + k];
      const min = k === 1 ? secondMin : 0x80;
      const max = k === 1 ? secondMax : 0xbf;
      if (next < min || next > max) return i;
    }
    i += length;
  }
  return i;
}

/** How many line breaks (LF, CR LF or a lone CR) there are in `bytes[from, to)`. */
export function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte === LF) breaks++;
    else if (byte === CR && bytes[i + 1] !== LF) breaks++;
  }
  return breaks;
}

/** The error for a file that starts with a UTF-16 byte order mark. */
export function utf16Error(): RecflowError {
  return new RecflowError(
    'the file is UTF-16 text, which this reader does not read; save it as UTF-8 ' +
      '(in Excel: "CSV UTF-8 (Comma delimited)") and choose it again.',
    { row: 1 },
  );
}

/** A binary file format that people choose by mistake, with how to get a CSV out of it. */
export interface BinaryFormat {
  name: string;
  fix: string;
}

const saveFromExcel = 'in Excel, save it as "CSV UTF-8 (Comma delimited)" and choose that file.';

/** Formats by the bytes they start with. */
const signatures: [number[], BinaryFormat][] = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    { name: 'an Excel workbook (.xlsx) or another ZIP archive', fix: saveFromExcel },
  ],
  [[0xd0, 0xcf, 0x11, 0xe0], { name: 'an older Excel workbook (.xls)', fix: saveFromExcel }],
  [
    [0x1f, 0x8b],
    {
      name: 'a gzip-compressed file',
      fix: 'decompress it (gunzip, or 7-Zip) and choose the CSV inside.',
    },
  ],
  [[0x89, 0x50, 0x4e, 0x47], { name: 'a PNG image', fix: 'choose a CSV file instead.' }],
  [[0x25, 0x50, 0x44, 0x46], { name: 'a PDF document', fix: 'choose a CSV file instead.' }],
];

/** The binary format whose signature `bytes` start with, if any. */
export function binaryFormatOf(bytes: Uint8Array): BinaryFormat | null {
  for (const [signature, format] of signatures) {
    if (signature.every((byte, i) => bytes[i] === byte)) return format;
  }
  return null;
}

/**
 * The error for a NUL byte or a byte that is not UTF-8, found on `row` (1-based line). A
 * file that started with the signature of a binary format is named as that format: its
 * signature alone does not decide, since a text file may happen to start the same way.
 */
export function notTextError(
  bytes: Uint8Array,
  index: number,
  row: number,
  format: BinaryFormat | null = null,
): RecflowError {
  if (format !== null) {
    return new RecflowError(
      `the file looks like ${format.name}, not CSV text (binary data in row ${row}); ` +
        `${format.fix}`,
      { row },
    );
  }
  if (bytes[index] === 0) {
    return new RecflowError(
      `row ${row} contains a NUL byte, so the file looks binary rather than CSV text; ` +
        'choose a CSV file. If it is UTF-16 text, save it as UTF-8 and choose it again.',
      { row },
    );
  }
  return new RecflowError(
    `row ${row} contains bytes that are not UTF-8 text (the file may be in Windows-1252 or ` +
      'Latin-1); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and choose it again.',
    { row },
  );
}

/**
 * Whether `bytes[from, to)` are ASCII without NUL, the common case, checked four bytes at a
 * time: a word has a byte >= 0x80 when `word & 0x80808080` is set, and a zero byte when
 * `(word - 0x01010101) & ~word & 0x80808080` is (the classic "has zero byte" test).
 */
export function isPlainAscii(bytes: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to && ((bytes.byteOffset + i) & 3) !== 0) {
    const byte = bytes[i++];
    if (byte === 0 || byte >= 0x80) return false;
  }

  const wordCount = (to - i) >>> 2;
  if (wordCount > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, wordCount);
    let high = 0;
    let zero = 0;
    for (let k = 0; k < wordCount; k++) {
      const word = words[k];
      high |= word;
      zero |= (word - 0x01010101) & ~word;
    }
    if (((high | zero) & 0x80808080) !== 0) return false;
    i += wordCount * 4;
  }

  while (i < to) {
    const byte = bytes[i++];
    if (byte === 0 || byte >= 0x80) return false;
  }
  return true;
}
