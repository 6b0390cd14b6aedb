import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../core/frame/schema.ts';
import { formatColumnSelection, matchColumns, parseColumnSelection } from './columnSearch.ts';

const wide: ColumnSchema[] = Array.from({ length: 10_000 }, (_, index) => ({
  name: `c${index}`,
  type: 'integer',
}));

describe('matchColumns', () => {
  it('lists at most the given number of matches and counts them all', () => {
    const matches = matchColumns(wide, 'c99');
    expect(matches.total).toBe(111); // c99, c990–c999, c9900–c9999
    expect(matches.shown).toHaveLength(100);
    expect(matches.shown[0].name).toBe('c99');
  });

  it('ignores case and surrounding blanks', () => {
    const columns: ColumnSchema[] = [
      { name: 'UserId', type: 'integer' },
      { name: 'item', type: 'integer' },
    ];
    expect(matchColumns(columns, '  user ').shown.map((column) => column.name)).toEqual(['UserId']);
  });

  it('puts an exact name ahead of longer names that contain it', () => {
    const names = matchColumns(wide, 'c5000', new Set(), 3).shown.map((column) => column.name);
    expect(names).toEqual(['c5000']);
    const columns: ColumnSchema[] = [
      { name: 'rating_old', type: 'double' },
      { name: 'rating', type: 'double' },
    ];
    expect(matchColumns(columns, 'rating').shown.map((column) => column.name)).toEqual([
      'rating',
      'rating_old',
    ]);
  });

  it('keeps the given names in sight whatever the query', () => {
    const matches = matchColumns(wide, 'c12', new Set(['c7', 'c9999']), 5);
    expect(matches.shown.map((column) => column.name)).toEqual([
      'c7',
      'c12',
      'c9999',
      'c120',
      'c121',
    ]);
    expect(matches.total).toBe(2 + 111);
  });
});

describe('column selections typed as text', () => {
  it('reads a name, an index after #, or nothing as the default', () => {
    expect(parseColumnSelection('c12', wide)).toEqual({ type: 'column', value: 'c12' });
    expect(parseColumnSelection('#12', wide)).toEqual({ type: 'index', value: 12 });
    expect(parseColumnSelection('', wide)).toBeUndefined();
    expect(parseColumnSelection('missing', wide)).toEqual({ type: 'column', value: 'missing' });
  });

  it('prefers a column literally named like an index', () => {
    const columns: ColumnSchema[] = [{ name: '#1', type: 'string' }];
    expect(parseColumnSelection('#1', columns)).toEqual({ type: 'column', value: '#1' });
    expect(parseColumnSelection('#0', columns)).toEqual({ type: 'index', value: 0 });
  });

  it('writes back what it reads', () => {
    for (const text of ['c3', '#3']) {
      const selection = parseColumnSelection(text, wide);
      expect(selection && formatColumnSelection(selection)).toBe(text);
    }
  });
});
