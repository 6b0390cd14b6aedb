import { describe, expect, it } from 'vitest';
import { arrowTypesOf, read, typesOf, valuesOf } from './testHelpers.ts';

describe('readCsv: types', () => {
  it('reads whole numbers within 32 bits as Int32, spaces around them allowed', async () => {
    const { table } = await read('id,delta\n1, -5\n 2147483647 ,+3\n-2147483648,0\n');
    expect(arrowTypesOf(table)).toEqual({ id: 'Int32', delta: 'Int32' });
    expect(valuesOf(table)).toEqual({ id: [1, 2147483647, -2147483648], delta: [-5, 3, 0] });
  });

  it('reads integers beyond 32 bits and decimals as Float64', async () => {
    const { table } = await read('big,rating,sci\n2147483648,4,1e3\n-2147483649,3.5,-2.5E-3\n');
    expect(arrowTypesOf(table)).toEqual({ big: 'Float64', rating: 'Float64', sci: 'Float64' });
    expect(valuesOf(table)).toEqual({
      big: [2147483648, -2147483649],
      rating: [4, 3.5],
      sci: [1000, -0.0025],
    });
  });

  it('counts NaN, Infinity and -Infinity as numbers', async () => {
    const { table } = await read('x\n1.5\nNaN\nInfinity\n-Infinity\n');
    expect(typesOf(table)).toEqual({ x: 'double' });
    expect(valuesOf(table).x).toEqual([1.5, Number.NaN, Infinity, -Infinity]);
  });

  it('reads ISO-8601 dates and date-times as millisecond timestamps in UTC', async () => {
    const { table } = await read('at\n2024-03-01\n2024-03-01T12:30:00Z\n2024-03-01 14:30+02:00\n');
    expect(arrowTypesOf(table)).toEqual({ at: 'Timestamp<MILLISECOND>' });
    const midnight = Date.UTC(2024, 2, 1);
    const halfPastNoon = Date.UTC(2024, 2, 1, 12, 30);
    expect(valuesOf(table).at).toEqual([midnight, halfPastNoon, halfPastNoon]);
  });

  it('reads anything else as Utf8, exactly as written', async () => {
    const { table } = await read('name,mixed\n Ada ,1\nGrace,2024-01-01\n');
    expect(arrowTypesOf(table)).toEqual({ name: 'Utf8', mixed: 'Utf8' });
    expect(valuesOf(table)).toEqual({ name: [' Ada ', 'Grace'], mixed: ['1', '2024-01-01'] });
  });

  it('makes blank cells null in typed columns and keeps them as text in text columns', async () => {
    const { table } = await read('n,t,d\n1,a,2024-01-01\n,,\n  ,b,  \n');
    expect(typesOf(table)).toEqual({ n: 'integer', t: 'string', d: 'timestamp' });
    expect(valuesOf(table)).toEqual({
      n: [1, null, null],
      t: ['a', '', 'b'],
      d: [Date.UTC(2024, 0, 1), null, null],
    });
  });

  it('reads a column of empty cells only as empty text', async () => {
    const { table } = await read('a,empty\n1,\n2,\n');
    expect(typesOf(table)).toEqual({ a: 'integer', empty: 'string' });
    expect(valuesOf(table).empty).toEqual(['', '']);
  });

  it('reads a column whose cells are only spaces as that text', async () => {
    const { table } = await read('a,spaces\n1, \n2,  \n');
    expect(typesOf(table)).toEqual({ a: 'integer', spaces: 'string' });
    expect(valuesOf(table).spaces).toEqual([' ', '  ']);
  });

  it('reads a column whose first values are blank by the values after them', async () => {
    const { table } = await read('a,late\n1,\n2,\n3,4.5\n');
    expect(typesOf(table)).toEqual({ a: 'integer', late: 'double' });
    expect(valuesOf(table).late).toEqual([null, null, 4.5]);
  });

  it('reads quoted numbers as numbers and values with quotes inside as text', async () => {
    const { table } = await read('q,e\n"3","1"""\n"4","2"\n');
    expect(typesOf(table)).toEqual({ q: 'integer', e: 'string' });
    expect(valuesOf(table)).toEqual({ q: [3, 4], e: ['1"', '2'] });
  });

  it('widens integers to doubles when a decimal comes later, keeping earlier values', async () => {
    const { table, warnings } = await read('x\n1\n-2\n\n2.5\n');
    expect(typesOf(table)).toEqual({ x: 'double' });
    expect(valuesOf(table).x).toEqual([1, -2, 2.5]);
    expect(warnings).toEqual([]);
  });

  it('reads a column as text, cells as written, when a late cell is not a number', async () => {
    const { table, warnings } = await read('id,rating\n1,4.50\n2,\n3,n/a\n');
    expect(typesOf(table)).toEqual({ id: 'integer', rating: 'string' });
    expect(valuesOf(table).rating).toEqual(['4.50', '', 'n/a']);
    expect(warnings).toEqual([
      'column `rating` is read as text because row 4 holds `n/a`, though the rows before it ' +
        'hold numbers; fix or remove that value if the column should not be text.',
    ]);
  });
});

