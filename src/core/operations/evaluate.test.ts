import { Float64, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { EvaluatorValue } from '../operation.ts';
import { inferWorkflow, selectorSchema } from '../workflow/knowledge.ts';
import { evaluate } from './evaluate.ts';
import { rankingEvaluator } from './rankingEvaluator.ts';
import { readDataFrame } from './readDataFrame.ts';
import { regressionEvaluator } from './regressionEvaluator.ts';
import { runOperation, testContext } from './testing/context.ts';
import { edgeOf, filesOf, nodeOf, runWorkflow, workflowOf } from './testing/workflow.ts';

// Errors −0.5, 0, 1, 0: SSres = 1.25, mean rating 2.5, SStot = 5 (as in metrics/regression.test).
const scoredCsv = 'user,item,rating,prediction\n1,1,3,2.5\n1,2,1,1\n2,1,4,5\n2,2,2,2\n';

function regressionWorkflow(params: Record<string, unknown>) {
  return workflowOf(
    [
      nodeOf('scored', readDataFrame, { 'CSV file': 'scored.csv' }),
      nodeOf('evaluator', regressionEvaluator, params),
      nodeOf('evaluate', evaluate),
    ],
    [edgeOf('evaluator', 0, 'evaluate', 0), edgeOf('scored', 0, 'evaluate', 1)],
  );
}

describe('Evaluate with a Regression Evaluator', () => {
  const rating = { type: 'column', value: 'rating' };

  it('measures the RMSE of scored rows in a workflow', async () => {
    const { executor, outcome } = await runWorkflow(
      regressionWorkflow({ 'label column': rating }),
      filesOf({ 'scored.csv': scoredCsv }),
    );
    expect(outcome.failed).toEqual([]);
    expect(executor.output('evaluate', 0)).toEqual({
      type: 'MetricValue',
      name: 'rmse',
      value: expect.closeTo(Math.sqrt(1.25 / 4), 12),
    });
  });

  it('measures the chosen metric', async () => {
    const expected = { mse: 1.25 / 4, r2: 1 - 1.25 / 5, mae: 1.5 / 4 };
    for (const [metric, value] of Object.entries(expected)) {
      const { executor } = await runWorkflow(
        regressionWorkflow({ 'label column': rating, 'regression metric': { [metric]: {} } }),
        filesOf({ 'scored.csv': scoredCsv }),
      );
      expect(executor.output('evaluate', 0)).toMatchObject({ name: metric, value });
    }
  });

  it('fails on the default label column `label`, naming the columns there are', async () => {
    const { failures } = await runWorkflow(
      regressionWorkflow({}),
      filesOf({ 'scored.csv': scoredCsv }),
    );
    expect(failures).toEqual([
      'Evaluate: label column: Column `label` does not exist in the input DataFrame ' +
        '(column names: `user`, `item`, `rating`, `prediction`)',
    ]);
  });

  it('flags the missing label column on Evaluate before running', () => {
    const workflow = regressionWorkflow({});
    const schema = {
      columns: [
        { name: 'rating', type: 'double' as const },
        { name: 'prediction', type: 'double' as const },
      ],
    };
    const knowledge = inferWorkflow(workflow, (id) =>
      id === 'scored' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    expect(knowledge.get('evaluate')?.errors).toEqual([
      'label column: Column `label` does not exist in the input DataFrame ' +
        '(column names: `rating`, `prediction`)',
    ]);
  });

  it('offers its column selectors the columns of the DataFrame at Evaluate', () => {
    const workflow = regressionWorkflow({});
    const schema = { columns: [{ name: 'stars', type: 'double' as const }] };
    const knowledge = inferWorkflow(workflow, (id) =>
      id === 'scored' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    const label = regressionEvaluator.params.find((spec) => spec.name === 'label column');
    expect(selectorSchema(workflow, knowledge, 'evaluator', label as never)).toEqual(schema);
  });

  it('fails on NaN predictions, counting them and suggesting cold start `drop`', async () => {
    const [evaluator] = await runOperation(regressionEvaluator, [], { 'label column': rating });
    const table = new Table({
      rating: vectorFromArray([3, 4, 5], new Float64()),
      prediction: vectorFromArray([3, Number.NaN, Number.NaN], new Float64()),
    });
    await expect(
      (evaluator as EvaluatorValue).evaluate(table, testContext(regressionEvaluator)),
    ).rejects.toThrow(
      'prediction column `prediction` is NaN in 2 of 3 rows (first in row 2): the model has ' +
        'not seen those users or items. Set the ALS cold start strategy to `drop`',
    );
  });
});

/*
 * The tiny example of metrics/ranking.test.ts, as files: precision@3 = 1/3, MAP@3 = 19/54.
 */
const recommendationsCsv =
  'user,item,rank,score\n1,10,1,9\n1,99,2,8\n1,30,3,7\n2,41,1,9\n2,40,2,8\n2,42,3,7\n4,10,1,9\n';
const heldOutCsv = 'user,item,rating\n1,10,5\n2,40,4\n1,20,3\n3,50,1\n1,30,2\n3,60,5\n';

function rankingWorkflow(params: Record<string, unknown>) {
  return workflowOf(
    [
      nodeOf('recommended', readDataFrame, { 'CSV file': 'recommended.csv' }),
      nodeOf('held-out', readDataFrame, { 'CSV file': 'held-out.csv' }),
      nodeOf('evaluator', rankingEvaluator, params),
      nodeOf('evaluate', evaluate),
    ],
    [
      edgeOf('recommended', 0, 'evaluator', 0),
      edgeOf('evaluator', 0, 'evaluate', 0),
      edgeOf('held-out', 0, 'evaluate', 1),
    ],
  );
}

describe('Evaluate with a Ranking Evaluator', () => {
  const files = () =>
    filesOf({ 'recommended.csv': recommendationsCsv, 'held-out.csv': heldOutCsv });

  it('measures recommendations on its input against the held-out rows at Evaluate', async () => {
    const { executor, outcome } = await runWorkflow(rankingWorkflow({ k: 3 }), files());
    expect(outcome.failed).toEqual([]);
    expect(executor.output('evaluate', 0)).toEqual({
      type: 'MetricValue',
      name: 'precision@3',
      value: expect.closeTo(1 / 3, 12),
    });

    const map = await runWorkflow(
      rankingWorkflow({ k: 3, 'ranking metric': { map: {} } }),
      files(),
    );
    expect(map.executor.output('evaluate', 0)).toMatchObject({
      name: 'map@3',
      value: expect.closeTo(19 / 54, 12),
    });
  });

  it('flags id columns the recommendations lack on the evaluator before running', () => {
    const workflow = rankingWorkflow({ 'user column': { type: 'column', value: 'uid' } });
    const schema = {
      columns: [
        { name: 'user', type: 'integer' as const },
        { name: 'item', type: 'integer' as const },
        { name: 'rank', type: 'integer' as const },
      ],
    };
    const knowledge = inferWorkflow(workflow, (id) =>
      id === 'recommended' || id === 'held-out' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    expect(knowledge.get('evaluator')?.errors).toEqual([
      'user column: the recommendations on input 0 have no column `uid` (column names: ' +
        '`user`, `item`, `rank`); connect the output of Recommend.',
    ]);
    expect(knowledge.get('evaluate')?.errors).toEqual([
      'user column: Column `uid` does not exist in the input DataFrame ' +
        '(column names: `user`, `item`, `rank`)',
    ]);
  });
});
