import type { Data } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import type { ColumnType } from '../frame/schema.ts';
import {
  BooleanBuilder,
  Float64Builder,
  Int32Builder,
  TimestampBuilder,
} from './columnBuilders.ts';
import { generatedNames, namesFromHeader } from './columnNames.ts';
import { allCandidates, DOUBLE, INTEGER, narrow, narrowestType, TEXT_ONLY } from './columnTypes.ts';
import { fieldText, skipLeadingBlanks, skipTrailingBlanks } from './fieldText.ts';
import { countOf, describeSeparator, quoteValue } from './messages.ts';
import { TextBuilder } from './textBuilder.ts';
import type { CsvRecord } from './tokenizer.ts';
import { FIELD_ESCAPED } from './tokenizer.ts';
import type { CsvOptions } from './types.ts';

/** The columns read in one pass over the file. */
export interface BuiltColumns {
  names: string[];
  rowCount: number;
  warnings: string[];
  /**
   * Each column's Arrow data, or undefined for a text column whose cells must be read again:
   * it held numbers, booleans or dates until a later cell made it text, and only the parsed
   * values of the earlier cells were kept.
   */
  data: (Data | undefined)[];
}

// How a column is stored while the file is read.
const ONLY_BLANKS = 0;
const BOOLEANS = 1;
const INTEGERS = 2;
const DOUBLES = 3;
const TIMESTAMPS = 4;
const TEXT = 5;
const READ_AGAIN = 6;

type Builder = BooleanBuilder | Int32Builder | Float64Builder | TimestampBuilder | TextBuilder;

const STORAGE_OF: Record<ColumnType, number> = {
  boolean: BOOLEANS,
  integer: INTEGERS,
  double: DOUBLES,
  timestamp: TIMESTAMPS,
  string: TEXT,
};

/**
 * Reads rows into typed columns as they come, inferring each column's type on the way: a
 * column is stored as the narrowest type its cells so far allow, and widened when a cell does
 * not fit (booleans 0/1 to integers, integers to doubles, by converting what is stored). A
 * column that turns out to be text after holding other values is marked to be read again.
 */
export class TableBuilder {
  private readonly options: CsvOptions;
  private readonly onNames: (names: string[]) => void;
  private names: string[] = [];
  private readonly warnings: string[] = [];
  private firstRowLine = 0;
  private rowCount = 0;
  private storage = new Uint8Array(0);
  private candidates = new Uint8Array(0);
  /** Per column stored as `ONLY_BLANKS`: whether every cell so far was empty, not spaces. */
  private blanksAllEmpty = new Uint8Array(0);
  private builders: (Builder | undefined)[] = [];

  /** `onNames` hears the column names as soon as they are known, for messages. */
  constructor(options: CsvOptions, onNames: (names: string[]) => void) {
    this.options = options;
    this.onNames = onNames;
  }

  /** Takes the rows in file order, the header first. */
  onRecord(record: CsvRecord): void {
    if (this.names.length === 0) {
      this.startColumns(record);
      if (this.options.namesIncluded) return;
    }
    if (record.fieldCount !== this.names.length) throw this.fieldCountError(record);

    const row = this.rowCount++;
    const { bytes, starts, ends, kinds, fieldCount } = record;
    const storage = this.storage;
    const builders = this.builders;
    for (let column = 0; column < fieldCount; column++) {
      const start = starts[column];
      const end = ends[column];
      const kind = kinds[column];
      const stored = storage[column];
      if (stored === READ_AGAIN) continue;
      const fits =
        stored === ONLY_BLANKS
          ? this.isBlank(column, bytes, start, end)
          : appendCell(stored, builders[column]!, bytes, start, end, kind, row);
      if (!fits) this.widen(record, column, row);
    }
  }

  /** The columns; throws when the file holds no rows of data. */
  finish(): BuiltColumns {
    if (this.names.length === 0) {
      throw new RecflowError(
        this.options.namesIncluded
          ? 'the file is empty; choose a CSV file with a header row and at least one row of data.'
          : 'the file is empty; choose a CSV file with at least one row of data.',
      );
    }
    if (this.rowCount === 0) {
      throw new RecflowError(
        `the file has a header row (row ${this.firstRowLine}) but no rows of data; choose a ` +
          'file with data, or turn off "names included" if that row is data.',
        { row: this.firstRowLine },
      );
    }

    const data = this.builders.map((builder, column) => {
      if (builder !== undefined) return builder.finish(this.rowCount);
      // A column of blank cells only is text; empty cells need not be read again.
      const allEmpty = this.storage[column] === ONLY_BLANKS && this.blanksAllEmpty[column] === 1;
      return allEmpty ? new TextBuilder(this.names[column]).finish(this.rowCount) : undefined;
    });
    this.builders = [];
    return { names: this.names, rowCount: this.rowCount, warnings: this.warnings, data };
  }

  private startColumns(record: CsvRecord): void {
    this.firstRowLine = record.line;
    if (this.options.namesIncluded) {
      const header = Array.from({ length: record.fieldCount }, (_, column) =>
        fieldText(record.bytes, record.starts[column], record.ends[column], record.kinds[column]),
      );
      const { names, warnings } = namesFromHeader(header);
      this.names = names;
      this.warnings.push(...warnings);
    } else {
      this.names = generatedNames(record.fieldCount);
    }

    const count = this.names.length;
    this.storage = new Uint8Array(count).fill(ONLY_BLANKS);
    this.candidates = new Uint8Array(count).fill(allCandidates(this.options.convertToBoolean));
    this.blanksAllEmpty = new Uint8Array(count).fill(1);
    this.builders = new Array(count).fill(undefined);
    this.onNames(this.names);
  }

