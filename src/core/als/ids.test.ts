import { describe, expect, it } from 'vitest';
import { indexIds, lookupPositions, rowsByBlock } from './ids';

describe('id indexing', () => {
  it.each([
    ['narrow ids (lookup table)', [5, 3, 5, 9, 3, 4]],
    ['ids spread over the 32-bit range (sorting)', [2147483647, -2147483648, 7, 2147483647, 0]],
  ])('maps %s to positions among the sorted distinct ids', (_, values) => {
    const { ids, positions } = indexIds(Int32Array.from(values));
    expect([...ids]).toEqual([...new Set(values)].sort((a, b) => a - b));
    values.forEach((value, i) => {
      expect(ids[positions[i]]).toBe(value);
    });
  });

  it('looks up ids, giving -1 for the ones not in the list', () => {
    const sorted = Int32Array.from([-4, 0, 10]);
    expect([...lookupPositions(sorted, Int32Array.from([10, -4, 3, 11, -5]))]).toEqual([
      2, 0, -1, -1, -1,
    ]);
    const wide = Int32Array.from([-2147483648, 2147483647]);
    expect([...lookupPositions(wide, Int32Array.from([2147483647, 0]))]).toEqual([1, -1]);
    expect([...lookupPositions(new Int32Array(0), Int32Array.from([1]))]).toEqual([-1]);
  });

  it('puts each row in block (non-negative id mod n), ascending within a block', () => {
    const blocks = rowsByBlock(Int32Array.from([-7, -3, 0, 2, 4, 5]), 3);
    // −7 mod 3 = 2, −3 mod 3 = 0, 0 → 0, 2 → 2, 4 → 1, 5 → 2
    expect(blocks.map((rows) => [...rows])).toEqual([[1, 2], [4], [0, 3, 5]]);
  });
});
