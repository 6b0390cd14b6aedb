import { Int32, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fitAls } from './fit';
import { modelFromIpc, modelToIpc } from './ipc';
import { explicitRatings } from './testing/generators';
import { handModel } from './testing/models';
import { testParams } from './testing/params';
import { column, tableOf } from './testing/tables';

describe('model IPC files', () => {
  it('round-trips a trained model bit for bit', async () => {
    const { training } = explicitRatings(8, 12, 3, 0.1, 2);
    const { model } = await fitAls(training, testParams({ rank: 3, maxIter: 3 }));
    expect(modelFromIpc(modelToIpc(model))).toEqual(model);
  });

  it('round-trips a model with negative ids and a single item', () => {
    const model = {
      rank: 1,
      userIds: Int32Array.from([-9, 4]),
      userFactors: Float64Array.from([0.5, -2]),
      itemIds: Int32Array.from([-2147483648]),
      itemFactors: Float64Array.from([3]),
    };
    expect(modelFromIpc(modelToIpc(model))).toEqual(model);
  });

  it('rejects bytes that are not an Arrow IPC file', () => {
    expect(() => modelFromIpc(new TextEncoder().encode('user,item\n1,2\n'))).toThrow(
      'the file is not an ALS model saved by recflow: it is not an Arrow IPC file; ' +
        'export the model again.',
    );
    expect(() => modelFromIpc(new Uint8Array(0))).toThrow('it is not an Arrow IPC file');
  });

  it('rejects an Arrow file that is not an ALS model', () => {
    const other = tableToIPC(tableOf({ id: column([1, 2], new Int32()) }), 'file');
    expect(() => modelFromIpc(other)).toThrow('its metadata lacks recflow.model = als');
  });

  it('rejects a truncated model file', () => {
    const bytes = modelToIpc(handModel());
    const damaged = bytes.slice();
    damaged.fill(0, 200, 400);
    expect(() => modelFromIpc(bytes.subarray(0, bytes.length - 50))).toThrow(
      /not an Arrow IPC file/,
    );
    expect(() => modelFromIpc(damaged)).toThrow(/not an ALS model saved by recflow/);
  });

  it('rejects a model whose ids are not ascending', () => {
    const model = { ...handModel(), itemIds: Int32Array.from([3, 5, 4, 6]) };
    expect(() => modelFromIpc(modelToIpc(model))).toThrow('the ids are not ascending at row 6');
  });
});
