import { type ColumnType, listColumns, type Schema } from '../frame/schema.ts';
import type { ColumnSelectionPart, ColumnsParamSpec, MultipleColumnSelection } from './spec.ts';

/**
 * The multiple column selector: Seahorse's `{ "selections": [...], "excluding": false }`.
 * Resolving it against a schema follows Seahorse's DataFrameColumnsGetter: a name or an
 * index that does not exist is an error, the selected columns keep the input's order and
 * appear once however many parts select them.
 */

/** Seahorse's column type names; recflow's integer and double columns are both `numeric`. */
export const seahorseColumnTypes = [
  'numeric',
  'boolean',
  'string',
  'timestamp',
  'array',
  'vector',
  'other',
] as const;

function seahorseTypeOf(type: ColumnType): string {
  return type === 'integer' || type === 'double' ? 'numeric' : type;
}

const isIndex = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** Why a part is malformed, or null. */
function partProblem(part: unknown): string | null {
  if (typeof part !== 'object' || part === null) return 'each selection must be an object';
  const { type, values } = part as { type?: unknown; values?: unknown };
  if (!Array.isArray(values)) return `selection ${JSON.stringify(type)} needs a list of values`;

  switch (type) {
    case 'columnList':
      return values.every((value) => typeof value === 'string')
        ? null
        : 'column names must be text';
    case 'indexList':
      return values.every(isIndex) ? null : 'column indexes must be whole numbers from 0';
    case 'indexRange':
      if (values.length > 2 || !values.every(isIndex)) {
        return 'an index range is [first, last]: at most two whole numbers from 0';
      }
      return values.length === 2 && values[0] > values[1]
        ? `the index range [${values[0]}, ${values[1]}] ends before it starts`
        : null;
    case 'typeList': {
      const unknown = values.find(
        (value) => !(seahorseColumnTypes as readonly unknown[]).includes(value),
      );
      return unknown === undefined
        ? null
        : `${JSON.stringify(unknown)} is not a column type; use ${seahorseColumnTypes.join(', ')}`;
    }
    default:
      return (
        `${JSON.stringify(type)} is not a kind of selection; ` +
        'use columnList, indexList, indexRange or typeList'
      );
  }
}

export function isMultipleColumnSelection(value: unknown): value is MultipleColumnSelection {
  return selectionProblem(value) === null;
}

function selectionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it must be an object';
  const { selections, excluding } = value as { selections?: unknown; excluding?: unknown };
  if (!Array.isArray(selections)) return '`selections` must be a list';
  if (typeof excluding !== 'boolean') return '`excluding` must be true or false';
  for (const part of selections) {
    const problem = partProblem(part);
    if (problem !== null) return problem;
  }
  return null;
}

export function checkColumnsSelection(spec: ColumnsParamSpec, value: unknown): string | null {
  const problem = selectionProblem(value);
  return problem === null ? null : `${spec.name}: ${problem}; got ${JSON.stringify(value)}`;
}

/** Whether the part selects the column at `index`. */
function selects(part: ColumnSelectionPart, index: number, schema: Schema): boolean {
  const column = schema.columns[index];
  switch (part.type) {
    case 'columnList':
      return part.values.includes(column.name);
    case 'indexList':
      return part.values.includes(index);
    case 'indexRange': {
      if (part.values.length === 0) return false;
      const [first, last = first] = part.values;
      return index >= first && index <= last;
    }
    case 'typeList':
      return part.values.includes(seahorseTypeOf(column.type));
  }
}

/** Names and indexes the part asks for that the schema does not have, as the error says them. */
function missing(part: ColumnSelectionPart, schema: Schema): string[] {
  const count = schema.columns.length;
  switch (part.type) {
    case 'columnList':
      return part.values
        .filter((name) => !schema.columns.some((column) => column.name === name))
        .map((name) => `column \`${name}\``);
    case 'indexList':
      return part.values.filter((index) => index >= count).map((index) => `index ${index}`);
    case 'indexRange': {
      const last = part.values.at(-1);
      return last !== undefined && last >= count ? [`index range [${part.values.join(', ')}]`] : [];
    }
    case 'typeList':
      return [];
  }
}

/**
 * The 0-based indexes of the selected columns in the schema's order, or the errors that
 * stop it: names or indexes that do not exist.
 */
export function resolveColumns(
  spec: ColumnsParamSpec,
  selection: MultipleColumnSelection,
  schema: Schema,
): { indexes: number[] } | { error: string } {
  const absent = selection.selections.flatMap((part) => missing(part, schema));
  if (absent.length > 0) {
    return {
      error:
        `${spec.name}: the input DataFrame has no ${absent.join(', ')}; it has ` +
        `${schema.columns.length} columns (column names: ${listColumns(schema)})`,
    };
  }

  const indexes: number[] = [];
  for (let index = 0; index < schema.columns.length; index++) {
    const selected = selection.selections.some((part) => selects(part, index, schema));
    if (selected !== selection.excluding) indexes.push(index);
  }
  return { indexes };
}

function describePart(part: ColumnSelectionPart): string {
  switch (part.type) {
    case 'columnList':
      return `names ${part.values.map((name) => `\`${name}\``).join(', ')}`;
    case 'indexList':
      return `indexes ${part.values.join(', ')}`;
    case 'indexRange':
      return part.values.length === 0 ? 'no indexes' : `indexes ${part.values.join('–')}`;
    case 'typeList':
      return `types ${part.values.join(', ')}`;
  }
}

/** "names `a`, `b`; indexes 0–2; types numeric", prefixed "all but" when excluding. */
export function describeColumnsSelection(selection: MultipleColumnSelection): string {
  const parts = selection.selections.map(describePart);
  const listed = parts.length === 0 ? 'no columns' : parts.join('; ');
  return selection.excluding ? `all but ${listed}` : listed;
}
