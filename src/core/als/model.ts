import { RecflowError } from '../errors';
import { lookupPositions } from './ids';
import type { AlsModel } from './types';

/**
 * Predicted ratings: the dot product of the user's and the item's factors, one per
 * (users[i], items[i]) pair, NaN when either id was not seen in training (Spark's cold start).
 */
export function predict(model: AlsModel, users: Int32Array, items: Int32Array): Float64Array {
  if (users.length !== items.length) {
    throw new RecflowError(
      `cannot score ${users.length} user ids against ${items.length} item ids; ` +
        'give one item per user.',
    );
  }

  const { rank, userFactors, itemFactors } = model;
  const userRows = lookupPositions(model.userIds, users);
  const itemRows = lookupPositions(model.itemIds, items);
  const predictions = new Float64Array(users.length);
  for (let i = 0; i < predictions.length; i++) {
    const u = userRows[i];
    const v = itemRows[i];
    if (u < 0 || v < 0) {
      predictions[i] = Number.NaN;
      continue;
    }
    let score = 0;
    for (let a = 0; a < rank; a++) score += userFactors[u * rank + a] * itemFactors[v * rank + a];
    predictions[i] = score;
  }
  return predictions;
}
