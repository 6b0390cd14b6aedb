import { predict } from '../model';
import type { AlsModel, Ratings } from '../types';

/** Root mean squared error of the model's predictions on `test` (NaN if any id is unseen). */
export function rootMeanSquaredError(model: AlsModel, test: Ratings): number {
  const predictions = predict(model, test.users, test.items);
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) sum += (test.ratings[i] - predictions[i]) ** 2;
  return Math.sqrt(sum / predictions.length);
}

/**
 * The implicit-feedback check of Spark's ALSSuite: rating and prediction clamped to [0, 1],
 * each squared error weighted by the confidence 1 + alpha·|r|.
 */
export function weightedRootMeanSquaredError(model: AlsModel, test: Ratings, alpha: number) {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const predictions = predict(model, test.users, test.items);
  let weightedSum = 0;
  let totalWeight = 0;
  for (let i = 0; i < predictions.length; i++) {
    const confidence = 1 + alpha * Math.abs(test.ratings[i]);
    const error = clamp(test.ratings[i]) - clamp(predictions[i]);
    weightedSum += confidence * error * error;
    totalWeight += confidence;
  }
  return Math.sqrt(weightedSum / totalWeight);
}
