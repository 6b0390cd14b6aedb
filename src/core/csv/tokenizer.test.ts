import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { fieldText } from './fieldText.ts';
import { utf8 } from './testHelpers.ts';
import type { CsvRecord } from './tokenizer.ts';
import { CsvTokenizer, FIELD_ESCAPED, FIELD_PLAIN, FIELD_QUOTED } from './tokenizer.ts';

interface Row {
  line: number;
  fields: string[];
}

/** Tokenizes `bytes` pushed in pieces ending at `cuts`; returns rows as text. */
function tokenize(input: string | Uint8Array, separator = ',', cuts: number[] = []): Row[] {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const rows: Row[] = [];
  const onRecord = (record: CsvRecord) => {
    const fields = Array.from({ length: record.fieldCount }, (_, index) =>
      fieldText(record.bytes, record.starts[index], record.ends[index], record.kinds[index]),
    );
    rows.push({ line: record.line, fields });
  };
  const tokenizer = new CsvTokenizer(
    { separator, separatorBytes: utf8(separator), checkText: true },
    onRecord,
  );
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    tokenizer.push(bytes.subarray(start, cut));
    start = cut;
  }
  tokenizer.finish();
  return rows;
}

function fieldsOf(input: string, separator = ','): string[][] {
  return tokenize(input, separator).map((row) => row.fields);
}

function errorOf(run: () => unknown): RecflowError {
  try {
    run();
  } catch (error) {
    return error as RecflowError;
  }
  throw new Error('expected an error');
}

describe('CsvTokenizer', () => {
  it('splits rows at LF, CR LF and a lone CR, with or without a final line break', () => {
    expect(fieldsOf('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a\n1\r\n2\r3')).toEqual([['a'], ['1'], ['2'], ['3']]);
  });

  it('keeps empty fields, including a last one after a trailing separator', () => {
    expect(fieldsOf(',a,,\n')).toEqual([['', 'a', '', '']]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const rows = tokenize('a\n\n1\r\n\r\n2\n\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['1'] },
      { line: 5, fields: ['2'] },
    ]);
  });

  it('reads quoted fields with separators, line breaks and doubled quotes inside', () => {
    expect(fieldsOf('"a,b","say ""hi""","two\nlines","cr\r\nlf"\n')).toEqual([
      ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'],
    ]);
  });

  it('marks fields as plain, quoted or escaped', () => {
    const kinds: number[] = [];
    const tokenizer = new CsvTokenizer(
      { separator: ',', separatorBytes: utf8(','), checkText: true },
      (record) => kinds.push(...record.kinds.subarray(0, record.fieldCount)),
    );
    tokenizer.push(utf8('a,"b","c""d"'));
    tokenizer.finish();
    expect(kinds).toEqual([FIELD_PLAIN, FIELD_QUOTED, FIELD_ESCAPED]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(fieldsOf('5" disk,x\n')).toEqual([['5" disk', 'x']]);
  });

  it('allows spaces between a closing quote and the separator', () => {
    expect(fieldsOf('"a"  ,b\n')).toEqual([['a', 'b']]);
  });

  it('keeps a quoted empty field on its own line as a row, not a blank line', () => {
    expect(fieldsOf('a\n""\n')).toEqual([['a'], ['']]);
  });

  it('counts lines inside quoted fields for the rows after them', () => {
    const rows = tokenize('h\n"1\n2\r\n3"\nnext\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it('splits on a separator of several characters and leaves single characters of it alone', () => {
    expect(fieldsOf('1::2::a:b\n', '::')).toEqual([['1', '2', 'a:b']]);
    expect(fieldsOf('x:::y\n', '::')).toEqual([['x', ':y']]);
  });

  it('splits on tab and on a non-ASCII separator', () => {
    expect(fieldsOf('a\tb\n', '\t')).toEqual([['a', 'b']]);
    expect(fieldsOf('a§b§c\n', '§')).toEqual([['a', 'b', 'c']]);
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(fieldsOf('\uFEFFa,b\n')).toEqual([['a', 'b']]);
  });

  it('gives the same rows wherever the chunks are cut', () => {
    const text = '\uFEFFé::"q::""x""\r\ny"::€\r\n😀::plain\r::"end"';
    const bytes = utf8(text);
    const whole = tokenize(bytes, '::');
    expect(whole.map((row) => row.fields)).toEqual([
      ['é', 'q::"x"\r\ny', '€'],
      ['😀', 'plain'],
      ['', 'end'],
    ]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(tokenize(bytes, '::', [cut]), `cut at ${cut}`).toEqual(whole);
    }
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(tokenize(bytes, '::', everyByte)).toEqual(whole);
  });

  it('reports an unclosed quote on the line where it opened', () => {
    const error = errorOf(() => tokenize('a,b\n1,2\n3,"open\nmore\n'));
    expect(error).toBeInstanceOf(RecflowError);
    expect(error.message).toBe(
      'row 3: the quoted value of column 2 is never closed; end it with a double quote, and ' +
        'write each quote inside a value as two ("").',
    );
    expect(error.row).toBe(3);
  });

  it('reports text after a closing quote with the row and a hint about the separator', () => {
    const error = errorOf(() => tokenize('a;b\n"x";y\r\n'));
    expect(error.message).toMatch(/^row 2: in column 1, the quoted value is followed by `;y` /);
    expect(error.message).toContain('check that the separator (comma (`,`)) is the one');
    expect(error.row).toBe(2);
  });
});
