import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { schemaOf } from '../frame/schema.ts';
import type { EstimatorValue } from '../operation.ts';
import { als } from '../operations/als.ts';
import { testContext } from '../operations/testing/context.ts';
import {
  type CsvExpectation,
  corpusFiles,
  csvCorpusBytes,
  csvExpectations,
  memoryFiles,
  objectPrototypeKeys,
  runProblems,
  runToEnd,
  settle,
  trainingWorkflow,
  withTimeout,
} from '../testing/corpus.ts';
import { readCsv } from './readCsv.ts';
import { chunkedSource, valuesOf } from './testHelpers.ts';
import type { CsvOptions } from './types.ts';

/**
 * Every file of `test-corpus/csv/` gives the outcome its manifest records: a table of the
 * listed shape, or a RecflowError naming the line; and ratings train, or the node that
 * cannot says why. Nothing crashes, hangs or throws another kind of error.
 */

const expectations = csvExpectations();
/** Set to run the steps of known bugs too, to see them fail or to check a fix. */
const runKnownBugs = process.env.CORPUS_KNOWN_BUGS === '1';
const readLimitMs = 20_000;

function optionsOf(expectation: CsvExpectation): CsvOptions {
  return {
    separator: expectation.separator ?? ',',
    namesIncluded: expectation.namesIncluded ?? true,
    convertToBoolean: false,
  };
}

function read(
  name: string,
  expectation: CsvExpectation,
  bytes = csvCorpusBytes(name, expectation),
) {
  return settle(
    withTimeout(readCsv(bytes, optionsOf(expectation)), readLimitMs, `reading ${name}`),
  );
}

/** Plain values of a column, NaN kept as NaN. */
function columnValues(table: import('apache-arrow').Table, name: string): unknown[] {
  const column = table.getChild(name);
  if (column === null) throw new Error(`no column ${name}`);
  return [...column];
}

function title(name: string, expectation: CsvExpectation): string {
  if (expectation.outcome === 'error')
    return `${name} is refused: "${expectation.messageIncludes}"`;
  return `${name} reads as ${expectation.rows} row(s)`;
}

describe('the CSV corpus', () => {
  it('lists every file of the folder in its manifest, and every file it lists exists', () => {
    const onDisk = corpusFiles('csv');
    const listed = Object.entries(expectations)
      .filter(([, expectation]) => !expectation.generated)
      .map(([name]) => name)
      .sort();
    expect(listed).toEqual(onDisk);
    expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, expectation] of Object.entries(expectations)) {
    const readStep = expectation.knownBug?.in === 'read' && !runKnownBugs ? it.skip : it;
    readStep(title(name, expectation), async () => {
      const prototypeBefore = objectPrototypeKeys();
      const { value, error } = await read(name, expectation);

      if (expectation.outcome === 'error') {
        expect(error, 'the read should fail').toBeInstanceOf(RecflowError);
        const failure = error as RecflowError;
        expect(failure.message).toContain(expectation.messageIncludes);
        expect(failure.row).toBe(expectation.row);
      } else {
        expect(error).toBeNull();
        const { table, rowCount, warnings } = value!;
        expect(rowCount).toBe(expectation.rows);
        expect(table.numRows).toBe(rowCount);
        for (const field of table.schema.fields) {
          expect(table.getChild(field.name)?.length, field.name).toBe(rowCount);
        }
        const columns = schemaOf(table).columns.map((column) => [column.name, column.type]);
        if (expectation.columns) expect(columns).toEqual(expectation.columns);
        if (expectation.columnCount) expect(columns).toHaveLength(expectation.columnCount);
        for (const [column, values] of Object.entries(expectation.values ?? {})) {
          expect(columnValues(table, column), column).toEqual(values);
        }
        const wanted = expectation.warningsInclude ?? [];
        expect(warnings).toHaveLength(wanted.length);
        for (const [index, part] of wanted.entries()) expect(warnings[index]).toContain(part);
      }
      expect(objectPrototypeKeys()).toEqual(prototypeBefore);
    });

    if (!expectation.generated) {
      it(`${name} gives the same outcome read in chunks of 1 to 7 bytes`, async () => {
        const bytes = csvCorpusBytes(name, expectation);
        const whole = await read(name, expectation, bytes);
        for (let size = 1; size <= 7; size++) {
          const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size);
          const chunked = await settle(readCsv(chunkedSource(bytes, cuts), optionsOf(expectation)));
          expect(chunked.error, `chunks of ${size}`).toEqual(whole.error);
          if (whole.value !== null) {
            // Column by column: Arrow's row objects break on a column named `__proto__`.
            expect(valuesOf(chunked.value!.table), `chunks of ${size}`).toEqual(
              valuesOf(whole.value.table),
            );
            expect(chunked.value!.warnings).toEqual(whole.value.warnings);
          }
        }
      });
    }

    if (expectation.trains !== undefined) {
      const trainStep = expectation.knownBug?.in === 'train' && !runKnownBugs ? it.skip : it;
      const verb = expectation.trains ? 'trains' : 'does not train';
      trainStep(`${name} ${verb} through Read DataFrame → ALS → Fit`, async () => {
        const bytes = csvCorpusBytes(name, expectation);
        const workflow = trainingWorkflow(name, expectation);
        const record = await withTimeout(
          runToEnd(workflow, memoryFiles({ [name]: bytes })),
          readLimitMs * 2,
          `training on ${name}`,
        );
        expect(runProblems(workflow, record)).toEqual([]);
        if (expectation.trains) {
          expect(record.outcome.completed).toEqual(['read', 'als', 'fit']);
          return;
        }

        const failingNode = expectation.outcome === 'error' ? 'read' : 'fit';
        const failure = record.last.get(failingNode);
        expect(failure?.status).toBe('failed');
        const label = failingNode === 'read' ? 'Read DataFrame' : 'Fit';
        expect(failure).toMatchObject({
          message: expect.stringMatching(new RegExp(`^${label}: `)),
        });
        expect(failure).toMatchObject({
          message: expect.stringContaining(expectation.trainMessageIncludes!),
        });
        if (failingNode === 'fit') await expectFitToThrowRecflowError(bytes, expectation);
      });
    }
  }
});

/** Trains outside the executor, to see the kind of error it gives, not only its message. */
async function expectFitToThrowRecflowError(bytes: Uint8Array, expectation: CsvExpectation) {
  const { table } = await readCsv(bytes, optionsOf(expectation));
  const values = { rank: 2, 'max iterations': 2 };
  const [estimator] = (await als.execute([], testContext(als, values))) as EstimatorValue[];
  const { error } = await settle(estimator.fit(table, testContext(als, values)));
  expect(error).toBeInstanceOf(RecflowError);
}
