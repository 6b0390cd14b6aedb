import {
  Bool,
  Float16,
  Float32,
  Float64,
  Int8,
  Int32,
  Int64,
  Table,
  Uint16,
  Utf8,
  type Vector,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors';
import { fitAls } from './fit';
import { idsFromColumn, ratingsFromTable } from './input';
import { testParams } from './testing/params';
import { column, decimalColumn, inBatches, tableOf } from './testing/tables';
import { transformTable } from './transform';

const names = { user: 'user', item: 'item', rating: 'rating' };
const userIds = [0, 1, 1, 2, -7];
const itemIds = [10, 10, 11, 12, 11];
const ratingValues = [4, 3, 5, 1, 2.5];

function ratingsTable(
  user: Vector,
  item: Vector,
  rating: Vector = column(ratingValues, new Float64()),
) {
  return tableOf({ user, item, rating });
}

/** The error a call throws, for checking its message and row together. */
function errorOf(action: () => unknown): RecflowError {
  try {
    action();
  } catch (error) {
    if (error instanceof RecflowError) return error;
    throw error;
  }
  throw new Error('expected a RecflowError');
}

describe('ratingsFromTable', () => {
  it('gives the same factors for int, float, decimal and other numeric id types', async () => {
    const tables = [
      ratingsTable(column(userIds, new Int32()), column(itemIds, new Int32())),
      ratingsTable(column(userIds, new Float64()), column(itemIds, new Float32())),
      ratingsTable(decimalColumn(userIds, 2), decimalColumn(itemIds, 0)),
      ratingsTable(column(userIds.map(BigInt), new Int64()), column(itemIds, new Uint16())),
      ratingsTable(column(userIds, new Float16()), column(itemIds, new Int8())),
      ratingsTable(
        column(userIds, new Int32()),
        column(itemIds, new Int32()),
        decimalColumn(ratingValues, 1),
      ),
    ];
    const params = testParams({ rank: 1, maxIter: 1 });
    const models = [];
    for (const table of tables)
      models.push((await fitAls(ratingsFromTable(table, names), params)).model);
    for (const model of models.slice(1)) expect(model).toEqual(models[0]);
    expect([...models[0].userIds]).toEqual([-7, 0, 1, 2]);
  });

  it('reads every record batch of a multi-batch table in order', () => {
    const table = inBatches(
      ratingsTable(column(userIds, new Int32()), column(itemIds, new Float64())),
      2,
    );
    expect(table.batches).toHaveLength(3);
    const ratings = ratingsFromTable(table, names);
    expect([...ratings.users]).toEqual(userIds);
    expect([...ratings.items]).toEqual(itemIds);
    expect([...ratings.ratings]).toEqual(ratingValues);
  });

  it.each([
    [[1, 2, 123.1, 4, 5], 'column `user` holds 123.1 in row 3; user ids must be whole numbers.'],
    [
      [1, 2, 3, 2 ** 31, 5],
      'column `user` holds 2147483648 in row 4; ' +
        'user ids must lie between -2147483648 and 2147483647.',
    ],
    [
      [1, -(2 ** 31) - 1, 3, 4, 5],
      'column `user` holds -2147483649 in row 2; ' +
        'user ids must lie between -2147483648 and 2147483647.',
    ],
    [[1, 2, 3, 4, Number.NaN], 'column `user` holds NaN in row 5; user ids must be whole numbers.'],
  ])('rejects user ids %j naming the value and its row', (users, message) => {
    const table = ratingsTable(column(users, new Float64()), column(itemIds, new Int32()));
    expect(() => ratingsFromTable(table, names)).toThrow(message);
  });

  it('accepts 123.0 and the extremes of the 32-bit range as ids', () => {
    const users = [123.0, -(2 ** 31), 2 ** 31 - 1, 0, 5];
    const table = ratingsTable(column(users, new Float64()), column(itemIds, new Int32()));
    expect([...ratingsFromTable(table, names).users]).toEqual(users);
  });

  it('names the row of a fractional item id in a later record batch', () => {
    const items = [10, 10, 11, 12.5, 11];
    const table = inBatches(
      ratingsTable(column(userIds, new Int32()), column(items, new Float64())),
      2,
    );
    const error = errorOf(() => ratingsFromTable(table, names));
    expect(error.message).toBe(
      'column `item` holds 12.5 in row 4; item ids must be whole numbers.',
    );
    expect(error.row).toBe(4);
  });

  it('rejects an empty id cell, also when it sits in a later record batch', () => {
    const table = ratingsTable(
      column([1, 2, null, 4, 5], new Int32()),
      column(itemIds, new Int32()),
    );
    expect(() => ratingsFromTable(table, names)).toThrow(
      'column `user` is empty in row 3; ' +
        'every row needs a user id, so fill it in or remove the row.',
    );
    const items = column([10, 10, 11, 12, null], new Int32());
    const batched = inBatches(ratingsTable(column(userIds, new Int32()), items), 2);
    expect(errorOf(() => ratingsFromTable(batched, names)).row).toBe(5);
  });

  it.each([
    [[4, 3, null, 1, 2], 'column `rating` is empty in row 3; every row needs a rating'],
    [
      [4, 3, 5, Number.NaN, 2],
      'column `rating` holds NaN in row 4; ratings must be finite numbers',
    ],
    [[Number.POSITIVE_INFINITY, 3, 5, 1, 2], 'column `rating` holds Infinity in row 1;'],
    [[4, 3, 5, 1, Number.NEGATIVE_INFINITY], 'column `rating` holds -Infinity in row 5;'],
    [
      [4, 1e308, 5, 1, 2],
      'column `rating` holds 1e+308 in row 2; ratings must lie within ±3.4028e+38',
    ],
    [[4, 3, -3.5e38, 1, 2], 'column `rating` holds -3.5e+38 in row 3;'],
  ])('rejects ratings %j', (values, message) => {
    const table = ratingsTable(
      column(userIds, new Int32()),
      column(itemIds, new Int32()),
      column(values, new Float64()),
    );
    expect(() => ratingsFromTable(table, names)).toThrow(message);
  });

  it('rejects a text id column before reading any value', () => {
    const table = ratingsTable(
      column(['1', '2', '3', '4', 'x'], new Utf8()),
      column(itemIds, new Int32()),
    );
    expect(() => ratingsFromTable(table, names)).toThrow(
      'column `user` must be numeric but is string; ' +
        'choose a numeric column or convert this one to numbers.',
    );
  });

  it('rejects a boolean rating column, implicit feedback included', () => {
    const table = ratingsTable(
      column(userIds, new Int32()),
      column(itemIds, new Int32()),
      column([true, false, true, true, false], new Bool()),
    );
    expect(() => ratingsFromTable(table, names)).toThrow(
      'column `rating` must be numeric but is boolean',
    );
  });

  it('lists the available columns when a column does not exist', () => {
    const table = ratingsTable(column(userIds, new Int32()), column(itemIds, new Int32()));
    expect(() => ratingsFromTable(table, { ...names, item: 'movie' })).toThrow(
      'column `movie` does not exist; choose one of `user`, `item`, `rating`.',
    );
  });

  it('says there are no ratings to train on when the table has no rows', () => {
    const table = ratingsTable(
      column([], new Int32()),
      column([], new Int32()),
      column([], new Float64()),
    );
    expect(() => ratingsFromTable(table, names)).toThrow(
      'no ratings to train on: the input has no rows; ' +
        'connect a DataFrame with at least one rating.',
    );
    expect(() => ratingsFromTable(new Table(), names)).toThrow(
      'column `user` does not exist; the input has none.',
    );
  });
});

describe('idsFromColumn', () => {
  it('reads scoring ids with the same checks as training', () => {
    const table = tableOf({ user: column([1, 2 ** 31], new Float64()) });
    expect(() => idsFromColumn(table, 'user', 'user')).toThrow(
      'column `user` holds 2147483648 in row 2; user ids must lie between',
    );
    const fine = tableOf({ item: decimalColumn([3, -4], 2) });
    expect([...idsFromColumn(fine, 'item', 'item')]).toEqual([3, -4]);
  });

  it('rejects ids of 2^31 or 123.1 at fit and at score (spec: input types)', async () => {
    const good = ratingsTable(column(userIds, new Int32()), column(itemIds, new Int32()));
    const { model } = await fitAls(
      ratingsFromTable(good, names),
      testParams({ rank: 1, maxIter: 1 }),
    );
    for (const bad of [2 ** 31, 123.1]) {
      const users = [0, 1, bad, 2, -7];
      const table = ratingsTable(column(users, new Float64()), column(itemIds, new Int32()));
      expect(() => ratingsFromTable(table, names)).toThrow(`holds ${bad} in row 3`);
      const options = {
        userColumn: 'user',
        itemColumn: 'item',
        predictionColumn: 'prediction',
        coldStartStrategy: 'nan',
      };
      expect(() => transformTable(model, table, options)).toThrow(`holds ${bad} in row 3`);
    }
  });
});
