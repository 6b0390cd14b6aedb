import { describe, expect, it } from 'vitest';
import {
  coefficientOfDetermination,
  meanAbsoluteError,
  meanSquaredError,
  regressionMetric,
  rootMeanSquaredError,
} from './regression.ts';

// labels 3, 1, 4, 2 and predictions 2.5, 1, 5, 2: errors −0.5, 0, 1, 0.
// SSres = 0.25 + 1 = 1.25; mean label 2.5, SStot = 0.25 + 2.25 + 2.25 + 0.25 = 5.
const labels = [3, 1, 4, 2];
const predictions = [2.5, 1, 5, 2];

describe('regression metrics', () => {
  it('give the hand-computed mse, rmse, mae and r2', () => {
    expect(meanSquaredError(labels, predictions)).toBeCloseTo(1.25 / 4, 12);
    expect(rootMeanSquaredError(labels, predictions)).toBeCloseTo(Math.sqrt(0.3125), 12);
    expect(meanAbsoluteError(labels, predictions)).toBeCloseTo(1.5 / 4, 12);
    expect(coefficientOfDetermination(labels, predictions)).toBeCloseTo(1 - 1.25 / 5, 12);
  });

  it('are zero (r2 one) for perfect predictions', () => {
    expect(regressionMetric('rmse', labels, labels)).toBe(0);
    expect(regressionMetric('mae', labels, labels)).toBe(0);
    expect(regressionMetric('r2', labels, labels)).toBe(1);
  });

  it('make r2 NaN when every label is the same, since there is nothing to explain', () => {
    expect(regressionMetric('r2', [2, 2, 2], [1, 2, 3])).toBeNaN();
  });

  it('make r2 negative for predictions worse than the mean label', () => {
    expect(regressionMetric('r2', [1, 2, 3], [3, 2, 1])).toBeCloseTo(1 - 8 / 2, 12);
  });
});
