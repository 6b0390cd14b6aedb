import { describe, expect, it } from 'vitest';
import { groupRatings, transposeRows } from './csr';

describe('rating rows', () => {
  // (row, column, rating): rows 0–2, columns 0–3, a duplicate (1, 3) kept twice
  const rows = Int32Array.from([1, 0, 2, 1, 0, 1]);
  const columns = Int32Array.from([3, 2, 0, 0, 1, 3]);
  const ratings = Float64Array.from([10, 20, 30, 40, 50, 60]);

  it('group ratings by row, keeping input order within a row', () => {
    const grouped = groupRatings(rows, columns, ratings, 3);
    expect([...grouped.rowStart]).toEqual([0, 2, 5, 6]);
    expect([...grouped.columns]).toEqual([2, 1, 3, 0, 3, 0]);
    expect([...grouped.ratings]).toEqual([20, 50, 10, 40, 60, 30]);
  });

  it('transpose to rows whose columns ascend, and back to the same ratings', () => {
    const grouped = groupRatings(rows, columns, ratings, 3);
    const byColumn = transposeRows(grouped, 4);
    expect([...byColumn.rowStart]).toEqual([0, 2, 3, 4, 6]);
    expect([...byColumn.columns]).toEqual([1, 2, 0, 0, 1, 1]);
    expect([...byColumn.ratings]).toEqual([40, 30, 50, 20, 10, 60]);

    const back = transposeRows(byColumn, 3);
    expect([...back.rowStart]).toEqual([...grouped.rowStart]);
    expect([...back.columns]).toEqual([1, 2, 0, 3, 3, 0]);
    expect([...back.ratings]).toEqual([50, 20, 40, 10, 60, 30]);
  });
});
