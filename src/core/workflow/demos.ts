import { als } from '../operations/als.ts';
import { fit } from '../operations/fit.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { transform } from '../operations/transform.ts';
import type { OperationDescriptor } from '../operation.ts';
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
