import { RecflowError } from '../errors.ts';
import { MAX_COLUMNS, MAX_ROW_BYTES, MAX_ROW_TEXT } from './limits.ts';
import { describeSeparator, quoteValue } from './messages.ts';
import {
  type BinaryFormat,
  binaryFormatOf,
  countLineBreaks,
  hasUtf16Bom,
  isPlainAscii,
  notTextError,
  scanUtf8,
  utf8BomLength,
  utf16Error,
} from './textEncoding.ts';

/** A field written without quotes. */
export const FIELD_PLAIN = 0;
/** A quoted field without `""` inside: its bytes are the value. */
export const FIELD_QUOTED = 1;
/** A quoted field with `""` inside: its bytes still hold the doubled quotes. */
export const FIELD_ESCAPED = 2;

/**
 * One row of the file as byte ranges into `bytes`, which is only valid during the callback:
 * field `i` is `bytes[starts[i], ends[i])`, without its surrounding quotes.
 */
export interface CsvRecord {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** `FIELD_PLAIN`, `FIELD_QUOTED` or `FIELD_ESCAPED` per field. */
  kinds: Uint8Array;
  fieldCount: number;
  /** The 1-based line of the file the row starts on, counting the header and blank lines. */
  line: number;
}

export interface CsvTokenizerOptions {
  /** The separator as the user typed it, for messages. */
  separator: string;
  /** Its UTF-8 bytes. */
  separatorBytes: Uint8Array;
  /** Whether to check that the bytes are UTF-8 text (the first pass does, the second not). */
  checkText: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const EMPTY = new Uint8Array(0);
const FIRST_FIELD_CAPACITY = 64;

/**
 * Splits CSV bytes into rows and fields (RFC 4180) as they arrive in chunks of any size.
 *
 * Rows end at LF, CR LF or a lone CR; quotes are special only at the start of a field; blank
 * lines are skipped. A row that is not complete at the end of a chunk is kept and scanned again
 * with the next chunk, so chunk boundaries may fall anywhere: inside quotes, a CR LF, a UTF-8
 * character or a separator of several characters. Rows are limited to `MAX_ROW_BYTES`, which
 * bounds both what is kept between chunks and the cost of scanning it again.
 */
export class CsvTokenizer {
  /** Names a column in messages; the reader sets it once the header is known. */
  columnLabel: (index: number) => string = (index) => `column ${index + 1}`;

  private readonly options: CsvTokenizerOptions;
  private readonly onRecord: (record: CsvRecord) => void;
  private readonly record: CsvRecord;
  private pending: Uint8Array = EMPTY;
  /** Line of the first byte of `pending`, which is always the start of a row. */
  private line = 1;
  private started = false;
  /** What the first bytes say the file is when it is a known binary format, else null. */
  private binaryFormat: BinaryFormat | null = null;
  /** Bytes of `pending` before this index are known to be UTF-8. */
  private checkedUpTo = 0;
  /** Set when a scan stops inside quotes: the line the quote opened on. */
  private openQuoteLine = 0;
  private openQuoteField = 0;

  constructor(options: CsvTokenizerOptions, onRecord: (record: CsvRecord) => void) {
    this.options = options;
    this.onRecord = onRecord;
    this.record = {
      bytes: EMPTY,
      starts: new Int32Array(FIRST_FIELD_CAPACITY),
      ends: new Int32Array(FIRST_FIELD_CAPACITY),
      kinds: new Uint8Array(FIRST_FIELD_CAPACITY),
      fieldCount: 0,
      line: 1,
    };
  }

  /** Feeds the next bytes of the file; complete rows are passed to `onRecord` at once. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pending.length === 0) {
      this.consume(chunk, false);
      return;
    }
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending, 0);
    joined.set(chunk, this.pending.length);
    this.consume(joined, false);
  }

  /** Ends the file: the last row needs no line break, an open quote is an error. */
  finish(): void {
    this.consume(this.pending, true);
    this.pending = EMPTY;
  }

  private consume(bytes: Uint8Array, final: boolean): void {
    let start = 0;
    if (!this.started) {
      // Wait for four bytes to tell a byte order mark or a binary format's signature.
      if (bytes.length < 4 && !final) {
        this.pending = bytes.slice();
        return;
      }
      if (hasUtf16Bom(bytes)) throw utf16Error();
      this.binaryFormat = binaryFormatOf(bytes);
      start = utf8BomLength(bytes);
      this.started = true;
    }

    if (this.options.checkText) this.checkText(bytes, start, final);

    const tailStart = this.scanRows(bytes, start, final);
    if (final) return;
    if (bytes.length - tailStart > MAX_ROW_BYTES) throw this.tooLongError();
    this.pending = bytes.slice(tailStart);
    this.checkedUpTo -= tailStart;
  }

