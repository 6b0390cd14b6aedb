import { Bool, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { takeRows } from './takeRows.ts';

function people(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4, 5], new Int32()),
    score: vectorFromArray([1.5, null, 3.5, null, 5.5], new Float64()),
    name: vectorFromArray(['ann', 'bob', null, 'dan', 'eve'], new Utf8()),
    member: vectorFromArray([true, false, true, null, false], new Bool()),
  });
}

const rowsOf = (table: Table) => table.toArray().map((row) => row.toJSON());

describe('taking rows', () => {
  it('keeps the chosen rows of every column, nulls included, with the same schema', () => {
    const taken = takeRows(people(), Int32Array.from([1, 2, 4]));
    expect(taken.schema.fields.map((field) => String(field.type))).toEqual([
      'Int32',
      'Float64',
      'Utf8',
      'Bool',
    ]);
    expect(rowsOf(taken)).toEqual([
      { id: 2, score: null, name: 'bob', member: false },
      { id: 3, score: 3.5, name: null, member: true },
      { id: 5, score: 5.5, name: 'eve', member: false },
    ]);
  });

  it('reads across chunks and sliced chunks', () => {
    const chunked = people().slice(1).concat(people().slice(0, 2));
    expect(chunked.batches.length).toBe(2);
    const taken = takeRows(chunked, Int32Array.from([0, 3, 4, 5]));
    expect(rowsOf(taken).map((row) => [row.id, row.score])).toEqual([
      [2, null],
      [5, 5.5],
      [1, 1.5],
      [2, null],
    ]);
  });

  it('gives an empty table with the same columns when no row is chosen', () => {
    const taken = takeRows(people(), new Int32Array(0));
    expect(taken.numRows).toBe(0);
    expect(taken.schema.names).toEqual(['id', 'score', 'name', 'member']);
  });
});
