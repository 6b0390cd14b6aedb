import { type ColumnSchema, isNumeric, listColumns, type Schema } from '../frame/schema.ts';
import type { ColumnParamSpec, ColumnSelection } from './spec.ts';

/**
 * A numeric column of the DataFrame an estimator is fitted on or an evaluator measures,
 * picked by the name `fallback` unless the user picks another.
 */
export function fitInputColumn(
  name: string,
  fallback: string,
  description: string,
): ColumnParamSpec {
  return {
    name,
    kind: 'column',
    default: { type: 'column', value: fallback },
    source: 'fit input',
    columnType: 'numeric',
    description,
  };
}

export function isColumnSelection(value: unknown): value is ColumnSelection {
  if (typeof value !== 'object' || value === null) return false;
  const { type, value: inner } = value as { type?: unknown; value?: unknown };
  return (
    (type === 'column' && typeof inner === 'string') ||
    (type === 'index' && typeof inner === 'number' && Number.isInteger(inner) && inner >= 0)
  );
}

export function checkColumnSelection(spec: ColumnParamSpec, value: unknown): string | null {
  return isColumnSelection(value)
    ? null
    : `${spec.name} must pick a column by name or by 0-based index; got ${JSON.stringify(value)}`;
}

export function describeSelection(selection: ColumnSelection): string {
  return selection.type === 'column' ? `\`${selection.value}\`` : `index ${selection.value}`;
}

/**
 * Finds the selected column in a schema, or says why it cannot: the column does not exist,
 * or has a type the parameter does not accept.
 */
export function findColumn(
  spec: ColumnParamSpec,
  selection: ColumnSelection,
  schema: Schema,
): { column: ColumnSchema } | { error: string } {
  const column =
    selection.type === 'column'
      ? schema.columns.find((candidate) => candidate.name === selection.value)
      : schema.columns[selection.value];

  if (column === undefined) {
    const what =
      selection.type === 'column'
        ? `Column \`${selection.value}\` does not exist in the input DataFrame`
        : `Column index ${selection.value} is out of range: the input DataFrame has ` +
          `${schema.columns.length} columns`;
    return { error: `${spec.name}: ${what} (column names: ${listColumns(schema)})` };
  }

  const wanted = spec.columnType ?? 'any';
  const fits =
    wanted === 'any' || (wanted === 'numeric' ? isNumeric(column.type) : column.type === wanted);
  if (!fits) {
    return {
      error:
        `${spec.name}: Column \`${column.name}\` has type '${column.type}' ` +
        `instead of expected '${wanted}'`,
    };
  }
  return { column };
}
