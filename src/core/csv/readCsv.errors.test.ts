import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { MAX_COLUMNS, MAX_ROW_BYTES } from './limits.ts';
import { read, rejectionOf, utf8 } from './testHelpers.ts';

async function errorReading(
  text: string | Uint8Array,
  options: Parameters<typeof read>[1] = {},
): Promise<RecflowError> {
  const error = await rejectionOf(read(text, options));
  expect(error).toBeInstanceOf(RecflowError);
  return error as RecflowError;
}

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? utf8(part) : Uint8Array.from(part),
  );
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

describe('readCsv: errors the user can fix', () => {
  it('refuses an empty file', async () => {
    for (const text of ['', '\uFEFF', '\n\r\n\n']) {
      const error = await errorReading(text);
      expect(error.message).toBe(
        'the file is empty; choose a CSV file with a header row and at least one row of data.',
      );
    }
    const withoutHeader = await errorReading('', { namesIncluded: false });
    expect(withoutHeader.message).toBe(
      'the file is empty; choose a CSV file with at least one row of data.',
    );
  });

  it('refuses a header without rows of data', async () => {
    const error = await errorReading('\nuser,item\n\n');
    expect(error.message).toBe(
      'the file has a header row (row 2) but no rows of data; choose a file with data, or ' +
        'turn off "names included" if that row is data.',
    );
    expect(error.row).toBe(2);
  });

  it('names the row with the wrong number of fields, counting header and blank lines', async () => {
    const error = await errorReading('user,item,rating\n1,2,3\n\n4,5\n');
    expect(error.message).toBe(
      'row 4 has 2 fields, but the header has 3; check that the separator (comma (`,`)) is ' +
        'the one the file uses and that values containing it are in double quotes.',
    );
    expect(error.row).toBe(4);
  });

  it('counts the lines inside quoted values in row numbers', async () => {
    const error = await errorReading('id,text\n1,"two\nlines"\n2,x,extra\n');
    expect(error.message).toMatch(/^row 4 has 3 fields, but the header has 2;/);
  });

  it('compares with the first row when there is no header', async () => {
    const error = await errorReading('1;2\n3;4;5\n', { namesIncluded: false, separator: ';' });
    expect(error.message).toBe(
      'row 2 has 3 fields, but row 1 has 2; check that the separator (semicolon (`;`)) is the ' +
        'one the file uses and that values containing it are in double quotes.',
    );
  });

  it('names a quote that is never closed by its row and column', async () => {
    const error = await errorReading('id,text\n1,ok\n2,"open\n3,more\n');
    expect(error.message).toBe(
      'row 3: the quoted value of column `text` is never closed; end it with a double quote, ' +
        'and write each quote inside a value as two ("").',
    );
    expect(error.row).toBe(3);
  });

  it('refuses text between a closing quote and the separator', async () => {
    const error = await errorReading('id,text\n1,"a"b\n');
    expect(error.message).toMatch(
      /^row 2: in column `text`, the quoted value is followed by `b` before the next separator;/,
    );
  });

  it('refuses a file with NUL bytes as binary, with a hint for UTF-16', async () => {
    const error = await errorReading(bytesOf('a,b\n1,2\n3,', [0, 0x34], '\n'));
    expect(error.message).toBe(
      'row 3 contains a NUL byte, so the file looks binary rather than CSV text; choose a CSV ' +
        'file. If it is UTF-16 text, save it as UTF-8 and choose it again.',
    );
    expect(error.row).toBe(3);
  });

  it('refuses bytes that are not UTF-8 and says to save as UTF-8', async () => {
    // "café" in Windows-1252: é is the single byte 0xE9.
    const error = await errorReading(bytesOf('name\nok\ncaf', [0xe9], '\n'));
    expect(error.message).toBe(
      'row 3 contains bytes that are not UTF-8 text (the file may be in Windows-1252 or ' +
        'Latin-1); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and choose it again.',
    );
    expect(error.row).toBe(3);
  });

  it('refuses a UTF-8 character cut off at the end of the file', async () => {
    const error = await errorReading(bytesOf('name\nab', [0xe2, 0x82]));
    expect(error.message).toMatch(/^row 2 contains bytes that are not UTF-8 text/);
  });

  it('recognises UTF-16 by its byte order mark', async () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const error = await errorReading(bytesOf(bom, [0x61, 0, 0x0a, 0]));
      expect(error.message).toBe(
        'the file is UTF-16 text, which this reader does not read; save it as UTF-8 ' +
          '(in Excel: "CSV UTF-8 (Comma delimited)") and choose it again.',
      );
    }
  });

  it('refuses a row longer than 1 MiB', async () => {
    const longRow = 'x'.repeat(MAX_ROW_BYTES + 10);
    const error = await errorReading(`a\n1\n${longRow}\n2\n`);
    expect(error.message).toBe(
      'row 3 is longer than 1 MiB, the longest row this reader accepts; check that the file ' +
        'is a CSV file with one row per line.',
    );
    expect(error.row).toBe(3);
  });

  it('reports a quote left open for more than 1 MiB where it opened', async () => {
    const rows = '3,more text\n'.repeat(Math.ceil(MAX_ROW_BYTES / 12) + 10);
    const error = await errorReading(`id,text\n1,ok\n2,"open\n${rows}`);
    expect(error.message).toBe(
      'row 3: the quoted value of column `text` is still open after 1 MiB; check that it is ' +
        'closed with a double quote, and that each quote inside a value is written as two ("").',
    );
    expect(error.row).toBe(3);
  });

  it(`accepts ${MAX_COLUMNS} columns and refuses more`, async () => {
    const names = (count: number) => Array.from({ length: count }, (_, index) => `c${index}`);
    const widest = names(MAX_COLUMNS);
    const { table } = await read(`${widest.join(',')}\n${widest.map(() => '1').join(',')}\n`);
    expect(table.numCols).toBe(MAX_COLUMNS);

    const error = await errorReading(`${names(MAX_COLUMNS + 1).join(',')}\n`);
    expect(error.message).toBe(
      'row 1 has more than 10,000 fields, the most this reader accepts; check that the ' +
        'separator (comma (`,`)) is the one the file uses.',
    );
  });

  it('refuses a separator that is empty or holds a quote or a line break', async () => {
    expect((await errorReading('a\n1\n', { separator: '' })).message).toBe(
      'the separator is empty; choose one such as `,`, `;` or tab.',
    );
    expect((await errorReading('a\n1\n', { separator: '"' })).message).toMatch(
      /^the separator contains a double quote/,
    );
    expect((await errorReading('a\n1\n', { separator: '\n' })).message).toMatch(
      /^the separator contains a line break/,
    );
  });
});
