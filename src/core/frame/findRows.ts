import type { Table } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import { listColumns, schemaOf } from './schema.ts';
import { takeRows } from './takeRows.ts';

/**
 * The rows whose `column` holds `value` (compared as the cell is written in a CSV: `12`,
 * `drama`), in table order, at most `limit` of them.
 */
export function rowsWhere(table: Table, column: string, value: string, limit: number): Table {
  const index = table.schema.fields.findIndex((field) => field.name === column);
  if (index < 0) {
    throw new RecflowError(
      `there is no column \`${column}\` to search (column names: ${listColumns(schemaOf(table))})`,
    );
  }

  const wanted = value.trim();
  const asNumber = wanted === '' ? Number.NaN : Number(wanted);
  const vector = table.getChildAt(index)!;
  const found: number[] = [];
  for (let row = 0; row < table.numRows && found.length < limit; row++) {
    const cell = vector.get(row);
    const matches =
      typeof cell === 'number' || typeof cell === 'bigint'
        ? Number(cell) === asNumber
        : cell !== null && String(cell) === wanted;
    if (matches) found.push(row);
  }
  return takeRows(table, Int32Array.from(found));
}
