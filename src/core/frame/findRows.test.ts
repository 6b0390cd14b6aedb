import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsWhere } from './findRows.ts';

const recommendations = tableFromArrays({
  user: Int32Array.from([1, 1, 2, 2, 3]),
  item: Int32Array.from([10, 11, 10, 12, 13]),
  genre: ['a', 'b', 'a', 'c', 'a'],
});

describe('finding rows by a value', () => {
  it('returns the rows whose number column holds the typed number, in order', () => {
    const found = rowsWhere(recommendations, 'user', '2', 100);
    expect([...found.getChild('item')!]).toEqual([10, 12]);
  });

  it('matches text exactly and stops at the limit', () => {
    const found = rowsWhere(recommendations, 'genre', 'a', 2);
    expect([...found.getChild('user')!]).toEqual([1, 2]);
  });

  it('finds nothing for a value that is not there', () => {
    expect(rowsWhere(recommendations, 'user', 'seven', 100).numRows).toBe(0);
  });

  it('names the columns there are when the column is missing', () => {
    expect(() => rowsWhere(recommendations, 'uid', '1', 10)).toThrow(
      'there is no column `uid` to search (column names: `user`, `item`, `genre`)',
    );
  });
});
