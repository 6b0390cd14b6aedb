import { Float64, Int32, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fitAls } from './fit';
import { explicitRatings } from './testing/generators';
import { handModel } from './testing/models';
import { testParams } from './testing/params';
import { column, inBatches, tableOf } from './testing/tables';
import { type TransformOptions, transformTable } from './transform';

const options: TransformOptions = {
  userColumn: 'user',
  itemColumn: 'item',
  predictionColumn: 'prediction',
  coldStartStrategy: 'nan',
};

describe('transformTable', () => {
  it('handles cold start: NaN for unseen ids with `nan`, rows removed with `drop`', async () => {
    const { training } = explicitRatings(4, 4, 1, 0, 9);
    const { model } = await fitAls(training, testParams({ rank: 1, maxIter: 1 }));
    const maxUser = Math.max(...training.users);
    const maxItem = Math.max(...training.items);
    const table = tableOf({
      user: column([maxUser + 10, maxUser, maxUser + 10, maxUser], new Int32()),
      item: column([maxItem + 20, maxItem + 20, maxItem, maxItem], new Int32()),
    });

    const kept = transformTable(model, table, options).getChild('prediction')!.toArray();
    expect([...kept.slice(0, 3)].every(Number.isNaN)).toBe(true);
    expect(Number.isFinite(kept[3])).toBe(true);

    const dropped = transformTable(model, table, { ...options, coldStartStrategy: 'drop' });
    expect(dropped.numRows).toBe(1);
    expect(dropped.getChild('user')!.get(0)).toBe(maxUser);
    expect(dropped.getChild('prediction')!.get(0)).toBe(kept[3]);
  });

  it('keeps every input column, in order, and appends a Float64 prediction column', () => {
    const table = tableOf({
      title: column(['a', null, 'c'], new Utf8()),
      user: column([0, 1, 2], new Float64()),
      item: column([3, 4, 9], new Int32()),
    });
    const scored = transformTable(handModel(), table, { ...options, predictionColumn: 'score' });
    expect(scored.schema.fields.map((f) => f.name)).toEqual(['title', 'user', 'item', 'score']);
    expect(scored.schema.fields[3].type).toBeInstanceOf(Float64);
    expect(scored.getChild('title')!.toArray()).toEqual(['a', null, 'c']);
    const predictions = scored.getChild('score')!.toArray();
    expect([predictions[0], predictions[1]]).toEqual([54, 26]);
    expect(predictions[2]).toBeNaN();
  });

  it('drops rows across several record batches, keeping the other columns aligned', () => {
    const table = inBatches(
      tableOf({
        user: column([0, 7, 1, 2, 2, 8], new Int32()),
        item: column([3, 3, 4, 9, 5, 6], new Int32()),
        note: column(['a', 'b', 'c', 'd', 'e', 'f'], new Utf8()),
      }),
      4,
    );
    const scored = transformTable(handModel(), table, { ...options, coldStartStrategy: 'DROP' });
    expect(scored.getChild('note')!.toArray()).toEqual(['a', 'c', 'e']);
    expect([...scored.getChild('prediction')!.toArray()]).toEqual([54, 26, 45]);
  });

  it('accepts the cold start strategy in any case and rejects other values', () => {
    const table = tableOf({ user: column([0], new Int32()), item: column([3], new Int32()) });
    for (const strategy of ['nan', 'NaN', 'Nan', 'drop', 'DROP', 'Drop']) {
      expect(
        transformTable(handModel(), table, { ...options, coldStartStrategy: strategy }).numRows,
      ).toBe(1);
    }
    expect(() =>
      transformTable(handModel(), table, { ...options, coldStartStrategy: 'skip' }),
    ).toThrow('cold start strategy must be `nan` or `drop`, but is `skip`.');
  });

  it('refuses a prediction column that is empty or already in the input', () => {
    const table = tableOf({ user: column([0], new Int32()), item: column([3], new Int32()) });
    expect(() =>
      transformTable(handModel(), table, { ...options, predictionColumn: 'item' }),
    ).toThrow('prediction column `item` already exists in the input; choose another name.');
    expect(() => transformTable(handModel(), table, { ...options, predictionColumn: '' })).toThrow(
      'prediction column is empty; give the new column a name.',
    );
  });

  it('scores a table without rows to a table without rows', () => {
    const table = tableOf({ user: column([], new Int32()), item: column([], new Int32()) });
    const scored = transformTable(handModel(), table, options);
    expect(scored.numRows).toBe(0);
    expect(scored.schema.fields.map((f) => f.name)).toEqual(['user', 'item', 'prediction']);
  });
});
