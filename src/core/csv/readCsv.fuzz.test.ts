/**
 * Fuzz tests of the CSV reader, seeded and short by default. For a long session:
 *
 *   FUZZ_RUNS=100000 npx vitest run src/core --testNamePattern fuzz
 *
 * (add FUZZ_SEED=<n> to explore other cases; see `testing/corpusFuzz.ts`).
 */
import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { schemaOf } from '../frame/schema.ts';
import {
  corpusFiles,
  csvCorpusBytes,
  csvExpectations,
  isCleanMessage,
  settle,
  withTimeout,
} from '../testing/corpus.ts';
import {
  byteMutation,
  csvByte,
  cutsOf,
  fuzzParameters,
  fuzzSeed,
  fuzzTimeout,
  mutateBytes,
  pieceSizes,
} from '../testing/corpusFuzz.ts';
import { MAX_COLUMNS } from './limits.ts';
import { readCsv } from './readCsv.ts';
import { chunkedSource, valuesOf } from './testHelpers.ts';
import type { CsvOptions, CsvReadResult, CsvSource } from './types.ts';
import { writeCsv } from './writeCsv.ts';

/** A read of a few hundred bytes takes well under a millisecond; this long is a hang. */
const hangMs = 5_000;

const separator = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(',', ';', '\t', ' ', ':', '|', '::', ',,', 'é', 'ab') },
  // Refused before reading: each must give a RecflowError too.
  { weight: 1, arbitrary: fc.constantFrom('', '"', '\n', '\r', 'a"b') },
);

const options: fc.Arbitrary<CsvOptions> = fc.record({
  separator,
  namesIncluded: fc.boolean(),
  convertToBoolean: fc.boolean(),
});

const sourceKind = fc.constantFrom('bytes', 'readable-stream', 'async-iterable');

function sourceOf(bytes: Uint8Array, kind: string, sizes: number[]): CsvSource {
  if (kind === 'bytes') return bytes;
  const cuts = cutsOf(bytes.length, sizes);
  return chunkedSource(bytes, cuts, kind as 'readable-stream' | 'async-iterable');
}

type Outcome = Awaited<ReturnType<typeof settle<CsvReadResult>>>;

function read(source: CsvSource, csvOptions: CsvOptions): Promise<Outcome> {
  return settle(withTimeout(readCsv(source, csvOptions), hangMs, 'readCsv'));
}

/** A table whose sizes agree, or a RecflowError with a message of recflow's own. */
function expectWellFormed({ value, error }: Outcome): void {
  if (error !== null) {
    expect(error).toBeInstanceOf(RecflowError);
    const { message, row } = error as RecflowError;
    expect(isCleanMessage(message), message).toBe(true);
    if (row !== undefined) expect(Number.isInteger(row) && row >= 1, `row ${row}`).toBe(true);
    return;
  }
  const { table, rowCount } = value!;
  expect(rowCount).toBeGreaterThanOrEqual(1);
  expect(table.numRows).toBe(rowCount);
  const names = table.schema.fields.map((field) => field.name);
  expect(names.length).toBeGreaterThanOrEqual(1);
  expect(names.length).toBeLessThanOrEqual(MAX_COLUMNS);
  expect(new Set(names).size).toBe(names.length);
  for (let column = 0; column < names.length; column++) {
    expect(table.getChildAt(column)?.length, names[column]).toBe(rowCount);
  }
}

/** The same table, or the same error, whatever the source. */
function expectSameOutcome(actual: Outcome, expected: Outcome): void {
  expect(actual.error).toEqual(expected.error);
  if (expected.value === null) return;
  const [got, wanted] = [actual.value!, expected.value];
  expect(schemaOf(got.table)).toEqual(schemaOf(wanted.table));
  expect(valuesOf(got.table)).toEqual(valuesOf(wanted.table));
  expect(got.warnings).toEqual(wanted.warnings);
}

/** The corpus files that read as tables: starting points for mutation. */
const validCsvs = (() => {
  const expectations = csvExpectations();
  return corpusFiles('csv')
    .filter((name) => expectations[name]?.outcome === 'ok')
    .map((name) => csvCorpusBytes(name))
    .filter((bytes) => bytes.length <= 4096);
})();

