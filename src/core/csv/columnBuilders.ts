import type { Data } from 'apache-arrow';
import { Bool, Float64, Int32, makeData, TimestampMillisecond } from 'apache-arrow';
import type { NumberArray } from './blockArray.ts';
import { BLOCK_ROWS, BlockArray, NullRows } from './blockArray.ts';
import { skipLeadingBlanks, skipTrailingBlanks } from './fieldText.ts';
import { NOT_BOOLEAN, parseBoolean } from './parseBoolean.ts';
import { readDecimalInto, readInt32Into } from './parseNumber.ts';
import { parseTimestamp } from './parseTimestamp.ts';
import { FIELD_ESCAPED } from './tokenizer.ts';

/**
 * Typed Arrow columns filled cell by cell. A blank cell (empty or only spaces) is null.
 * `append` returns false, storing nothing, when the cell is not a value of the column's type;
 * the caller then widens the column (`promote`) or gives up on it.
 */

const SPACE = 0x20;
const TAB = 0x09;
/** `prepare` results that are not a value's start. */
const NULL_CELL = -1;
const NOT_A_VALUE = -2;

abstract class TypedBuilder<A extends NumberArray> {
  protected values: BlockArray<A>;
  nulls = new NullRows();
  protected block: A;
  protected blockStart = 0;
  protected blockEnd = 0;
  /** Set by `prepare`: the end of the trimmed value. */
  protected valueEnd = 0;

  constructor(values: BlockArray<A>, emptyBlock: A) {
    this.values = values;
    this.block = emptyBlock;
  }

  /**
   * Trims the cell and records a null for a blank one. Returns where the value starts (and
   * readies `block` for `row`), `NULL_CELL`, or `NOT_A_VALUE` for a quoted value with quotes
   * inside, which no number, boolean or date has.
   */
  protected prepare(bytes: Uint8Array, start: number, end: number, kind: number, row: number) {
    let valueStart = start;
    let valueEnd = end;
    if (valueStart < valueEnd && (bytes[valueStart] === SPACE || bytes[valueStart] === TAB)) {
      valueStart = skipLeadingBlanks(bytes, valueStart, valueEnd);
    }
    if (valueStart < valueEnd && (bytes[valueEnd - 1] === SPACE || bytes[valueEnd - 1] === TAB)) {
      valueEnd = skipTrailingBlanks(bytes, valueStart, valueEnd);
    }
    if (valueStart === valueEnd) {
      this.nulls.add(row);
      return NULL_CELL;
    }
    if (kind === FIELD_ESCAPED) return NOT_A_VALUE;

    if (row >= this.blockEnd) {
      this.block = this.values.blockAt(row);
      this.blockStart = row - (row % BLOCK_ROWS);
      this.blockEnd = this.blockStart + this.block.length;
    }
    this.valueEnd = valueEnd;
    return valueStart;
  }

  /** Takes the values and nulls of a narrower column, converted to this column's type. */
  protected adopt<B extends NumberArray>(from: TypedBuilder<B>, create: (n: number) => A): void {
    this.values = from.values.convert(create);
    this.nulls = from.nulls;
    this.blockEnd = 0;
  }
}

/** `true`/`false`/`1`/`0` (any case), kept one byte per row until packed into bits. */
export class BooleanBuilder extends TypedBuilder<Uint8Array> {
  /** Whether a cell said `true` or `false` rather than 1 or 0: then it cannot become numbers. */
  sawWords = false;

  constructor() {
    super(new BlockArray((n) => new Uint8Array(n)), new Uint8Array(0));
  }

  append(bytes: Uint8Array, start: number, end: number, kind: number, row: number): boolean {
    const valueStart = this.prepare(bytes, start, end, kind, row);
    if (valueStart < 0) return valueStart === NULL_CELL;
    const value = parseBoolean(bytes, valueStart, this.valueEnd);
    if (value === NOT_BOOLEAN) return false;
    if (this.valueEnd - valueStart > 1) this.sawWords = true;
    this.block[row - this.blockStart] = value;
    return true;
  }

  finish(rowCount: number): Data {
    const bytes = this.values.toArray(rowCount);
    const bits = new Uint8Array(Math.ceil(rowCount / 8));
    for (let row = 0; row < rowCount; row++) {
      if (bytes[row] === 1) bits[row >> 3] |= 1 << (row & 7);
    }
    const nullBitmap = this.nulls.toValidity(rowCount);
    const nullCount = this.nulls.count;
    return makeData({ type: new Bool(), length: rowCount, nullCount, nullBitmap, data: bits });
  }
}

/** Whole numbers within signed 32 bits. */
export class Int32Builder extends TypedBuilder<Int32Array> {
  constructor(from?: BooleanBuilder) {
    super(new BlockArray((n) => new Int32Array(n)), new Int32Array(0));
    if (from) this.adopt(from, (n) => new Int32Array(n));
  }

  append(bytes: Uint8Array, start: number, end: number, kind: number, row: number): boolean {
    const valueStart = this.prepare(bytes, start, end, kind, row);
    if (valueStart < 0) return valueStart === NULL_CELL;
    return readInt32Into(bytes, valueStart, this.valueEnd, this.block, row - this.blockStart);
  }

  finish(rowCount: number): Data {
    const data = this.values.toArray(rowCount);
    const nullBitmap = this.nulls.toValidity(rowCount);
    const nullCount = this.nulls.count;
    return makeData({ type: new Int32(), length: rowCount, nullCount, nullBitmap, data });
  }
}

/** Any other decimal number, `NaN` and `±Infinity` included. */
export class Float64Builder extends TypedBuilder<Float64Array> {
  constructor(from?: BooleanBuilder | Int32Builder) {
    super(new BlockArray((n) => new Float64Array(n)), new Float64Array(0));
    if (from) this.adopt(from as TypedBuilder<NumberArray>, (n) => new Float64Array(n));
  }

  append(bytes: Uint8Array, start: number, end: number, kind: number, row: number): boolean {
    const valueStart = this.prepare(bytes, start, end, kind, row);
    if (valueStart < 0) return valueStart === NULL_CELL;
    return readDecimalInto(bytes, valueStart, this.valueEnd, this.block, row - this.blockStart);
  }

  finish(rowCount: number): Data {
    const data = this.values.toArray(rowCount);
    const nullBitmap = this.nulls.toValidity(rowCount);
    const nullCount = this.nulls.count;
    return makeData({ type: new Float64(), length: rowCount, nullCount, nullBitmap, data });
  }
}

/** ISO-8601 dates and date-times, kept as milliseconds since 1970 until finished as Int64. */
export class TimestampBuilder extends TypedBuilder<Float64Array> {
  constructor() {
    super(new BlockArray((n) => new Float64Array(n)), new Float64Array(0));
  }

  append(bytes: Uint8Array, start: number, end: number, kind: number, row: number): boolean {
    const valueStart = this.prepare(bytes, start, end, kind, row);
    if (valueStart < 0) return valueStart === NULL_CELL;
    const epochMs = parseTimestamp(bytes, valueStart, this.valueEnd);
    if (epochMs === undefined) return false;
    this.block[row - this.blockStart] = epochMs;
    return true;
  }

  finish(rowCount: number): Data {
    const epochMs = this.values.toArray(rowCount);
    const data = new BigInt64Array(rowCount);
    for (let row = 0; row < rowCount; row++) data[row] = BigInt(epochMs[row]);
    const nullBitmap = this.nulls.toValidity(rowCount);
    const nullCount = this.nulls.count;
    const type = new TimestampMillisecond();
    return makeData({ type, length: rowCount, nullCount, nullBitmap, data });
  }
}
