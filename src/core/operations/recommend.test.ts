import { Int32, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { recommendForAllUsers } from '../als/index.ts';
import { handModel } from '../als/testing/models.ts';
import type { DataFrameValue, TransformerValue } from '../operation.ts';
import { recommend } from './recommend.ts';
import { runOperation, testContext } from './testing/context.ts';
import { topRecommendations } from './topRecommendations.ts';

/*
 * The hand model of shared/spec/ALS.md: users 0:[6,4] 1:[3,4] 2:[3,6]; items 3:[5,6]
 * 4:[6,2] 5:[3,6] 6:[4,1]. Scores, best first:
 *   user 0 → 3 (54), 4 (44), 5 (42), 6 (28)     item 3 → 0 (54), 2 (51), 1 (39)
 *   user 1 → 3 (39), 5 (33), 4 (26), 6 (16)     item 5 → 2 (45), 0 (42), 1 (33)
 *   user 2 → 3 (51), 5 (45), 4 (30), 6 (18)
 */
function alsModel(): TransformerValue {
  return {
    type: 'Transformer',
    transform: async (table) => table,
    report: () => ({ title: 'ALS model', fields: [] }),
    recommender: { model: handModel(), userColumn: 'uid', itemColumn: 'movie' },
  };
}

function seenPairs(pairs: [user: number, item: number][]): DataFrameValue {
  const table = new Table({
    uid: vectorFromArray(
      pairs.map(([user]) => user),
      new Int32(),
    ),
    movie: vectorFromArray(
      pairs.map(([, item]) => item),
      new Int32(),
    ),
  });
  return { type: 'DataFrame', table };
}

async function recommendRows(
  params: Record<string, unknown>,
  seen?: DataFrameValue,
): Promise<{ names: string[]; rows: number[][] }> {
  const [output] = await runOperation(recommend, [alsModel(), seen], params);
  const { table } = output as DataFrameValue;
  const rows = table.toArray().map((row) => Object.values(row.toJSON()) as number[]);
  return { names: table.schema.names as string[], rows };
}

describe('Recommend', () => {
  it('gives each user its best items, ranked from 1, in the model’s column names', async () => {
    const { names, rows } = await recommendRows({ 'number of recommendations': 2 });
    expect(names).toEqual(['uid', 'movie', 'rank', 'score']);
    expect(rows).toEqual([
      [0, 3, 1, 54],
      [0, 4, 2, 44],
      [1, 3, 1, 39],
      [1, 5, 2, 33],
      [2, 3, 1, 51],
      [2, 5, 2, 45],
    ]);
  });

  it('writes ids and ranks as Int32 and scores as Float64', async () => {
    const [output] = await runOperation(recommend, [alsModel(), undefined]);
    const types = (output as DataFrameValue).table.schema.fields.map((f) => String(f.type));
    expect(types).toEqual(['Int32', 'Int32', 'Int32', 'Float64']);
  });

  it('gives at most as many recommendations as there are items', async () => {
    const { rows } = await recommendRows({ 'number of recommendations': 6 });
    expect(rows.filter(([user]) => user === 0)).toEqual([
      [0, 3, 1, 54],
      [0, 4, 2, 44],
      [0, 5, 3, 42],
      [0, 6, 4, 28],
    ]);
  });

  it('gives each item its best users when recommending for items', async () => {
    const { names, rows } = await recommendRows({
      'number of recommendations': 2,
      'recommend for': { items: {} },
    });
    expect(names).toEqual(['movie', 'uid', 'rank', 'score']);
    expect(rows.slice(0, 2)).toEqual([
      [3, 0, 1, 54],
      [3, 2, 2, 51],
    ]);
    expect(rows.filter(([item]) => item === 5)).toEqual([
      [5, 2, 1, 45],
      [5, 0, 2, 42],
    ]);
  });

  it('leaves out seen pairs and still fills the list where enough unseen items exist', async () => {
    const seen = seenPairs([
      [0, 3],
      [0, 5],
      [0, 3], // seen twice
      [1, 3],
      [1, 4],
      [1, 5],
      [1, 6], // user 1 has seen every item
      [9, 3], // a user the model does not know
      [2, 99], // an item the model does not know
    ]);
    const { rows } = await recommendRows({ 'number of recommendations': 2 }, seen);
    expect(rows).toEqual([
      [0, 4, 1, 44],
      [0, 6, 2, 28],
      [2, 3, 1, 51],
      [2, 5, 2, 45],
    ]);
  });

  it('leaves out seen pairs when recommending for items too', async () => {
    const { rows } = await recommendRows(
      { 'number of recommendations': 2, 'recommend for': { items: {} } },
      seenPairs([[0, 3]]),
    );
    expect(rows.filter(([item]) => item === 3)).toEqual([
      [3, 2, 1, 51],
      [3, 1, 2, 39],
    ]);
  });

  it('agrees with the ALS module’s recommendForAllUsers when nothing is left out', async () => {
    const model = handModel();
    const expected = recommendForAllUsers(model, 3);
    const top = await topRecommendations(model, 'users', 3);
    expect([...top.candidateIds]).toEqual([...expected.recommendedIds]);
    expect([...top.scores]).toEqual([...expected.scores]);
  });

  it('fails on a transformer that cannot recommend, saying what to connect', async () => {
    const notAls: TransformerValue = {
      type: 'Transformer',
      transform: async (table) => table,
      report: () => ({ title: 'Column filter', fields: [] }),
    };
    await expect(runOperation(recommend, [notAls, undefined])).rejects.toThrow(
      'the transformer on input 0 (Column filter) cannot recommend; connect the output of a ' +
        'Fit that trains ALS.',
    );
  });

  it('fails on seen pairs without the model’s id columns, naming input 1', async () => {
    const wrong: DataFrameValue = {
      type: 'DataFrame',
      table: new Table({ user: vectorFromArray([0], new Int32()) }),
    };
    await expect(runOperation(recommend, [alsModel(), wrong])).rejects.toThrow(
      'seen pairs on input 1: column `uid` does not exist',
    );
  });

  it('knows its output columns before running once the model’s id columns are known', () => {
    const infer = (seenSchema?: { columns: { name: string; type: 'integer' }[] }) =>
      recommend.infer({
        params: testContext(recommend).params,
        inputs: [
          {
            type: 'Transformer',
            transformer: {
              transform: () => ({ schema: null, errors: [] }),
              recommender: { userColumn: 'uid', itemColumn: 'movie' },
            },
          },
          seenSchema && { type: 'DataFrame', schema: seenSchema },
        ],
      });

    expect(infer().outputs[0]).toEqual({
      type: 'DataFrame',
      schema: {
        columns: [
          { name: 'uid', type: 'integer' },
          { name: 'movie', type: 'integer' },
          { name: 'rank', type: 'integer' },
          { name: 'score', type: 'double' },
        ],
      },
    });
    expect(infer({ columns: [{ name: 'uid', type: 'integer' }] }).errors).toEqual([
      'input 1: the seen pairs have no column `movie` (column names: `uid`); give them the id ' +
        'columns the model was trained on.',
    ]);
  });
});
