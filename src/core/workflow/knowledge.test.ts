import { describe, expect, it } from 'vitest';
import type { Schema } from '../frame/schema.ts';
import { als } from '../operations/als.ts';
import { trainAndScoreDemo } from './demos.ts';
import { inferWorkflow, selectorSchema } from './knowledge.ts';

const ratings: Schema = {
  columns: [
    { name: 'user', type: 'integer' },
    { name: 'item', type: 'integer' },
    { name: 'rating', type: 'double' },
  ],
};

const afterReading = (schema: Schema) => (nodeId: string) =>
  nodeId === 'demo-read-ratings' ? [{ type: 'DataFrame' as const, schema }] : undefined;

describe('knowledge before running', () => {
  it('knows no columns until the file has been read', () => {
    const knowledge = inferWorkflow(trainAndScoreDemo());
    expect(knowledge.get('demo-transform')?.outputs).toEqual([{ type: 'DataFrame', schema: null }]);
    expect(knowledge.get('demo-fit')?.errors).toEqual([]);
  });

  it('flows the read schema through Fit into Transform, which adds the prediction column', () => {
    const knowledge = inferWorkflow(trainAndScoreDemo(), afterReading(ratings));
    expect(knowledge.get('demo-transform')?.outputs[0]).toEqual({
      type: 'DataFrame',
      schema: { columns: [...ratings.columns, { name: 'prediction', type: 'double' }] },
    });
  });

  it('flags a missing column on Fit, naming the columns there are', () => {
    const schema: Schema = {
      columns: [{ name: 'uid', type: 'integer' }, ...ratings.columns.slice(1)],
    };
    const knowledge = inferWorkflow(trainAndScoreDemo(), afterReading(schema));
    expect(knowledge.get('demo-fit')?.errors).toEqual([
      'user column: Column `user` does not exist in the input DataFrame ' +
        '(column names: `uid`, `item`, `rating`)',
    ]);
  });

  it('flags a parameter out of range on its own node', () => {
    const workflow = trainAndScoreDemo();
    workflow.nodes[1].params = { rank: 0 };
    expect(inferWorkflow(workflow).get('demo-als')?.errors).toEqual([
      'rank must satisfy 1 <= rank <= 1000, rank is an integer; got 0',
    ]);
  });

  it('offers ALS the columns of the DataFrame arriving at its Fit', () => {
    const workflow = trainAndScoreDemo();
    const knowledge = inferWorkflow(workflow, afterReading(ratings));
    const userColumn = als.params.find((spec) => spec.name === 'user column');
    expect(userColumn?.kind).toBe('column');
    expect(selectorSchema(workflow, knowledge, 'demo-als', userColumn as never)).toEqual(ratings);
  });
});
