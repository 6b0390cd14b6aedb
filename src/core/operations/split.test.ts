import { Float64, Int32, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { DataFrameValue } from '../operation.ts';
import { randomSplitRows, split } from './split.ts';
import { runOperation, testContext } from './testing/context.ts';

function numbered(rowCount: number): Table {
  const ids = Array.from({ length: rowCount }, (_, row) => row);
  return new Table({
    row: vectorFromArray(ids, new Int32()),
    half: vectorFromArray(
      ids.map((id) => id / 2),
      new Float64(),
    ),
  });
}

const random = (ratio: number, seed: number) => ({
  'split mode': { RANDOM: { 'split ratio': ratio, seed } },
});

async function splitRows(table: Table, ratio: number, seed: number) {
  const outputs = (await runOperation(
    split,
    [{ type: 'DataFrame', table }],
    random(ratio, seed),
  )) as DataFrameValue[];
  return outputs.map(({ table: part }) => [...(part.getChild('row')!.toArray() as Int32Array)]);
}

describe('Split, RANDOM', () => {
  it('splits the same rows the same way for the same seed', async () => {
    const table = numbered(1000);
    expect(await splitRows(table, 0.3, 7)).toEqual(await splitRows(table, 0.3, 7));
    expect(await splitRows(table, 0.3, 7)).not.toEqual(await splitRows(table, 0.3, 8));
  });

  it('sends about the split ratio of the rows to the first output', () => {
    for (const ratio of [0.2, 0.5, 0.8]) {
      const { first } = randomSplitRows(20_000, ratio, 0);
      expect(Math.abs(first.length / 20_000 - ratio)).toBeLessThan(0.01);
    }
  });

  it('divides the rows between the outputs, each row once, in the input order', async () => {
    const [first, second] = await splitRows(numbered(500), 0.5, 0);
    expect([...first, ...second].sort((a, b) => a - b)).toEqual([...Array(500).keys()]);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
  });

  it('keeps every column and value of the rows it sends on', async () => {
    const outputs = (await runOperation(
      split,
      [{ type: 'DataFrame', table: numbered(50) }],
      random(0.5, 3),
    )) as DataFrameValue[];
    for (const { table } of outputs) {
      expect(table.schema.names).toEqual(['row', 'half']);
      for (const row of table.toArray()) expect(row.half).toBe(row.row / 2);
    }
  });

  it('sends every row to the first output at ratio 1 and none at ratio 0', () => {
    expect(randomSplitRows(100, 1, 5).first.length).toBe(100);
    expect(randomSplitRows(100, 0, 5).second.length).toBe(100);
  });

  it('passes the input schema to both outputs before running', () => {
    const schema = { columns: [{ name: 'row', type: 'integer' as const }] };
    const { outputs, errors } = split.infer({
      params: testContext(split).params,
      inputs: [{ type: 'DataFrame', schema }],
    });
    expect(errors).toEqual([]);
    expect(outputs).toEqual([
      { type: 'DataFrame', schema },
      { type: 'DataFrame', schema },
    ]);
  });
});

describe('Split, CONDITIONAL', () => {
  const conditional = { 'split mode': { CONDITIONAL: { condition: 'rating > 3' } } };
  const unsupported =
    'split mode: recflow does not support conditions yet; choose RANDOM to split the rows.';

  it('is flagged before running', () => {
    const { errors } = split.infer({
      params: testContext(split, conditional).params,
      inputs: [undefined],
    });
    expect(errors).toEqual([unsupported]);
  });

  it('fails at run time, saying to use RANDOM', async () => {
    await expect(
      runOperation(split, [{ type: 'DataFrame', table: numbered(3) }], conditional),
    ).rejects.toThrow(unsupported);
  });
});
