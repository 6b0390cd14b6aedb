import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { DataFrameValue, TransformerValue } from '../operation.ts';
import { filterColumns } from './filterColumns.ts';
import { runOperation, testContext } from './testing/context.ts';

function ratings(): Table {
  return new Table({
    user: vectorFromArray([1, 2], new Int32()),
    item: vectorFromArray([10, 20], new Int32()),
    rating: vectorFromArray([4.5, 3], new Float64()),
    title: vectorFromArray(['Heat', 'Alien'], new Utf8()),
  });
}

const keep = (values: string[], excluding = false) => ({
  'selected columns': { selections: [{ type: 'columnList', values }], excluding },
});

describe('Filter Columns', () => {
  it('keeps the selected columns in the input order, with their values', async () => {
    const [frame] = (await runOperation(
      filterColumns,
      [{ type: 'DataFrame', table: ratings() }],
      keep(['rating', 'user']),
    )) as DataFrameValue[];
    expect(frame.table.schema.names).toEqual(['user', 'rating']);
    expect(frame.table.toArray().map((row) => row.toJSON())).toEqual([
      { user: 1, rating: 4.5 },
      { user: 2, rating: 3 },
    ]);
  });

  it('outputs a transformer that makes the same selection on another DataFrame', async () => {
    const [, transformer] = await runOperation(
      filterColumns,
      [{ type: 'DataFrame', table: ratings() }],
      keep(['title'], true),
    );
    const other = new Table({
      title: vectorFromArray(['Up'], new Utf8()),
      year: vectorFromArray([2009], new Int32()),
    });
    const filtered = await (transformer as TransformerValue).transform(
      other,
      testContext(filterColumns),
    );
    expect(filtered.schema.names).toEqual(['year']);
    expect((transformer as TransformerValue).report().fields).toEqual([
      ['selected columns', 'all but names `title`'],
    ]);
  });

  it('fails naming a column that does not exist', async () => {
    await expect(
      runOperation(filterColumns, [{ type: 'DataFrame', table: ratings() }], keep(['genre'])),
    ).rejects.toThrow('selected columns: the input DataFrame has no column `genre`');
  });

  it('knows the output schema before running, and flags missing columns', () => {
    const schema = {
      columns: [
        { name: 'user', type: 'integer' as const },
        { name: 'rating', type: 'double' as const },
      ],
    };
    const infer = (values: Record<string, unknown>) =>
      filterColumns.infer({
        params: testContext(filterColumns, values).params,
        inputs: [{ type: 'DataFrame', schema }],
      });

    const typed = infer({
      'selected columns': {
        selections: [{ type: 'typeList', values: ['numeric'] }],
        excluding: true,
      },
    });
    expect(typed.outputs[0]).toEqual({ type: 'DataFrame', schema: { columns: [] } });
    expect(infer(keep(['rating'])).outputs[0]).toEqual({
      type: 'DataFrame',
      schema: { columns: [schema.columns[1]] },
    });
    expect(infer(keep(['genre'])).errors).toEqual([
      'selected columns: the input DataFrame has no column `genre`; it has 2 columns ' +
        '(column names: `user`, `rating`)',
    ]);
  });
});