describe(`fuzz: readCsv (seed ${fuzzSeed})`, () => {
  it(
    'gives a well-formed table or a RecflowError for any bytes, the same in any chunks',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(csvByte, { maxLength: 300 }).map((bytes) => Uint8Array.from(bytes)),
          options,
          sourceKind,
          pieceSizes,
          async (bytes, csvOptions, kind, sizes) => {
            const whole = await read(bytes, csvOptions);
            expectWellFormed(whole);
            expectSameOutcome(await read(sourceOf(bytes, kind, sizes), csvOptions), whole);
          },
        ),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(400, 20),
  );

  it(
    'gives a well-formed table or a RecflowError for mutated corpus files, the same in any chunks',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...validCsvs),
          fc.array(byteMutation, { minLength: 1, maxLength: 6 }),
          options,
          sourceKind,
          pieceSizes,
          async (original, mutations, csvOptions, kind, sizes) => {
            const bytes = mutateBytes(original, mutations);
            const whole = await read(bytes, csvOptions);
            expectWellFormed(whole);
            expectSameOutcome(await read(sourceOf(bytes, kind, sizes), csvOptions), whole);
          },
        ),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(400, 20),
  );

  it(
    'reads back what writeCsv wrote: integers, doubles and text, any separator',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          generatedTable,
          roundTripSeparator,
          pieceSizes,
          async (spec, sep, sizes) => {
            const table = tableOf(spec);
            const written = new TextEncoder().encode(writeCsv(table, { separator: sep }));
            const csvOptions = { separator: sep, namesIncluded: true, convertToBoolean: false };
            const { value, error } = await read(
              sourceOf(written, 'readable-stream', sizes),
              csvOptions,
            );

            expect(error).toBeNull();
            expect(schemaOf(value!.table)).toEqual(schemaOf(table));
            expect(valuesOf(value!.table)).toEqual(valuesOf(table));
            expect(value!.warnings).toEqual([]);
          },
        ),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(300, 20),
  );
});

// Round trip -----------------------------------------------------------------------------

const roundTripSeparator = fc.constantFrom(',', ';', '\t', ' ', '|', '::', 'é', '~~', 'ab', 'x');

/** Text a spreadsheet would not run as a formula, without NUL (which a CSV cannot hold). */
const safeText = fc
  .string({ unit: 'grapheme', maxLength: 10 })
  .filter((text) => !/^[=+\-@\t\r]/.test(text) && !text.includes('\0'));

/** A header name the reader keeps as it is: not blank, not padded, not a formula. */
const columnName = safeText.filter((name) => name.trim() === name && name !== '');

type ColumnSpec =
  | { kind: 'integer'; values: (number | null)[] }
  | { kind: 'double'; values: (number | null)[] }
  | { kind: 'string'; values: string[] };

/** Column values; a number column has a number somewhere, or it would read back as text. */
function columnOf(rows: number): fc.Arbitrary<ColumnSpec> {
  const withNumber = (values: (number | null)[], fallback: number) =>
    values.every((value) => value === null) ? [fallback, ...values.slice(1)] : values;
  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const ofLength = { minLength: rows, maxLength: rows };
  return fc.oneof(
    fc
      .array(fc.option(int32, { nil: null }), ofLength)
      .map((values) => ({ kind: 'integer' as const, values: withNumber(values, 0) })),
    fc
      .array(fc.option(fc.double(), { nil: null }), ofLength)
      .map((values) => ({ kind: 'double' as const, values: withNumber(values, 0.5) })),
    // A first cell that is clearly text keeps the column text whatever the others hold.
    fc.array(safeText, ofLength).map((values) => ({
      kind: 'string' as const,
      values: [`q${values[0]}`, ...values.slice(1)],
    })),
  );
}

const generatedTable = fc.integer({ min: 1, max: 12 }).chain((rows) =>
  fc.integer({ min: 1, max: 6 }).chain((columns) =>
    fc.record({
      names: fc.uniqueArray(columnName, { minLength: columns, maxLength: columns }),
      columns: fc.array(columnOf(rows), { minLength: columns, maxLength: columns }),
    }),
  ),
);

function tableOf(spec: { names: string[]; columns: ColumnSpec[] }): Table {
  const vectors = Object.fromEntries(
    spec.columns.map((column, index) => {
      const type =
        column.kind === 'integer'
          ? new Int32()
          : column.kind === 'double'
            ? new Float64()
            : new Utf8();
      return [spec.names[index], vectorFromArray(column.values, type as never)];
    }),
  );
  return new Table(vectors);
}
