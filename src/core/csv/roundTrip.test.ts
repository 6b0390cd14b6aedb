import {
  Field,
  Float64,
  Int32,
  Schema,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './readCsv.ts';
import { arrowTypesOf, chunkedSource, read, utf8, valuesOf } from './testHelpers.ts';
import { defaultCsvOptions } from './types.ts';
import { writeCsv } from './writeCsv.ts';

/**
 * Reading what `writeCsv` wrote gives the same table. Text starting with `=`, `+`, `-`, `@`,
 * a tab or CR is left out here: the writer neutralises it on purpose (see writeCsv.test.ts),
 * so it comes back with a leading `'`.
 */

const awkwardCsv =
  'user,item,rating,at,liked,note\r\n' +
  '1,10,4.5,2024-03-01T12:30:15.123Z,true,"comma, inside"\r\n' +
  '2,20,NaN,2024-03-02,false,"quote ""inside"""\r\n' +
  '3,,-0.0,,,"line\nbreak and\r\nCRLF"\r\n' +
  '-4,40,1e-300,1970-01-01T00:00:00Z,1,   spaces around   \r\n' +
  '5,50,Infinity,2024-03-04T00:00:00+02:00,0,Zoë 😀 €\r\n' +
  '6,60,3,2024-03-05,TRUE,\r\n' +
  '7,70,0.1,2024-03-06,,"::;\t"\r\n' +
  '8,80,-2.5,2024-03-07,false,123\r\n';

async function roundTrip(csv: string, separator: string, convertToBoolean = true) {
  const first = await read(csv, { convertToBoolean });
  const written = writeCsv(first.table, { separator });
  const second = await read(written, { separator, convertToBoolean });
  return { first, second, written };
}

describe('round trip: read, write, read', () => {
  for (const separator of [',', ';', '\t', '::', ' ']) {
    it(`gives the same schema and values with separator ${JSON.stringify(separator)}`, async () => {
      const { first, second } = await roundTrip(awkwardCsv, separator);
      expect(arrowTypesOf(first.table)).toEqual({
        user: 'Int32',
        item: 'Int32',
        rating: 'Float64',
        at: 'Timestamp<MILLISECOND>',
        liked: 'Bool',
        note: 'Utf8',
      });
      expect(arrowTypesOf(second.table)).toEqual(arrowTypesOf(first.table));
      expect(valuesOf(second.table)).toEqual(valuesOf(first.table));
      expect(second.warnings).toEqual([]);
    });
  }

  it('keeps a double column of whole numbers a double column', async () => {
    const { first, second, written } = await roundTrip('x\n1.0\n2.0\n', ',');
    expect(written).toBe('x\n1.0\n2.0\n');
    expect(arrowTypesOf(second.table)).toEqual(arrowTypesOf(first.table));
  });

  it('keeps empty text and a column of one text cell per line', async () => {
    const { first, second } = await roundTrip('note\n""\nx\n" "\n', ',');
    expect(valuesOf(first.table)).toEqual({ note: ['', 'x', ' '] });
    expect(valuesOf(second.table)).toEqual(valuesOf(first.table));
  });

  it('keeps any generated table of text, numbers and timestamps, read in any chunks', async () => {
    const safeText = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter((text) => !/^[=+\-@\t\r]/.test(text));
    const row = fc.record({
      text: safeText,
      int: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
      double: fc.option(fc.double()),
      at: fc.option(fc.integer({ min: -8.64e15, max: 8.64e15 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', '::', ';'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, separator, cutSeeds) => {
          // A first row of plain text keeps `text` a text column whatever the others hold.
          const texts = ['anchor', ...rows.map((r) => r.text)];
          const table = new Table({
            text: vectorFromArray(texts, new Utf8()),
            int: vectorFromArray([0, ...rows.map((r) => r.int)], new Int32()),
            double: vectorFromArray([0.5, ...rows.map((r) => r.double)], new Float64()),
            at: vectorFromArray([0, ...rows.map((r) => r.at)], new TimestampMillisecond()),
          });
          // Read from chunks cut at random places, to test the streaming too.
          const written = utf8(writeCsv(table, { separator }));
          const cuts = cutSeeds.map((seed) => seed % written.length).sort((a, b) => a - b);
          const options = { ...defaultCsvOptions, separator };
          const reread = await readCsv(chunkedSource(written, cuts), options);
          expect(reread.table.schema.fields.map(String)).toEqual(
            new Schema(
              table.schema.fields.map((field) => new Field(field.name, field.type, true)),
            ).fields.map(String),
          );
          expect(valuesOf(reread.table)).toEqual(valuesOf(table));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('brings neutralised formula text back with its leading quote', async () => {
    const { second } = await roundTrip('id,cell\n1,"=1+2"\n2,@x\n', ',');
    expect(valuesOf(second.table).cell).toEqual(["'=1+2", "'@x"]);
  });
});
