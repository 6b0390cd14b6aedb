/**
 * Regression metrics as Spark ML's RegressionEvaluator defines them, over n pairs of a label
 * y and a prediction ŷ:
 *
 *   mse  = Σ (ŷ − y)² / n            rmse = √mse
 *   mae  = Σ |ŷ − y| / n
 *   r2   = 1 − SSres / SStot,  SSres = Σ (y − ŷ)²,  SStot = Σ (y − ȳ)²
 *
 * Callers check the inputs: every value finite and n ≥ 1. r2 is NaN when every label is the
 * same (SStot = 0), since it then measures nothing.
 */

export type RegressionMetricName = 'mse' | 'rmse' | 'r2' | 'mae';

export const regressionMetricNames: readonly RegressionMetricName[] = ['mse', 'rmse', 'r2', 'mae'];

/** Whether a larger value of the metric means a better model (true only for r2). */
export function regressionLargerIsBetter(metric: RegressionMetricName): boolean {
  return metric === 'r2';
}

function sumOfSquaredErrors(labels: ArrayLike<number>, predictions: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const error = predictions[i] - labels[i];
    sum += error * error;
  }
  return sum;
}

export function meanSquaredError(labels: ArrayLike<number>, predictions: ArrayLike<number>) {
  return sumOfSquaredErrors(labels, predictions) / labels.length;
}

export function rootMeanSquaredError(labels: ArrayLike<number>, predictions: ArrayLike<number>) {
  return Math.sqrt(meanSquaredError(labels, predictions));
}

export function meanAbsoluteError(labels: ArrayLike<number>, predictions: ArrayLike<number>) {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += Math.abs(predictions[i] - labels[i]);
  return sum / labels.length;
}

export function coefficientOfDetermination(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
): number {
  let mean = 0;
  for (let i = 0; i < labels.length; i++) mean += labels[i];
  mean /= labels.length;

  let total = 0;
  for (let i = 0; i < labels.length; i++) total += (labels[i] - mean) ** 2;
  if (total === 0) return Number.NaN;
  return 1 - sumOfSquaredErrors(labels, predictions) / total;
}

export function regressionMetric(
  metric: RegressionMetricName,
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
): number {
  switch (metric) {
    case 'mse':
      return meanSquaredError(labels, predictions);
    case 'rmse':
      return rootMeanSquaredError(labels, predictions);
    case 'r2':
      return coefficientOfDetermination(labels, predictions);
    case 'mae':
      return meanAbsoluteError(labels, predictions);
  }
}
