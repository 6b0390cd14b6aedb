import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, BlockArray, NullRows } from './blockArray.ts';

describe('BlockArray', () => {
  it('stores values across blocks and joins them into one array', () => {
    const values = new BlockArray((length) => new Int32Array(length));
    for (const index of [0, 5000, BLOCK_ROWS - 1, BLOCK_ROWS, 3 * BLOCK_ROWS + 7]) {
      const block = values.blockAt(index);
      block[index % BLOCK_ROWS] = index + 1;
    }
    const joined = values.toArray(3 * BLOCK_ROWS + 8);
    expect(joined[0]).toBe(1);
    expect(joined[5000]).toBe(5001);
    expect(joined[BLOCK_ROWS - 1]).toBe(BLOCK_ROWS);
    expect(joined[BLOCK_ROWS]).toBe(BLOCK_ROWS + 1);
    expect(joined[2 * BLOCK_ROWS]).toBe(0);
    expect(joined[3 * BLOCK_ROWS + 7]).toBe(3 * BLOCK_ROWS + 8);
  });

  it('starts small so that a wide file with few rows stays small', () => {
    const values = new BlockArray((length) => new Float64Array(length));
    expect(values.blockAt(3).length).toBe(1024);
    expect(values.blockAt(1024).length).toBe(2048);
  });

  it('converts its values to another array type', () => {
    const ints = new BlockArray((length) => new Int32Array(length));
    ints.blockAt(0)[0] = -7;
    ints.blockAt(BLOCK_ROWS)[1] = 9;
    const doubles = ints.convert((length) => new Float64Array(length));
    const joined = doubles.toArray(BLOCK_ROWS + 2);
    expect(joined).toBeInstanceOf(Float64Array);
    expect([joined[0], joined[BLOCK_ROWS + 1]]).toEqual([-7, 9]);
  });
});

describe('NullRows', () => {
  it('builds a validity bitmap with the null rows cleared', () => {
    const nulls = new NullRows();
    nulls.addUpTo(2);
    nulls.add(9);
    expect(nulls.count).toBe(3);
    expect([...(nulls.toValidity(10) ?? [])]).toEqual([0b11111100, 0b11111101]);
  });

  it('has no bitmap without nulls', () => {
    expect(new NullRows().toValidity(5)).toBeUndefined();
  });
});