  /**
   * Checks the bytes not checked yet; most files are ASCII, which is checked fastest. Rows
   * start at `start` (after a byte order mark).
   */
  private checkText(bytes: Uint8Array, start: number, final: boolean): void {
    const from = this.checkedUpTo;
    const length = bytes.length;
    const result = isPlainAscii(bytes, from, length) ? length : scanUtf8(bytes, from, length);
    if (result === length) {
      this.checkedUpTo = length;
      return;
    }
    const incompleteAt = result < 0 ? -1 - result : -1;
    if (incompleteAt >= 0 && !final) {
      this.checkedUpTo = incompleteAt;
      return;
    }
    const badAt = incompleteAt >= 0 ? incompleteAt : result;
    const row = this.line + countLineBreaks(bytes, 0, badAt);
    // The rows before the bad byte go first, so that an error in one of them is reported, as
    // it is when the bad byte comes in a later chunk: the error never depends on chunking.
    // The bad byte is scanned too: it is no LF, so a CR just before it ends a row.
    this.scanRows(bytes.subarray(0, badAt + 1), start, false);
    throw notTextError(bytes, badAt, row, this.binaryFormat);
  }

  /**
   * Emits every complete row of `bytes` from `start` and returns where the incomplete rest
   * starts. One flat loop over fields, because this is where the reader spends its time.
   */
  private scanRows(bytes: Uint8Array, start: number, final: boolean): number {
    const separator = this.options.separatorBytes;
    const separatorFirst = separator[0];
    const separatorLength = separator.length;
    const length = bytes.length;
    const record = this.record;
    let { starts, ends, kinds } = record;
    let rowStart = start;
    let i = start;
    let fieldCount = 0;
    let breaksInQuotes = 0;

    while (rowStart < length) {
      // A field starts at i.
      if (fieldCount === starts.length) {
        this.growFields(fieldCount);
        ({ starts, ends, kinds } = record);
      }
      let kind = FIELD_PLAIN;
      let fieldStart = i;
      let fieldEnd: number;
      if (i < length && bytes[i] === QUOTE) {
        this.openQuoteLine = this.line + breaksInQuotes;
        this.openQuoteField = fieldCount;
        const closingQuote = this.scanQuoted(bytes, i + 1, final);
        if (closingQuote < 0) return rowStart;
        kind = this.quotedKind;
        breaksInQuotes += this.quotedBreaks;
        this.openQuoteLine = 0;
        fieldStart = i + 1;
        fieldEnd = closingQuote;
        i = closingQuote + 1;
        while (
          i < length &&
          (bytes[i] === SPACE || bytes[i] === TAB) &&
          bytes[i] !== separatorFirst
        ) {
          i++;
        }
      } else {
        if (separatorLength === 1) {
          while (i < length) {
            const byte = bytes[i];
            if (byte === separatorFirst || byte === LF || byte === CR) break;
            i++;
          }
        } else {
          for (; i < length; i++) {
            const byte = bytes[i];
            if (byte === LF || byte === CR) break;
            if (byte !== separatorFirst) continue;
            const match = matchesAt(bytes, i, separator);
            if (match === MATCH) break;
            if (match === UNKNOWN && !final) return rowStart;
          }
          // The loop stopped at a whole separator unless it stopped at a line break or the end.
          if (i < length && bytes[i] === separatorFirst) {
            starts[fieldCount] = fieldStart;
            ends[fieldCount] = i;
            kinds[fieldCount++] = FIELD_PLAIN;
            i += separatorLength;
            continue;
          }
        }
        fieldEnd = i;
      }
      starts[fieldCount] = fieldStart;
      ends[fieldCount] = fieldEnd;
      kinds[fieldCount] = kind;
      fieldCount++;

      // What follows the field: a separator, a line break or the end of the bytes.
      let next: number;
      if (i < length) {
        const byte = bytes[i];
        if (byte === separatorFirst) {
          const match = separatorLength === 1 ? MATCH : matchesAt(bytes, i, separator);
          if (match === MATCH) {
            i += separatorLength;
            continue;
          }
          if (match === UNKNOWN && !final) return rowStart;
        }
        if (byte === LF) next = i + 1;
        else if (byte === CR) {
          if (i + 1 >= length && !final) return rowStart;
          next = bytes[i + 1] === LF ? i + 2 : i + 1;
        } else {
          // The message quotes what follows; wait for it, so that it is the same text
          // wherever the chunks of the file happen to end.
          if (!final && !hasQuotableText(bytes, i)) return rowStart;
          throw this.textAfterQuoteError(bytes, i, fieldCount - 1);
        }
      } else {
        if (!final) return rowStart;
        next = length;
      }

      if (next - rowStart > MAX_ROW_BYTES) throw this.tooLongError();
      const isBlank = fieldCount === 1 && kind === FIELD_PLAIN && fieldEnd === fieldStart;
      if (!isBlank) {
        record.bytes = bytes;
        record.fieldCount = fieldCount;
        record.line = this.line;
        this.onRecord(record);
      }
      this.line += breaksInQuotes + (next > i ? 1 : 0);
      rowStart = next;
      i = next;
      fieldCount = 0;
      breaksInQuotes = 0;
    }
    return rowStart;
  }

