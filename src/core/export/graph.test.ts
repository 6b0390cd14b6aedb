import { describe, expect, it } from 'vitest';
import { als } from '../operations/als.ts';
import { fit } from '../operations/fit.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { edgeOf, nodeOf, workflowOf } from '../operations/testing/workflow.ts';
import { trainAndScoreDemo } from '../workflow/demos.ts';
import { graphProblems } from './graph.ts';

describe('graphProblems', () => {
  it('finds nothing wrong with a workflow the editor built', () => {
    expect(graphProblems(trainAndScoreDemo())).toEqual([]);
  });

  it('names both ends of an edge whose types do not fit', () => {
    const workflow = workflowOf(
      [nodeOf('ratings', readDataFrame), nodeOf('fit', fit)],
      [edgeOf('ratings', 0, 'fit', 0)],
    );

    expect(graphProblems(workflow)).toEqual([
      'the edge from `Read DataFrame` (node ratings) output 0 to `Fit` (node fit) input 0 ' +
        'carries a DataFrame where an Estimator is needed; remove the edge.',
    ]);
  });

  it('finds an edge to a port that does not exist, and two edges into one input', () => {
    const workflow = workflowOf(
      [nodeOf('ratings', readDataFrame), nodeOf('als', als), nodeOf('fit', fit)],
      [edgeOf('als', 0, 'fit', 0), edgeOf('als', 0, 'fit', 0), edgeOf('ratings', 3, 'fit', 1)],
    );

    const problems = graphProblems(workflow);

    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('`Fit` (node fit) input 0 has more than one edge; keep one.');
    expect(problems[1]).toMatch(/output 3 .* leads nowhere: Read DataFrame has 1 output\(s\)/);
  });

  it('names the nodes of a cycle', () => {
    const workflow = trainAndScoreDemo();
    workflow.connections.push(edgeOf('demo-transform', 0, 'demo-fit', 1));

    const problems = graphProblems(workflow);

    expect(problems.at(-1)).toMatch(
      /^the edges between `Fit` \(node demo-fit\), `Transform` \(node demo-transform\) form a/,
    );
  });
});
