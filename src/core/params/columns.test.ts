import { describe, expect, it } from 'vitest';
import type { Schema } from '../frame/schema.ts';
import { describeColumnsSelection, resolveColumns } from './columns.ts';
import {
  type ColumnsParamSpec,
  type MultipleColumnSelection,
  resolveParams,
  validateParams,
} from './index.ts';

const spec: ColumnsParamSpec = {
  name: 'selected columns',
  kind: 'columns',
  default: { selections: [], excluding: false },
  source: { port: 0 },
  description: 'Columns.',
};

const schema: Schema = {
  columns: [
    { name: 'user', type: 'integer' },
    { name: 'item', type: 'integer' },
    { name: 'rating', type: 'double' },
    { name: 'title', type: 'string' },
    { name: 'watched', type: 'timestamp' },
  ],
};

function names(selection: MultipleColumnSelection): string[] | string {
  const resolved = resolveColumns(spec, selection, schema);
  if ('error' in resolved) return resolved.error;
  return resolved.indexes.map((index) => schema.columns[index].name);
}

describe('the multiple column selector', () => {
  it('selects by names, keeping the input order and each column once', () => {
    const byName: MultipleColumnSelection = {
      selections: [
        { type: 'columnList', values: ['rating', 'user'] },
        { type: 'columnList', values: ['user'] },
      ],
      excluding: false,
    };
    expect(names(byName)).toEqual(['user', 'rating']);
  });

  it('selects by indexes and by inclusive index ranges', () => {
    expect(
      names({ selections: [{ type: 'indexList', values: [4, 0] }], excluding: false }),
    ).toEqual(['user', 'watched']);
    expect(
      names({ selections: [{ type: 'indexRange', values: [1, 3] }], excluding: false }),
    ).toEqual(['item', 'rating', 'title']);
    expect(names({ selections: [{ type: 'indexRange', values: [2] }], excluding: false })).toEqual([
      'rating',
    ]);
  });

  it('selects by type, integer and double columns both being numeric', () => {
    const numeric = { selections: [{ type: 'typeList' as const, values: ['numeric'] }] };
    expect(names({ ...numeric, excluding: false })).toEqual(['user', 'item', 'rating']);
    const text = { type: 'typeList' as const, values: ['string', 'timestamp'] };
    expect(names({ selections: [text], excluding: false })).toEqual(['title', 'watched']);
  });

  it('keeps every other column when excluding', () => {
    const selection: MultipleColumnSelection = {
      selections: [
        { type: 'columnList', values: ['title'] },
        { type: 'indexRange', values: [0, 1] },
      ],
      excluding: true,
    };
    expect(names(selection)).toEqual(['rating', 'watched']);
    expect(describeColumnsSelection(selection)).toBe('all but names `title`; indexes 0–1');
  });

  it('selects nothing by default, and everything when excluding nothing', () => {
    expect(names(spec.default)).toEqual([]);
    expect(names({ selections: [], excluding: true })).toHaveLength(5);
  });

  it('names the columns and indexes that do not exist, and the columns there are', () => {
    const selection: MultipleColumnSelection = {
      selections: [
        { type: 'columnList', values: ['user', 'genre'] },
        { type: 'indexList', values: [7] },
        { type: 'indexRange', values: [3, 5] },
      ],
      excluding: false,
    };
    expect(names(selection)).toBe(
      'selected columns: the input DataFrame has no column `genre`, index 7, index range ' +
        '[3, 5]; it has 5 columns (column names: `user`, `item`, `rating`, `title`, `watched`)',
    );
  });

  it('accepts Seahorse’s stored values and rejects malformed ones with the reason', () => {
    const stored = {
      selections: [
        { type: 'columnList', values: ['a', 'b'] },
        { type: 'indexRange', values: [0, 2] },
        { type: 'typeList', values: ['numeric'] },
      ],
      excluding: false,
    };
    expect(validateParams([spec], { 'selected columns': stored })).toEqual([]);
    expect(resolveParams([spec], {})).toEqual({ 'selected columns': spec.default });

    const message = (value: unknown) =>
      validateParams([spec], { 'selected columns': value })[0]?.message;
    expect(message(['a'])).toContain('`selections` must be a list');
    expect(message({ selections: [], excluding: 'no' })).toContain('`excluding` must be');
    expect(
      message({ selections: [{ type: 'indexRange', values: [3, 1] }], excluding: false }),
    ).toContain('the index range [3, 1] ends before it starts');
    expect(
      message({ selections: [{ type: 'typeList', values: ['float'] }], excluding: false }),
    ).toContain('"float" is not a column type');
    expect(message({ selections: [{ type: 'regex', values: [] }], excluding: false })).toContain(
      '"regex" is not a kind of selection',
    );
  });
});
