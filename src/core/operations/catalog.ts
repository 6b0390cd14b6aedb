import type { OperationDescriptor } from '../operation.ts';
import { als } from './als.ts';
import { evaluate } from './evaluate.ts';
import { filterColumns } from './filterColumns.ts';
import { fit } from './fit.ts';
import { fitTransform } from './fitTransform.ts';
import { rankingEvaluator } from './rankingEvaluator.ts';
import { readDataFrame } from './readDataFrame.ts';
import { recommend } from './recommend.ts';
import { regressionEvaluator } from './regressionEvaluator.ts';
import { split } from './split.ts';
import { transform } from './transform.ts';

/**
 * Every operation recflow can run, in palette order: Input/Output, Action, Set operation,
 * Filtering, (Transformation: none yet), Machine learning › Recommendation, Machine
 * learning › Model evaluation.
 */
export const operations: readonly OperationDescriptor[] = [
  readDataFrame,
  evaluate,
  fit,
  fitTransform,
  transform,
  split,
  filterColumns,
  als,
  recommend,
  regressionEvaluator,
  rankingEvaluator,
];

const byId = new Map(operations.map((operation) => [operation.id, operation]));
const byName = new Map(operations.map((operation) => [operation.name, operation]));

/** The operation with this Seahorse UUID, or undefined for one recflow does not know. */
export function operationById(id: string): OperationDescriptor | undefined {
  return byId.get(id);
}

export function operationByName(name: string): OperationDescriptor | undefined {
  return byName.get(name);
}

/** Palette categories in the order Seahorse shows them. */
export const categoryOrder: readonly string[] = [
  'Input/Output',
  'Action',
  'Set operation',
  'Filtering',
  'Transformation',
  'Machine learning',
];
