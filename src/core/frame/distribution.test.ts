import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { distributionsOf } from './distribution.ts';

describe('column distributions', () => {
  it('bucket numbers into 20 equal ranges with min, max and mean', () => {
    const table = tableFromArrays({ rating: Float64Array.from([1, 2, 2, 3, 5]) });
    const [rating] = distributionsOf(table);
    if (rating.kind !== 'continuous') throw new Error(`got ${rating.kind}`);

    expect([rating.min, rating.max, rating.mean]).toEqual([1, 5, 2.6]);
    expect(rating.counts).toHaveLength(20);
    // Width 0.2: 1 → bucket 0, 2 → bucket 5, 3 → bucket 10, 5 → the last bucket.
    expect(rating.counts[0]).toBe(1);
    expect(rating.counts[5]).toBe(2);
    expect(rating.counts[10]).toBe(1);
    expect(rating.counts[19]).toBe(1);
  });

  it('put every value of a constant column in one bucket', () => {
    const [column] = distributionsOf(tableFromArrays({ x: Int32Array.from([7, 7, 7]) }));
    expect(column).toMatchObject({ kind: 'continuous', min: 7, max: 7 });
    if (column.kind === 'continuous') expect(column.counts[0]).toBe(3);
  });

  it('count the values of a text column with at most ten of them, most frequent first', () => {
    const table = tableFromArrays({ genre: ['drama', 'comedy', 'drama', null] });
    expect(distributionsOf(table)[0]).toEqual({
      kind: 'categorical',
      column: 'genre',
      values: [
        ['drama', 2],
        ['comedy', 1],
      ],
      nulls: 1,
    });
  });

  it('say why a column with many distinct values has no chart', () => {
    const names = Array.from({ length: 11 }, (_, index) => `name ${index}`);
    expect(distributionsOf(tableFromArrays({ name: names }))[0]).toEqual({
      kind: 'none',
      column: 'name',
      reason: 'more than 10 distinct values: too many to chart',
    });
  });
});
