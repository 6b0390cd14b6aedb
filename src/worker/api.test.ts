import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run/executor.ts';
import { demoRatingsFile, trainAndScoreDemo } from '../core/workflow/demos.ts';
import { WorkerApi } from './api.ts';

const csv = 'user,item,rating\n0,0,1\n0,1,2\n1,0,2\n1,1,4\n2,0,3\n2,1,6\n';

describe('the worker API', () => {
  it('runs a workflow on an uploaded Blob and hands back the scored table as CSV', async () => {
    const api = new WorkerApi();
    api.putFile(demoRatingsFile, new Blob([csv]), 'v1');
    const workflow = trainAndScoreDemo();
    workflow.nodes[1].params = { rank: 1, 'regularization param': 0.001 };

    const events: RunEvent[] = [];
    const outcome = await api.run(workflow, undefined, (event) => events.push(event));

    expect(outcome.failed).toEqual([]);
    const done = events.find((e) => e.nodeId === 'demo-transform' && e.status === 'completed');
    expect(done).toMatchObject({ outputs: [{ type: 'DataFrame', frame: { rowCount: 6 } }] });

    const text = await api.csvOf('demo-transform', 0).text();
    const [header, ...rows] = text.trim().split('\n');
    expect(header).toBe('user,item,rating,prediction');
    expect(rows).toHaveLength(6);
  });

  it('refuses a download from a port that holds nothing yet', () => {
    expect(() => new WorkerApi().csvOf('nowhere', 0)).toThrow('run the workflow first');
  });
});
