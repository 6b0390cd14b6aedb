import type { OperationDescriptor } from '../operation.ts';
import { als } from '../operations/als.ts';
import { evaluate } from '../operations/evaluate.ts';
import { fit } from '../operations/fit.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { recommend } from '../operations/recommend.ts';
import { regressionEvaluator } from '../operations/regressionEvaluator.ts';
import { split } from '../operations/split.ts';
import { transform } from '../operations/transform.ts';
import type { ParamValues } from '../params/index.ts';
import { type Connection, defaultNodeColor, type Workflow, type WorkflowNode } from './model.ts';

/** The ratings every demo reads: Spark's synthetic MovieLens sample, bundled with the app. */
export const demoRatingsFile = 'sample_movielens_ratings.csv';

function node(
  id: string,
  operation: OperationDescriptor,
  x: number,
  y: number,
  params: ParamValues = {},
): WorkflowNode {
  return {
    id,
    operationId: operation.id,
    operationName: operation.name,
    params,
    position: { x, y },
    label: '',
    color: defaultNodeColor,
  };
}

const edge = (from: string, fromPort: number, to: string, toPort: number): Connection => ({
  from: { nodeId: from, portIndex: fromPort },
  to: { nodeId: to, portIndex: toPort },
});

/**
 * The workflow a first visit opens: ratings → Fit ← ALS, and Fit → Transform ← the same
 * ratings, ready to run.
 */
export function trainAndScoreDemo(): Workflow {
  const ids = {
    ratings: 'demo-read-ratings',
    als: 'demo-als',
    fit: 'demo-fit',
    transform: 'demo-transform',
  };
  return {
    id: 'demo-train-and-score',
    name: 'Train and score',
    description: 'Trains ALS on Spark’s sample ratings and scores the same ratings.',
    nodes: [
      node(ids.ratings, readDataFrame, 40, 200, { 'CSV file': demoRatingsFile }),
      node(ids.als, als, 40, 40),
      node(ids.fit, fit, 340, 100),
      node(ids.transform, transform, 640, 180),
    ],
    connections: [
      edge(ids.als, 0, ids.fit, 0),
      edge(ids.ratings, 0, ids.fit, 1),
      edge(ids.fit, 0, ids.transform, 0),
      edge(ids.ratings, 0, ids.transform, 1),
    ],
    preserved: {},
  };
}

/** Canvas columns and rows of the demos' grid: nodes are about 200 × 100, with room between. */
const column = (index: number) => 40 + 260 * index;
const row = (index: number) => 40 + 150 * index;

/**
 * Holds out a fifth of the ratings, trains ALS on the rest, measures the RMSE of its
 * predictions on the held-out fifth and recommends ten items to every user.
 */
export function evaluateAndRecommendDemo(): Workflow {
  const ids = {
    ratings: 'demo-read-ratings',
    split: 'demo-split',
    als: 'demo-als',
    fit: 'demo-fit',
    transform: 'demo-transform',
    evaluator: 'demo-regression-evaluator',
    evaluate: 'demo-evaluate',
    recommend: 'demo-recommend',
  };
  return {
    id: 'demo-evaluate-and-recommend',
    name: 'Evaluate and recommend',
    description:
      'Splits Spark’s sample ratings 80/20, trains ALS on the larger part, measures the RMSE ' +
      'on the rest and recommends ten items to every user.',
    nodes: [
      node(ids.ratings, readDataFrame, column(0), row(1), { 'CSV file': demoRatingsFile }),
      node(ids.split, split, column(1), row(1), {
        'split mode': { RANDOM: { 'split ratio': 0.8, seed: 0 } },
      }),
      node(ids.als, als, column(1), row(0), { 'cold start strategy': { drop: {} } }),
      node(ids.fit, fit, column(2), row(0)),
      node(ids.recommend, recommend, column(3), row(0), { 'number of recommendations': 10 }),
      node(ids.transform, transform, column(3), row(1)),
      node(ids.evaluator, regressionEvaluator, column(3), row(2), {
        'regression metric': { rmse: {} },
        'label column': { type: 'column', value: 'rating' },
      }),
      node(ids.evaluate, evaluate, column(4), row(2)),
    ],
    connections: [
      edge(ids.ratings, 0, ids.split, 0),
      edge(ids.als, 0, ids.fit, 0),
      edge(ids.split, 0, ids.fit, 1),
      edge(ids.fit, 0, ids.transform, 0),
      edge(ids.split, 1, ids.transform, 1),
      edge(ids.evaluator, 0, ids.evaluate, 0),
      edge(ids.transform, 0, ids.evaluate, 1),
      edge(ids.fit, 0, ids.recommend, 0),
    ],
    preserved: {},
  };
}
