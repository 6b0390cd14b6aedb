import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connect.ts';
import { trainAndScoreDemo } from './demos.ts';
import type { Connection, Workflow } from './model.ts';

const link = (from: string, fromPort: number, to: string, toPort: number): Connection => ({
  from: { nodeId: from, portIndex: fromPort },
  to: { nodeId: to, portIndex: toPort },
});

/** The demo's four nodes with no edges between them. */
function unwired(): Workflow {
  return { ...trainAndScoreDemo(), connections: [] };
}

describe('connecting ports', () => {
  it('accepts an Estimator into Fit and a DataFrame into its data input', () => {
    const workflow = unwired();
    expect(connectionProblem(workflow, link('demo-als', 0, 'demo-fit', 0))).toBeNull();
    expect(connectionProblem(workflow, link('demo-read-ratings', 0, 'demo-fit', 1))).toBeNull();
  });

  it('rejects a Fit edge from a DataFrame port and says which type the input takes', () => {
    expect(connectionProblem(unwired(), link('demo-read-ratings', 0, 'demo-fit', 0))).toBe(
      "Fit's input 0 takes an Estimator, but this output gives a DataFrame.",
    );
  });

  it('rejects a second edge into an input', () => {
    const workflow = trainAndScoreDemo();
    expect(connectionProblem(workflow, link('demo-read-ratings', 0, 'demo-fit', 1))).toContain(
      'already connected',
    );
  });

  it('rejects an edge that would close a cycle', () => {
    const workflow = trainAndScoreDemo();
    // Transform's output is a DataFrame and Fit's data input is taken, so free one first.
    workflow.connections = workflow.connections.filter((edge) => edge.to.portIndex !== 1);
    expect(connectionProblem(workflow, link('demo-transform', 0, 'demo-fit', 1))).toBe(
      'This edge would close a cycle: data must flow one way.',
    );
  });

  it('rejects ports that do not exist', () => {
    expect(connectionProblem(unwired(), link('demo-als', 3, 'demo-fit', 0))).toContain(
      'no such output',
    );
  });
});
