import { describe, expect, it } from 'vitest';
import type { FileStore, StoredFile } from '../operation.ts';
import { trainAndScoreDemo } from '../workflow/demos.ts';
import type { Workflow } from '../workflow/model.ts';
import { type RunEvent, WorkflowExecutor } from './executor.ts';

/** A rank-1 matrix of ratings u·i over 6 users and 5 items, with a header row. */
function exactRatingsCsv(): string {
  const lines = ['user,item,rating'];
  const userFactor = [0.5, -1, 1.5, 2, -0.5, 1];
  const itemFactor = [1, 2, -1, 0.5, 1.5];
  for (const [user, u] of userFactor.entries()) {
    for (const [item, i] of itemFactor.entries()) lines.push(`${user},${item},${u * i}`);
  }
  return `${lines.join('\n')}\n`;
}

function filesOf(
  contents: Record<string, string>,
): FileStore & { replace(n: string, t: string): void } {
  const files = new Map<string, StoredFile>();
  let version = 0;
  const replace = (name: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    version += 1;
    files.set(name, {
      name,
      size: bytes.length,
      fingerprint: `${name}@${version}`,
      stream: () => new Blob([bytes]).stream(),
    });
  };
  for (const [name, text] of Object.entries(contents)) replace(name, text);
  return { get: (name) => files.get(name), replace };
}

function demoWith(params: Record<string, unknown>): Workflow {
  const workflow = trainAndScoreDemo();
  workflow.nodes[0].params = { 'CSV file': 'ratings.csv' };
  workflow.nodes[1].params = params;
  return workflow;
}

async function runAll(executor: WorkflowExecutor, workflow: Workflow, files: FileStore) {
  const events: RunEvent[] = [];
  const outcome = await executor.run(workflow, {
    files,
    signal: new AbortController().signal,
    yieldToEvents: async () => {},
    onEvent: (event) => events.push(event),
  });
  const ran = events
    .filter((event) => event.status === 'completed' && !event.reused)
    .map((event) => event.nodeId);
  return { outcome, events, ran };
}

describe('running a workflow', () => {
  it('reads, trains and scores, reporting each node’s states in order', async () => {
    const files = filesOf({ 'ratings.csv': exactRatingsCsv() });
    const executor = new WorkflowExecutor();
    const { outcome, events } = await runAll(
      executor,
      demoWith({ rank: 1, 'regularization param': 1e-6, 'max iterations': 15 }),
      files,
    );

    expect(outcome).toEqual({
      completed: ['demo-read-ratings', 'demo-als', 'demo-fit', 'demo-transform'],
      failed: [],
      aborted: false,
    });
    const fitStates = events.filter((e) => e.nodeId === 'demo-fit').map((e) => e.status);
    expect(fitStates[0]).toBe('queued');
    expect(fitStates.at(-1)).toBe('completed');
    expect(fitStates).toContain('running');

    const scored = executor.output('demo-transform', 0);
    if (scored?.type !== 'DataFrame') throw new Error('Transform gave no DataFrame');
    const ratings = scored.table.getChild('rating')!.toArray() as Float64Array;
    const predictions = scored.table.getChild('prediction')!.toArray() as Float64Array;
    for (let row = 0; row < ratings.length; row++) {
      expect(predictions[row]).toBeCloseTo(ratings[row], 3);
    }
  });

  it('reuses unchanged nodes and re-runs an edited node and everything after it', async () => {
    const files = filesOf({ 'ratings.csv': exactRatingsCsv() });
    const executor = new WorkflowExecutor();
    await runAll(executor, demoWith({ rank: 1 }), files);

    const again = await runAll(executor, demoWith({ rank: 1 }), files);
    expect(again.ran).toEqual([]);

    const edited = await runAll(executor, demoWith({ rank: 2 }), files);
    expect(edited.ran).toEqual(['demo-als', 'demo-fit', 'demo-transform']);

    files.replace('ratings.csv', exactRatingsCsv().replace('0,0,0.5', '0,0,0.75'));
    const reuploaded = await runAll(executor, demoWith({ rank: 2 }), files);
    // ALS reads no file, so only the reader and what depends on it run again.
    expect(reuploaded.ran).toEqual(['demo-read-ratings', 'demo-fit', 'demo-transform']);
  });

  it('fails a node with a message naming it, and leaves the nodes after it in draft', async () => {
    const files = filesOf({ 'ratings.csv': 'uid,item,rating\n1,2,3\n' });
    const { outcome, events } = await runAll(new WorkflowExecutor(), demoWith({}), files);

    expect(outcome.failed).toEqual(['demo-fit']);
    const failure = events.find((event) => event.status === 'failed');
    expect(failure).toMatchObject({
      nodeId: 'demo-fit',
      message: expect.stringContaining('Fit: user column: Column `user` does not exist'),
    });
    expect(events.at(-1)).toEqual({ nodeId: 'demo-transform', status: 'draft' });
  });

  it('fails before running when a parameter breaks its rule', async () => {
    const files = filesOf({ 'ratings.csv': exactRatingsCsv() });
    const { events } = await runAll(new WorkflowExecutor(), demoWith({ rank: 0 }), files);
    expect(events.find((event) => event.status === 'failed')).toEqual({
      nodeId: 'demo-als',
      status: 'failed',
      message: 'ALS: rank must satisfy 1 <= rank <= 1000, rank is an integer; got 0',
    });
  });

  it('says which input is not connected', async () => {
    const workflow = demoWith({});
    workflow.connections = workflow.connections.filter((edge) => edge.to.nodeId !== 'demo-fit');
    const files = filesOf({ 'ratings.csv': exactRatingsCsv() });
    const { events } = await runAll(new WorkflowExecutor(), workflow, files);
    expect(events.find((event) => event.status === 'failed')).toMatchObject({
      message: 'Fit: input 0 (Estimator) is not connected; connect one.',
    });
  });

  it('stops when aborted: the running node ends aborted and the rest go back to draft', async () => {
    const files = filesOf({ 'ratings.csv': exactRatingsCsv() });
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const outcome = await new WorkflowExecutor().run(demoWith({ 'max iterations': 50 }), {
      files,
      signal: controller.signal,
      yieldToEvents: async () => {},
      onEvent: (event) => {
        events.push(event);
        if (event.status === 'running' && event.nodeId === 'demo-fit' && event.progress) {
          controller.abort();
        }
      },
    });
    expect(outcome.aborted).toBe(true);
    expect(events.slice(-2)).toEqual([
      { nodeId: 'demo-fit', status: 'aborted' },
      { nodeId: 'demo-transform', status: 'draft' },
    ]);
  });
});
