import { describe, expect, it } from 'vitest';
import type { DataFrameValue } from '../operation.ts';
import { inferWorkflow } from '../workflow/knowledge.ts';
import { als } from './als.ts';
import { fitTransform } from './fitTransform.ts';
import { readDataFrame } from './readDataFrame.ts';
import { recommend } from './recommend.ts';
import { edgeOf, filesOf, nodeOf, runWorkflow, workflowOf } from './testing/workflow.ts';

/** Ratings u·i of a rank-1 matrix, 3 users × 4 items: rank-1 ALS fits them exactly. */
function exactRatingsCsv(): string {
  const lines = ['user,item,rating'];
  for (const [user, u] of [1, -0.5, 2].entries()) {
    for (const [item, i] of [0.5, 1, -1, 2].entries()) lines.push(`${user},${item},${u * i}`);
  }
  return `${lines.join('\n')}\n`;
}

const workflow = workflowOf(
  [
    nodeOf('ratings', readDataFrame, { 'CSV file': 'ratings.csv' }),
    nodeOf('als', als, { rank: 1, 'regularization param': 1e-6, 'max iterations': 15 }),
    nodeOf('fit-transform', fitTransform),
    nodeOf('recommend', recommend, { 'number of recommendations': 1 }),
  ],
  [
    edgeOf('als', 0, 'fit-transform', 0),
    edgeOf('ratings', 0, 'fit-transform', 1),
    edgeOf('fit-transform', 1, 'recommend', 0),
  ],
);

describe('Fit + Transform', () => {
  it('trains on a DataFrame and scores the same rows, outputting both', async () => {
    const { executor, failures } = await runWorkflow(
      workflow,
      filesOf({ 'ratings.csv': exactRatingsCsv() }),
    );
    expect(failures).toEqual([]);

    const { table } = executor.output('fit-transform', 0) as DataFrameValue;
    expect(table.schema.names).toEqual(['user', 'item', 'rating', 'prediction']);
    for (const row of table.toArray()) expect(row.prediction).toBeCloseTo(row.rating, 3);
    expect(executor.output('fit-transform', 1)).toMatchObject({ type: 'Transformer' });
    expect((executor.output('recommend', 0) as DataFrameValue).table.numRows).toBe(3);
  });

  it('knows the scored schema and the model before running', () => {
    const schema = {
      columns: ['user', 'item', 'rating'].map((name) => ({ name, type: 'integer' as const })),
    };
    const knowledge = inferWorkflow(workflow, (id) =>
      id === 'ratings' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    const [scored, model] = knowledge.get('fit-transform')!.outputs;
    expect(scored).toEqual({
      type: 'DataFrame',
      schema: { columns: [...schema.columns, { name: 'prediction', type: 'double' }] },
    });
    expect(model).toMatchObject({
      transformer: { recommender: { userColumn: 'user', itemColumn: 'item' } },
    });
  });

  it('reports a missing column once, though both fitting and scoring need it', () => {
    const schema = { columns: [{ name: 'uid', type: 'integer' as const }] };
    const knowledge = inferWorkflow(workflow, (id) =>
      id === 'ratings' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    const errors = knowledge.get('fit-transform')!.errors;
    expect(errors.filter((error) => error.startsWith('user column'))).toHaveLength(1);
  });
});