  /** For a column with only blank cells so far: whether this cell is blank too. */
  private isBlank(column: number, bytes: Uint8Array, start: number, end: number): boolean {
    const valueStart = skipLeadingBlanks(bytes, start, end);
    if (valueStart !== end) return false;
    if (end > start) this.blanksAllEmpty[column] = 0;
    return true;
  }

  /** Called when a cell does not fit how its column is stored. */
  private widen(record: CsvRecord, column: number, row: number): void {
    const { bytes, starts, ends, kinds } = record;
    const valueStart = skipLeadingBlanks(bytes, starts[column], ends[column]);
    const valueEnd = skipTrailingBlanks(bytes, valueStart, ends[column]);
    const stored = this.storage[column];
    const builder = this.builders[column];

    let before = this.candidates[column];
    if (builder instanceof BooleanBuilder && builder.sawWords) before &= ~(INTEGER | DOUBLE);
    const after =
      kinds[column] === FIELD_ESCAPED ? TEXT_ONLY : narrow(before, bytes, valueStart, valueEnd);
    this.candidates[column] = after;

    if (after === TEXT_ONLY) {
      if (stored === ONLY_BLANKS && this.blanksAllEmpty[column] === 1) {
        const text = new TextBuilder(this.names[column]);
        text.append(bytes, starts[column], ends[column], kinds[column], row);
        this.builders[column] = text;
        this.storage[column] = TEXT;
        return;
      }
      if (stored !== ONLY_BLANKS) this.warnings.push(this.becameTextNote(record, column, before));
      this.builders[column] = undefined;
      this.storage[column] = READ_AGAIN;
      return;
    }

    const type = narrowestType(after);
    const widened = widenedBuilder(type, builder, row);
    this.builders[column] = widened;
    this.storage[column] = STORAGE_OF[type];
    appendCell(STORAGE_OF[type], widened, bytes, starts[column], ends[column], kinds[column], row);
  }

  private fieldCountError(record: CsvRecord): RecflowError {
    const expected = this.names.length;
    const reference = this.options.namesIncluded ? 'the header' : `row ${this.firstRowLine}`;
    return new RecflowError(
      `row ${record.line} has ${countOf(record.fieldCount, 'field')}, but ${reference} has ` +
        `${expected.toLocaleString('en-US')}; check that the separator ` +
        `(${describeSeparator(this.options.separator)}) is the one the file uses and that ` +
        'values containing it are in double quotes.',
      { row: record.line },
    );
  }

  private becameTextNote(record: CsvRecord, column: number, before: number): string {
    const { bytes, starts, ends, kinds } = record;
    const value = fieldText(bytes, starts[column], ends[column], kinds[column]);
    const earlier = DESCRIPTIONS[narrowestType(before)];
    return (
      `column \`${this.names[column]}\` is read as text because row ${record.line} holds ` +
      `${quoteValue(value)}, though the rows before it hold ${earlier}; ` +
      'fix or remove that value if the column should not be text.'
    );
  }
}

const DESCRIPTIONS: Record<ColumnType, string> = {
  boolean: 'booleans',
  integer: 'whole numbers',
  double: 'numbers',
  timestamp: 'dates',
  string: 'text',
};

/**
 * Appends a cell to a column stored as `stored`. One call site per builder class keeps each
 * call monomorphic, which V8 inlines.
 */
function appendCell(
  stored: number,
  builder: Builder,
  bytes: Uint8Array,
  start: number,
  end: number,
  kind: number,
  row: number,
): boolean {
  switch (stored) {
    case INTEGERS:
      return (builder as Int32Builder).append(bytes, start, end, kind, row);
    case DOUBLES:
      return (builder as Float64Builder).append(bytes, start, end, kind, row);
    case TEXT:
      (builder as TextBuilder).append(bytes, start, end, kind, row);
      return true;
    case BOOLEANS:
      return (builder as BooleanBuilder).append(bytes, start, end, kind, row);
    default:
      return (builder as TimestampBuilder).append(bytes, start, end, kind, row);
  }
}

/**
 * The builder for a column that widens to `type`: a new one for a column of blanks so far
 * (its earlier rows null), or the current one's values converted. Inference only ever widens
 * booleans (0/1) to numbers and integers to doubles: any other change ends in text.
 */
function widenedBuilder(type: ColumnType, current: Builder | undefined, row: number): Builder {
  if (current === undefined) {
    const created = newBuilder(type);
    created.nulls.addUpTo(row);
    return created;
  }
  if (type === 'integer' && current instanceof BooleanBuilder) return new Int32Builder(current);
  if (type === 'double' && (current instanceof BooleanBuilder || current instanceof Int32Builder)) {
    return new Float64Builder(current);
  }
  throw new Error(`csv: cannot widen a ${current.constructor.name} column to ${type}`);
}

function newBuilder(type: ColumnType) {
  switch (type) {
    case 'boolean':
      return new BooleanBuilder();
    case 'integer':
      return new Int32Builder();
    case 'double':
      return new Float64Builder();
    default:
      return new TimestampBuilder();
  }
}
