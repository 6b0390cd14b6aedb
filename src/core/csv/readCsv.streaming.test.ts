import { describe, expect, it } from 'vitest';
import { AbortedError, RecflowError } from '../errors.ts';
import { readCsv } from './readCsv.ts';
import { chunkedSource, everyNBytes, rejectionOf, typesOf, utf8, valuesOf } from './testHelpers.ts';
import type { CsvOptions, CsvSource } from './types.ts';
import { defaultCsvOptions } from './types.ts';

const awkward = utf8(
  '\uFEFFid::text::score\r\n' +
    '1::"a::b ""quoted""\r\nnext line"::4.5\r\n' +
    '2::Zoë 😀 €::-3\r\n' +
    '3::"::"::NaN\r\n',
);
const awkwardOptions: CsvOptions = {
  separator: '::',
  namesIncluded: true,
  convertToBoolean: false,
};

describe('readCsv: streaming', () => {
  it('reads the same table wherever chunks are cut: quotes, CR LF, characters, `::`', async () => {
    const whole = await readCsv(awkward, awkwardOptions);
    expect(valuesOf(whole.table)).toEqual({
      id: [1, 2, 3],
      text: ['a::b "quoted"\r\nnext line', 'Zoë 😀 €', '::'],
      score: [4.5, -3, Number.NaN],
    });
    for (let cut = 1; cut < awkward.length; cut++) {
      const { table } = await readCsv(chunkedSource(awkward, [cut]), awkwardOptions);
      expect(valuesOf(table), `cut at ${cut}`).toEqual(valuesOf(whole.table));
    }
  });

  it('reads one-byte chunks from a ReadableStream and from an async iterable', async () => {
    const whole = valuesOf((await readCsv(awkward, awkwardOptions)).table);
    for (const kind of ['readable-stream', 'async-iterable'] as const) {
      const source = chunkedSource(awkward, everyNBytes(awkward, 1), kind);
      expect(valuesOf((await readCsv(source, awkwardOptions)).table), kind).toEqual(whole);
    }
  });

  it('reads the file once when every column keeps its type', async () => {
    const source = chunkedSource(utf8('a,b\n1,x\n2.5,y\n'), [3]);
    await readCsv(source, defaultCsvOptions);
    expect(source.reads).toBe(1);
  });

  it('reads the file again for a column that became text after numbers', async () => {
    const source = chunkedSource(utf8('a,b\n1,2\n3,x\n'), [5]);
    const { table } = await readCsv(source, defaultCsvOptions);
    expect(source.reads).toBe(2);
    expect(valuesOf(table)).toEqual({ a: [1, 3], b: ['2', 'x'] });
  });

  it('fills columns across storage blocks, widening and reading again at the end', async () => {
    const rowCount = 70_000;
    const lines = ['int,late,double,text,bool'];
    for (let row = 0; row < rowCount; row++) {
      const last = row === rowCount - 1;
      const late = row < 66_000 ? '' : String(row);
      lines.push(`${row},${late},${last ? '0.5' : row},${last ? 'end' : row},${row % 2}`);
    }
    const options = { ...defaultCsvOptions, convertToBoolean: true };
    const { table } = await readCsv(utf8(lines.join('\n')), options);

    expect(typesOf(table)).toEqual({
      int: 'integer',
      late: 'integer',
      double: 'double',
      text: 'string',
      bool: 'boolean',
    });
    const values = valuesOf(table);
    expect(values.int[69_999]).toBe(69_999);
    expect(values.late.slice(65_999, 66_001)).toEqual([null, 66_000]);
    expect(table.getChild('late')!.nullCount).toBe(66_000);
    expect(values.double.slice(65_535, 65_537)).toEqual([65_535, 65_536]);
    expect(values.double[69_999]).toBe(0.5);
    expect(values.text.slice(0, 2)).toEqual(['0', '1']);
    expect(values.text[69_999]).toBe('end');
    expect(values.bool.slice(65_535, 65_537)).toEqual([true, false]);
  });
});

describe('readCsv: progress and cancellation', () => {
  const bigFile = utf8(`a,b\n${'123,4.5\n'.repeat(400_000)}`);

  it('reports progress by bytes, ending with the total', async () => {
    const calls: [number, number][] = [];
    await readCsv(chunkedSource(bigFile, everyNBytes(bigFile, 64 * 1024)), defaultCsvOptions, {
      onProgress: (bytesRead, totalBytes) => calls.push([bytesRead, totalBytes]),
    });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.every(([, total]) => total === bigFile.length)).toBe(true);
    const reads = calls.map(([bytesRead]) => bytesRead);
    expect(reads).toEqual([...reads].sort((left, right) => left - right));
    expect(calls.at(-1)).toEqual([bigFile.length, bigFile.length]);
  });

  it('doubles the total when the file must be read again', async () => {
    const calls: [number, number][] = [];
    await readCsv(utf8('a\n1\nx\n'), defaultCsvOptions, {
      onProgress: (bytesRead, totalBytes) => calls.push([bytesRead, totalBytes]),
    });
    expect(calls.at(-1)).toEqual([12, 12]);
  });

  it('stops with an AbortedError when the signal fires during the read', async () => {
    const controller = new AbortController();
    const source = chunkedSource(bigFile, everyNBytes(bigFile, 64 * 1024));
    const error = await rejectionOf(
      readCsv(source, defaultCsvOptions, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(source.cancelled).toBe(1);
  });

  it('stops a read of bytes in memory too', async () => {
    const controller = new AbortController();
    const error = await rejectionOf(
      readCsv(bigFile, defaultCsvOptions, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
  });

  it('does not start when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(
      readCsv(utf8('a\n1\n'), defaultCsvOptions, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortedError);
  });

  it('says the file changed when the second read differs from the first', async () => {
    const versions = [utf8('a\n1\nx\n'), utf8('a\n1\nx\ny\n')];
    let reads = 0;
    const source: CsvSource = {
      size: versions[0].length,
      stream: () => chunkedSource(versions[Math.min(reads++, 1)], []).stream(),
    };
    const error = await rejectionOf(readCsv(source, defaultCsvOptions));
    expect(error).toBeInstanceOf(RecflowError);
    expect(error.message).toBe(
      'the file changed while it was being read (at row 4); wait until nothing writes to it ' +
        'and read it again.',
    );
  });
});
