import type { DataType, Float, Vector } from 'apache-arrow';
import { Precision, Type, util } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import { columnTypeOf } from '../frame/schema.ts';

/** Turns row `row` of a column into the text of its cell, before quoting. */
export type CellFormatter = (row: number) => string;

/**
 * A double as text that reads back as the same double: JavaScript's shortest round-trip form,
 * with `.0` on whole numbers so that the column reads back as double rather than integer,
 * `-0.0` for negative zero, and `NaN`, `Infinity`, `-Infinity` as JavaScript spells them.
 */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

/**
 * Text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return) gets a leading `'`, which spreadsheets show as "this is text" (OWASP's
 * advice against CSV injection). Only text cells: numbers such as `-3` are written as they are.
 */
export function neutraliseFormula(text: string): string {
  const first = text.charCodeAt(0);
  const risky =
    first === 0x3d ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0x40 ||
    first === 0x09 ||
    first === 0x0d;
  return risky ? `'${text}` : text;
}

/**
 * The formatter of a column, by its Arrow type: integers in decimal, doubles by
 * `formatDouble`, booleans as `true`/`false`, timestamps and dates as ISO-8601 in UTC
 * (`2024-03-01T12:30:00.000Z`), text neutralised by `neutraliseFormula`. Null is empty.
 * `rowOffset`: the table rows before this vector's first, for messages.
 */
export function cellFormatter(
  vector: Vector,
  columnName: string,
  rowOffset: number,
): CellFormatter {
  const type: DataType = vector.type;
  const read = (row: number): unknown => vector.get(row);
  const numbers = numberValues(vector);

  switch (type.typeId) {
    case Type.Int:
      if (numbers) {
        const { values, data } = numbers;
        return (row) => (data.getValid(row) ? String(values[row]) : '');
      }
      return (row) => {
        const value = read(row);
        return value === null ? '' : String(value);
      };
    case Type.Float:
      if (numbers && (type as Float).precision !== Precision.HALF) {
        const { values, data } = numbers;
        return (row) => (data.getValid(row) ? formatDouble(values[row] as number) : '');
      }
      return (row) => {
        const value = read(row) as number | null;
        return value === null ? '' : formatDouble(value);
      };
    case Type.Decimal: {
      const { scale } = type as DataType<Type.Decimal> & { scale: number };
      return (row) => {
        const value = read(row);
        return value === null ? '' : formatDouble(util.bigNumToNumber(value as never, scale));
      };
    }
    case Type.Bool:
      return (row) => {
        const value = read(row);
        return value === null ? '' : String(value);
      };
  }

  if (columnTypeOf(type) === 'timestamp') {
    return (row) => {
      const value = read(row) as number | null;
      return value === null ? '' : isoText(value, columnName, rowOffset + row + 1);
    };
  }
  return (row) => {
    const value = read(row);
    return value === null || value === undefined ? '' : neutraliseFormula(textOf(value));
  };
}

/**
 * The values array of a single-chunk numeric vector, read directly: `Vector.get` dispatches
 * through a visitor per cell, which makes writing several times slower. A sliced vector's
 * `values` already start at its first row; its validity bitmap does not, which `getValid`
 * accounts for.
 */
function numberValues(vector: Vector) {
  if (vector.data.length !== 1) return undefined;
  const data = vector.data[0];
  const values = data.values as ArrayLike<number | bigint> | undefined;
  return values === undefined ? undefined : { values, data };
}

const LATEST_DATE_MS = 8.64e15;

/** `row`: 1-based row of the table, for the message. */
function isoText(epochMs: number, columnName: string, row: number): string {
  if (!(Math.abs(epochMs) <= LATEST_DATE_MS)) {
    throw new RecflowError(
      `column \`${columnName}\` holds ${epochMs} ms in row ${row}, outside the dates a ` +
        'CSV timestamp can show (years -271821 to 275760); filter that row out first.',
      { row },
    );
  }
  return new Date(epochMs).toISOString();
}

/** Text of a value of any other type: strings as they are, lists and structs as JSON. */
function textOf(value: unknown): string {
  if (typeof value !== 'object') return String(value);
  return JSON.stringify(value, (_, inner) => (typeof inner === 'bigint' ? String(inner) : inner));
}