  /** Kind of the field `scanQuoted` last read. */
  private quotedKind = FIELD_QUOTED;
  /** Line breaks inside the field `scanQuoted` last read. */
  private quotedBreaks = 0;

  /**
   * Finds the quote that closes a quoted field whose text starts at `from`; -1 when the bytes
   * end first. Sets `quotedKind` and `quotedBreaks`.
   */
  private scanQuoted(bytes: Uint8Array, from: number, final: boolean): number {
    const length = bytes.length;
    let kind = FIELD_QUOTED;
    let breaks = 0;
    for (let i = from; ; i++) {
      if (i >= length) {
        if (final) throw this.unclosedQuoteError();
        return -1;
      }
      const byte = bytes[i];
      if (byte === QUOTE) {
        if (i + 1 < length && bytes[i + 1] === QUOTE) {
          kind = FIELD_ESCAPED;
          i++;
          continue;
        }
        // A quote at the very end of the bytes may be the first of a `""` pair.
        if (i + 1 >= length && !final) return -1;
        this.quotedKind = kind;
        this.quotedBreaks = breaks;
        return i;
      }
      if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) breaks++;
    }
  }

  private growFields(fieldCount: number): void {
    if (fieldCount >= MAX_COLUMNS) {
      throw new RecflowError(
        `row ${this.line} has more than ${MAX_COLUMNS.toLocaleString('en-US')} fields, the ` +
          `most this reader accepts; check that the separator ` +
          `(${describeSeparator(this.options.separator)}) is the one the file uses.`,
        { row: this.line },
      );
    }
    const record = this.record;
    const capacity = Math.min(MAX_COLUMNS, fieldCount * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const kinds = new Uint8Array(capacity);
    starts.set(record.starts);
    ends.set(record.ends);
    kinds.set(record.kinds);
    record.starts = starts;
    record.ends = ends;
    record.kinds = kinds;
  }

  private unclosedQuoteError(): RecflowError {
    const row = this.openQuoteLine;
    return new RecflowError(
      `row ${row}: the quoted value of ${this.columnLabel(this.openQuoteField)} is never ` +
        'closed; end it with a double quote, and write each quote inside a value as two ("").',
      { row },
    );
  }

  private textAfterQuoteError(bytes: Uint8Array, at: number, field: number): RecflowError {
    const row = this.line;
    let end = at;
    while (
      end < bytes.length &&
      end < at + QUOTED_AFTER &&
      bytes[end] !== LF &&
      bytes[end] !== CR
    ) {
      end++;
    }
    const after = new TextDecoder().decode(bytes.subarray(at, end));
    return new RecflowError(
      `row ${row}: in ${this.columnLabel(field)}, the quoted value is followed by ` +
        `${quoteValue(after)} before the next separator; check that the separator ` +
        `(${describeSeparator(this.options.separator)}) is the one the file uses, and that ` +
        'values with quotes are quoted as a whole, each inner quote written as two ("").',
      { row },
    );
  }

  /** For the row starting on `this.line`, complete or not. */
  private tooLongError(): RecflowError {
    const row = this.line;
    if (this.openQuoteLine > 0) {
      const quoteRow = this.openQuoteLine;
      return new RecflowError(
        `row ${quoteRow}: the quoted value of ${this.columnLabel(this.openQuoteField)} is ` +
          `still open after ${MAX_ROW_TEXT}; check that it is closed with a double quote, and ` +
          'that each quote inside a value is written as two ("").',
        { row: quoteRow },
      );
    }
    return new RecflowError(
      `row ${row} is longer than ${MAX_ROW_TEXT}, the longest row this reader accepts; check ` +
        'that the file is a CSV file with one row per line.',
      { row },
    );
  }
}

/** How many bytes after a closing quote the error for stray text quotes at most. */
const QUOTED_AFTER = 20;

/** Whether `bytes` from `at` hold all the text `textAfterQuoteError` would quote. */
function hasQuotableText(bytes: Uint8Array, at: number): boolean {
  const end = Math.min(bytes.length, at + QUOTED_AFTER);
  if (end === at + QUOTED_AFTER) return true;
  for (let i = at; i < end; i++) if (bytes[i] === LF || bytes[i] === CR) return true;
  return false;
}

const MATCH = 0;
const NO_MATCH = 1;
/** The bytes end before the separator could be told apart. */
const UNKNOWN = 2;

function matchesAt(bytes: Uint8Array, at: number, separator: Uint8Array): number {
  for (let k = 0; k < separator.length; k++) {
    if (at + k >= bytes.length) return UNKNOWN;
    if (bytes[at + k] !== separator[k]) return NO_MATCH;
  }
  return MATCH;
}
