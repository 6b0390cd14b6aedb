import type { Table, Vector } from 'apache-arrow';
import { RecflowError } from '../errors';
import { numericColumn, readNumbers } from './columns';
import type { Ratings } from './types';

/**
 * Turning an Arrow table into training ratings or scoring ids, with Spark's input checks:
 * ids numeric, whole, within the signed 32-bit range and present (negative ids are fine);
 * ratings present and finite. Each error names the column, the 1-based row and the value.
 */

const MIN_ID = -2147483648;
const MAX_ID = 2147483647;
/**
 * The largest 32-bit float. Spark keeps ratings as such floats; ratings far beyond it would
 * overflow a double once squared in the normal equations.
 */
const MAX_RATING = 3.4028234663852886e38;

/** The user or item id column of a table, checked and converted to 32-bit integers. */
export function idsFromColumn(table: Table, columnName: string, role: 'user' | 'item'): Int32Array {
  return readIds(numericColumn(table, columnName), columnName, role);
}

function readIds(vector: Vector, column: string, role: string) {
  const { values, firstNull } = readNumbers(vector);
  if (firstNull >= 0) {
    const row = firstNull + 1;
    throw new RecflowError(
      `column \`${column}\` is empty in row ${row}; every row needs a ${role} id, so fill it ` +
        'in or remove the row.',
      { row },
    );
  }

  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isInteger(value)) {
      throw new RecflowError(
        `column \`${column}\` holds ${value} in row ${i + 1}; ${role} ids must be whole numbers.`,
        { row: i + 1 },
      );
    }
    if (value < MIN_ID || value > MAX_ID) {
      throw new RecflowError(
        `column \`${column}\` holds ${value} in row ${i + 1}; ${role} ids must lie between ` +
          `${MIN_ID} and ${MAX_ID}.`,
        { row: i + 1 },
      );
    }
    ids[i] = value;
  }
  return ids;
}

function readRatings(vector: Vector, column: string): Float64Array {
  const { values, firstNull } = readNumbers(vector);
  if (firstNull >= 0) {
    const row = firstNull + 1;
    throw new RecflowError(
      `column \`${column}\` is empty in row ${row}; every row needs a rating, so fill it in ` +
        'or remove the row.',
      { row },
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RecflowError(
        `column \`${column}\` holds ${values[i]} in row ${i + 1}; ratings must be finite ` +
          'numbers, so fix or remove that row.',
        { row: i + 1 },
      );
    }
    if (Math.abs(values[i]) > MAX_RATING) {
      throw new RecflowError(
        `column \`${column}\` holds ${values[i]} in row ${i + 1}; ratings must lie within ` +
          `±${MAX_RATING.toPrecision(5)} (the 32-bit float range Spark keeps them in), so fix ` +
          'or remove that row.',
        { row: i + 1 },
      );
    }
  }
  return values;
}

/**
 * The training ratings of a table: user and item ids and a rating per row. All three
 * columns are checked to exist and be numeric before any value is read; the rating column
 * is required for implicit feedback too. Duplicate (user, item) rows stay separate.
 */
export function ratingsFromTable(
  table: Table,
  columns: { user: string; item: string; rating: string },
): Ratings {
  const userVector = numericColumn(table, columns.user);
  const itemVector = numericColumn(table, columns.item);
  const ratingVector = numericColumn(table, columns.rating);
  if (table.numRows === 0) {
    throw new RecflowError(
      'no ratings to train on: the input has no rows; connect a DataFrame with at least one ' +
        'rating.',
    );
  }

  return {
    users: readIds(userVector, columns.user, 'user'),
    items: readIds(itemVector, columns.item, 'item'),
    ratings: readRatings(ratingVector, columns.rating),
  };
}
