import type { DataType, Table } from 'apache-arrow';
import { Type } from 'apache-arrow';

/**
 * Column types as the user sees them. `integer` and `double` are both numeric for the
 * column checks of operations; the split keeps integer ids cheap to store.
 */
export type ColumnType = 'integer' | 'double' | 'boolean' | 'timestamp' | 'string';

export interface ColumnSchema {
  name: string;
  type: ColumnType;
}

/** What is known about a DataFrame without its rows: the ordered columns. */
export interface Schema {
  columns: ColumnSchema[];
}

export function isNumeric(type: ColumnType): boolean {
  return type === 'integer' || type === 'double';
}

export function columnTypeOf(type: DataType): ColumnType {
  switch (type.typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'double';
    case Type.Bool:
      return 'boolean';
    case Type.Timestamp:
    case Type.Date:
      return 'timestamp';
    default:
      return 'string';
  }
}

export function schemaOf(table: Table): Schema {
  return {
    columns: table.schema.fields.map((field) => ({
      name: field.name,
      type: columnTypeOf(field.type),
    })),
  };
}

export function columnNames(schema: Schema): string[] {
  return schema.columns.map((column) => column.name);
}

/**
 * "`a`, `b`, `c`": how error messages list the columns a user can choose from; a wide table
 * lists its first 20 and says how many more there are.
 */
export function listColumns(schema: Schema, most = 20): string {
  const names = schema.columns.slice(0, most).map((column) => `\`${column.name}\``);
  const rest = schema.columns.length - names.length;
  return rest > 0
    ? `${names.join(', ')} and ${rest.toLocaleString('en-US')} more`
    : names.join(', ');
}
