import type { Table, Vector } from 'apache-arrow';
import { type ColumnType, columnTypeOf } from './schema.ts';

/** How one column's values are spread, as a DataFrame report charts it. */
export type ColumnDistribution =
  | {
      kind: 'continuous';
      column: string;
      /** `buckets` equal-width ranges from min to max; the last includes max. */
      counts: number[];
      min: number;
      max: number;
      mean: number;
      nulls: number;
      /** Timestamps chart as milliseconds since the epoch. */
      timestamps: boolean;
    }
  | { kind: 'categorical'; column: string; values: [value: string, count: number][]; nulls: number }
  | { kind: 'none'; column: string; reason: string };

export const histogramBuckets = 20;
export const mostCategories = 10;

function numericValue(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return null;
}

/** The column as numbers, NaN where null; typed columns without nulls are read in bulk. */
function numbersOf(column: Vector, type: ColumnType): { values: ArrayLike<number>; nulls: number } {
  if (column.nullCount === 0 && type !== 'timestamp') {
    const values = column.toArray() as ArrayLike<number> | BigInt64Array;
    if (!(values instanceof BigInt64Array)) return { values, nulls: 0 };
  }
  const values = new Float64Array(column.length);
  let nulls = 0;
  let row = 0;
  for (const raw of column) {
    const value = numericValue(raw);
    if (value === null) nulls++;
    values[row++] = value ?? Number.NaN;
  }
  return { values, nulls };
}

function continuous(name: string, column: Vector, type: ColumnType): ColumnDistribution {
  const { values, nulls } = numbersOf(column, type);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let finite = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
    finite++;
  }
  if (finite === 0) return { kind: 'none', column: name, reason: 'no finite values to chart' };

  const counts = new Array<number>(histogramBuckets).fill(0);
  const width = (max - min) / histogramBuckets;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!Number.isFinite(value)) continue;
    const bucket = width === 0 ? 0 : Math.floor((value - min) / width);
    counts[Math.min(bucket, histogramBuckets - 1)]++;
  }
  return {
    kind: 'continuous',
    column: name,
    counts,
    min,
    max,
    mean: sum / finite,
    nulls,
    timestamps: type === 'timestamp',
  };
}

function categorical(name: string, column: Vector): ColumnDistribution {
  const counts = new Map<string, number>();
  let nulls = 0;
  for (const raw of column) {
    if (raw === null || raw === undefined) {
      nulls++;
      continue;
    }
    const value = String(raw);
    counts.set(value, (counts.get(value) ?? 0) + 1);
    if (counts.size > mostCategories) {
      return {
        kind: 'none',
        column: name,
        reason: `more than ${mostCategories} distinct values: too many to chart`,
      };
    }
  }
  const values = [...counts].sort(
    ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
  );
  return { kind: 'categorical', column: name, values, nulls };
}

/**
 * Per column: a histogram with min, max and mean for numbers and timestamps, counts for text
 * and booleans with at most ten distinct values, and otherwise the reason there is no chart.
 */
export function distributionsOf(table: Table): ColumnDistribution[] {
  return table.schema.fields.map((field, index) => {
    const column = table.getChildAt(index)!;
    const type = columnTypeOf(field.type);
    if (type === 'integer' || type === 'double' || type === 'timestamp') {
      return continuous(field.name, column, type);
    }
    return categorical(field.name, column);
  });
}