describe('readCsv: convert to boolean', () => {
  it('reads true/false/1/0 in any case as booleans, empty cells as null', async () => {
    const { table } = await read('flag,bit\nTRUE,1\nfalse,0\n,\nTrue,1\n', {
      convertToBoolean: true,
    });
    expect(arrowTypesOf(table)).toEqual({ flag: 'Bool', bit: 'Bool' });
    expect(valuesOf(table)).toEqual({
      flag: [true, false, null, true],
      bit: [true, false, null, true],
    });
  });

  it('leaves 0/1 as integers and true/false as text when it is off', async () => {
    const { table } = await read('flag,bit\ntrue,1\nfalse,0\n', { convertToBoolean: false });
    expect(typesOf(table)).toEqual({ flag: 'string', bit: 'integer' });
  });

  it('widens a 0/1 column to integers or doubles when other numbers follow', async () => {
    const { table } = await read('a,b\n1,0\n0,1\n7,0.5\n', { convertToBoolean: true });
    expect(typesOf(table)).toEqual({ a: 'integer', b: 'double' });
    expect(valuesOf(table)).toEqual({ a: [1, 0, 7], b: [0, 1, 0.5] });
  });

  it('reads true/false followed by a number as text', async () => {
    const { table } = await read('a\ntrue\n2\n', { convertToBoolean: true });
    expect(typesOf(table)).toEqual({ a: 'string' });
    expect(valuesOf(table).a).toEqual(['true', '2']);
  });
});

describe('readCsv: header and names', () => {
  it('trims names and names blank ones unnamed_X by their 0-based index', async () => {
    const { table } = await read(' user ,,item,  \n1,2,3,4\n');
    expect(Object.keys(typesOf(table))).toEqual(['user', 'unnamed_1', 'item', 'unnamed_3']);
  });

  it('makes repeated names unique with _2, _3 and says so', async () => {
    const { table, warnings } = await read('a,b,a,a,b\n1,2,3,4,5\n');
    expect(Object.keys(typesOf(table))).toEqual(['a', 'b', 'a_2', 'a_3', 'b_2']);
    expect(warnings).toEqual([
      'the header names 3 columns `a`; the later ones are renamed `a_2`, `a_3`.',
      'the header names 2 columns `b`; the later one is renamed `b_2`.',
    ]);
  });

  it('skips a suffix that another column already has', async () => {
    const { table } = await read('a,a,a_2\n1,2,3\n');
    expect(Object.keys(typesOf(table))).toEqual(['a', 'a_3', 'a_2']);
  });

  it('reads quoted names with separators and quotes in them', async () => {
    const { table } = await read('"last, first","say ""x"""\n1,2\n');
    expect(Object.keys(typesOf(table))).toEqual(['last, first', 'say "x"']);
  });

  it('names columns _c0, _c1, … and reads the first row as data without a header', async () => {
    const { table, rowCount } = await read('1,a\n2,b\n', { namesIncluded: false });
    expect(rowCount).toBe(2);
    expect(valuesOf(table)).toEqual({ _c0: [1, 2], _c1: ['a', 'b'] });
  });
});

describe('readCsv: file layout', () => {
  it('splits on the chosen separator: semicolon, tab, space, `::`', async () => {
    const expected = { a: [1], b: [2] };
    expect(valuesOf((await read('a;b\n1;2\n', { separator: ';' })).table)).toEqual(expected);
    expect(valuesOf((await read('a\tb\n1\t2\n', { separator: '\t' })).table)).toEqual(expected);
    expect(valuesOf((await read('a b\n1 2\n', { separator: ' ' })).table)).toEqual(expected);
    expect(valuesOf((await read('a::b\n1::2\n', { separator: '::' })).table)).toEqual(expected);
  });

  it('reads MovieLens ratings.dat with `::` and no header', async () => {
    const { table } = await read('1::1193::5::978300760\n1::661::3::978302109\n', {
      separator: '::',
      namesIncluded: false,
    });
    expect(valuesOf(table)).toEqual({
      _c0: [1, 1],
      _c1: [1193, 661],
      _c2: [5, 3],
      _c3: [978300760, 978302109],
    });
  });

  it('reads a file without the separator as one column', async () => {
    const { table } = await read('a,b\n1,2\n', { separator: ';' });
    expect(valuesOf(table)).toEqual({ 'a,b': ['1,2'] });
  });

  it('reads CRLF, LF, lone CR and a mix of them, with or without a final line break', async () => {
    const expected = { a: [1, 3, 5], b: [2, 4, 6] };
    for (const text of [
      'a,b\r\n1,2\r\n3,4\r\n5,6\r\n',
      'a,b\n1,2\n3,4\n5,6',
      'a,b\r1,2\r3,4\r5,6\r',
      'a,b\r\n1,2\n3,4\r5,6',
    ]) {
      expect(valuesOf((await read(text)).table), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('ignores a UTF-8 byte order mark before the first name', async () => {
    const { table } = await read('\uFEFFuser,item\n1,2\n');
    expect(Object.keys(typesOf(table))).toEqual(['user', 'item']);
  });

  it('skips blank lines, at the end too', async () => {
    const { table, rowCount } = await read('a\n\n1\n\n2\n\n\n');
    expect(rowCount).toBe(2);
    expect(valuesOf(table).a).toEqual([1, 2]);
  });

  it('keeps separators, quotes and line breaks inside quoted text', async () => {
    const { table } = await read('id,text\n1,"a,b"\n2,"say ""hi"""\n3,"two\r\nlines"\n');
    expect(valuesOf(table).text).toEqual(['a,b', 'say "hi"', 'two\r\nlines']);
  });

  it('keeps non-ASCII text', async () => {
    const { table } = await read('name\nZoë\n東京\n😀\n');
    expect(valuesOf(table).name).toEqual(['Zoë', '東京', '😀']);
  });

  it('returns the row count and a single record batch', async () => {
    const { table, rowCount } = await read('a\n1\n2\n3\n');
    expect(rowCount).toBe(3);
    expect(table.numRows).toBe(3);
    expect(table.batches).toHaveLength(1);
  });
});
