import { describe, expect, it } from 'vitest';
import { type RunEvent, WorkflowExecutor } from '../run/executor.ts';
import { trainAndScoreDemo } from '../workflow/demos.ts';
import { inferWorkflow } from '../workflow/knowledge.ts';
import type { Workflow } from '../workflow/model.ts';

const csv = 'user,item,rating\n0,0,1\n0,1,2\n1,0,2\n1,1,4\n2,0,3\n2,1,6\n';

function demoWithFitOverrides(overrides: Record<string, unknown>): Workflow {
  const workflow = trainAndScoreDemo();
  workflow.nodes[0].params = { 'CSV file': 'ratings.csv' };
  workflow.nodes[1].params = { rank: 1, 'max iterations': 2 };
  workflow.nodes[2].params = { 'Parameters of input Estimator': overrides };
  return workflow;
}

async function run(workflow: Workflow) {
  const bytes = new TextEncoder().encode(csv);
  const executor = new WorkflowExecutor();
  const events: RunEvent[] = [];
  await executor.run(workflow, {
    files: {
      get: (name) =>
        name === 'ratings.csv'
          ? {
              name,
              size: bytes.length,
              fingerprint: 'v1',
              stream: () => new Blob([bytes]).stream(),
            }
          : undefined,
    },
    signal: new AbortController().signal,
    yieldToEvents: async () => {},
    onEvent: (event) => events.push(event),
  });
  return { executor, events };
}

describe('Parameters of input Estimator', () => {
  it('train with the overridden values instead of those set on ALS', async () => {
    const { executor } = await run(demoWithFitOverrides({ rank: 3 }));
    const model = executor.output('demo-fit', 0);
    if (model?.type !== 'Transformer') throw new Error('Fit gave no model');
    expect(model.report().fields).toContainEqual(['rank', '3']);
  });

  it('leave the values set on ALS when empty', async () => {
    const { executor } = await run(demoWithFitOverrides({}));
    const model = executor.output('demo-fit', 0);
    if (model?.type !== 'Transformer') throw new Error('Fit gave no model');
    expect(model.report().fields).toContainEqual(['rank', '1']);
  });

  it('name a parameter the estimator does not have, before and during a run', async () => {
    const workflow = demoWithFitOverrides({ depth: 4 });
    expect(inferWorkflow(workflow).get('demo-fit')?.errors).toEqual([
      'Parameters of input Estimator: ALS has no parameter `depth`; remove it.',
    ]);
    const { events } = await run(workflow);
    expect(events.find((event) => event.status === 'failed')).toMatchObject({
      nodeId: 'demo-fit',
      message: 'Fit: Parameters of input Estimator: ALS has no parameter `depth`; remove it.',
    });
  });

  it('check overridden values against the estimator’s own rules', () => {
    const workflow = demoWithFitOverrides({ rank: 0 });
    expect(inferWorkflow(workflow).get('demo-fit')?.errors).toEqual([
      'Parameters of input Estimator › rank must satisfy 1 <= rank <= 1000, rank is an integer; got 0',
    ]);
  });
});

describe('Parameters of input Transformer', () => {
  it('rename the prediction column at scoring time', async () => {
    const workflow = demoWithFitOverrides({});
    workflow.nodes[3].params = {
      'Parameters of input Transformer': { 'prediction column': 'score' },
    };
    const { executor } = await run(workflow);
    const scored = executor.output('demo-transform', 0);
    if (scored?.type !== 'DataFrame') throw new Error('Transform gave no DataFrame');
    expect(scored.table.schema.fields.map((field) => field.name)).toEqual([
      'user',
      'item',
      'rating',
      'score',
    ]);
  });
});
