import { describe, expect, it } from 'vitest';
import { generatedNames, namesFromHeader } from './columnNames.ts';

describe('column names', () => {
  it('trims names and names blank ones after their 0-based index', () => {
    expect(namesFromHeader([' a ', '', '\t', 'b'])).toEqual({
      names: ['a', 'unnamed_1', 'unnamed_2', 'b'],
      warnings: [],
    });
  });

  it('makes repeated names unique, blank ones included', () => {
    const { names, warnings } = namesFromHeader(['x', 'x', 'unnamed_2', '']);
    expect(names).toEqual(['x', 'x_2', 'unnamed_2', 'unnamed_3']);
    expect(warnings).toEqual(['the header names 2 columns `x`; the later one is renamed `x_2`.']);
  });

  it("follows Spark's _c0, _c1, … without a header", () => {
    expect(generatedNames(3)).toEqual(['_c0', '_c1', '_c2']);
  });
});
