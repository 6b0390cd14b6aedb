import type { Vector } from 'apache-arrow';
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  TimestampSecond,
  tableFromArrays,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { formatDouble } from './formatCell.ts';
import { csvChunks, writeCsv } from './writeCsv.ts';

/** A one-batch table from named vectors. */
function tableOf(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

describe('writeCsv', () => {
  it('writes a header, then one line per row ending in LF', () => {
    const table = tableFromArrays({
      user: Int32Array.from([1, 2]),
      item: Int32Array.from([10, 20]),
    });
    expect(writeCsv(table)).toBe('user,item\n1,10\n2,20\n');
  });

  it('quotes cells with the separator, quotes, CR or LF and doubles their quotes', () => {
    const table = tableOf({
      text: vectorFromArray(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'], new Utf8()),
    });
    expect(writeCsv(table)).toBe('text\n"a,b"\n"say ""hi"""\n"two\nlines"\n"cr\rhere"\nplain\n');
  });

  it('writes with another separator and quotes for that one', () => {
    const table = tableOf({
      a: vectorFromArray(['x;y', 'x,y'], new Utf8()),
      b: vectorFromArray([1, 2], new Int32()),
    });
    expect(writeCsv(table, { separator: ';' })).toBe('a;b\n"x;y";1\nx,y;2\n');
    expect(writeCsv(table, { separator: '\t' })).toBe('a\tb\nx;y\t1\nx,y\t2\n');
  });

  it('quotes a cell whose end would run into a separator of several characters', () => {
    const table = tableOf({
      a: vectorFromArray(['x:', 'x', 'a::b'], new Utf8()),
      b: vectorFromArray(['1', '2', '3'], new Utf8()),
    });
    expect(writeCsv(table, { separator: '::' })).toBe('a::b\n"x:"::1\nx::2\n"a::b"::3\n');
  });

  it('writes null as an empty cell, and as "" when the table has one column', () => {
    const two = tableOf({
      a: vectorFromArray([1, null], new Int32()),
      b: vectorFromArray([null, 'x'], new Utf8()),
    });
    expect(writeCsv(two)).toBe('a,b\n1,\n,x\n');
    const one = tableOf({ a: vectorFromArray(['x', null, ''], new Utf8()) });
    expect(writeCsv(one)).toBe('a\nx\n""\n""\n');
  });

  it('writes booleans as true and false', () => {
    const table = tableOf({ flag: vectorFromArray([true, false, null], new Bool()) });
    expect(writeCsv(table)).toBe('flag\ntrue\nfalse\n""\n');
  });

  it('writes timestamps and dates as ISO-8601 in UTC', () => {
    const at = Date.UTC(2024, 2, 1, 12, 30, 15, 123);
    const table = tableOf({
      ms: vectorFromArray([at], new TimestampMillisecond()),
      s: vectorFromArray([Date.UTC(2024, 2, 1)], new TimestampSecond()),
      day: vectorFromArray([new Date(Date.UTC(2024, 2, 1))], new DateDay()),
    });
    expect(writeCsv(table)).toBe(
      'ms,s,day\n2024-03-01T12:30:15.123Z,2024-03-01T00:00:00.000Z,2024-03-01T00:00:00.000Z\n',
    );
  });

  it('refuses a timestamp beyond the dates a Date can show, naming column and row', () => {
    const outOfRange = makeData({
      type: new TimestampMillisecond(),
      length: 2,
      data: BigInt64Array.from([0n, 9_000_000_000_000_000n]),
    });
    const table = tableOf({ at: makeVector(outOfRange) });
    expect(() => writeCsv(table)).toThrow(RecflowError);
    expect(() => writeCsv(table)).toThrow(/^column `at` holds 9000000000000000 ms in row 2/);
  });

  it('writes doubles so that they read back identical, whole ones with .0', () => {
    const values = [1, -3, 0.1, 1 / 3, 1e21, 5e-324, -0, Number.NaN, Infinity, -Infinity];
    expect(values.map(formatDouble)).toEqual([
      '1.0',
      '-3.0',
      '0.1',
      '0.3333333333333333',
      '1e+21',
      '5e-324',
      '-0.0',
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
    const table = tableOf({ x: vectorFromArray([2.5, -7], new Float64()) });
    expect(writeCsv(table)).toBe('x\n2.5\n-7.0\n');
  });

  it('writes Int64, Float32 and dictionary-encoded text', () => {
    const table = tableOf({
      big: vectorFromArray([9_007_199_254_740_993n], new Int64()),
      f: vectorFromArray([0.5], new Float32()),
      tag: vectorFromArray(['red'], new Dictionary(new Utf8(), new Int32())),
    });
    expect(writeCsv(table)).toBe('big,f,tag\n9007199254740993,0.5,red\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, and only text', () => {
    const table = tableOf({
      text: vectorFromArray(
        ['=1+2', '+x', '-x', '@SUM(A1)', '\tx', '\rx', 'ok=1', "'q"],
        new Utf8(),
      ),
      n: vectorFromArray([-3, 1, -1, 0, 0, 0, 0, 0], new Int32()),
    });
    expect(writeCsv(table)).toBe(
      "text,n\n'=1+2,-3\n'+x,1\n'-x,-1\n'@SUM(A1),0\n'\tx,0\n\"'\rx\",0\nok=1,0\n'q,0\n",
    );
  });

  it('neutralises formula-looking column names', () => {
    const table = tableOf({ '=cmd': vectorFromArray([1], new Int32()) });
    expect(writeCsv(table)).toBe("'=cmd\n1\n");
  });

  it('yields pieces of at most 10,000 rows that join to the whole text', () => {
    const table = tableFromArrays({ n: Int32Array.from({ length: 25_000 }, (_, index) => index) });
    const chunks = [...csvChunks(table)];
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe('n\n');
    expect(chunks.join('')).toBe(writeCsv(table));
    expect(chunks[3].endsWith('24999\n')).toBe(true);
  });

  it('writes every record batch of a table in order', () => {
    const schema = new Schema([new Field('n', new Int32(), true)]);
    const batchOf = (values: number[]) =>
      new RecordBatch(
        schema,
        makeData({
          type: new Struct(schema.fields),
          length: values.length,
          nullCount: 0,
          children: [
            makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values) }),
          ],
        }),
      );
    const table = new Table([batchOf([1, 2]), batchOf([3])]);
    expect(writeCsv(table)).toBe('n\n1\n2\n3\n');
  });

  it('writes a slice of a table from its own first row, nulls included', () => {
    const table = tableOf({
      n: vectorFromArray([1, null, 3, 4], new Int32()),
      x: vectorFromArray([0.5, 1.5, null, 3.5], new Float64()),
    });
    expect(writeCsv(table.slice(1, 3))).toBe('n,x\n,1.5\n3,\n');
  });

  it('refuses a separator with a quote or a line break', () => {
    const table = tableFromArrays({ n: Int32Array.from([1]) });
    expect(() => writeCsv(table, { separator: '"' })).toThrow(
      /^the separator contains a double quote/,
    );
    expect(() => writeCsv(table, { separator: '' })).toThrow(/^the separator is empty/);
  });
});
