import { describe, expect, it } from 'vitest';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { split } from '../operations/split.ts';
import { edgeOf, nodeOf, workflowOf } from '../operations/testing/workflow.ts';
import { evaluateAndRecommendDemo, trainAndScoreDemo } from '../workflow/demos.ts';
import { fileSafeName, finalDataFrameOutputs, uniqueNames } from './outputNames.ts';

describe('finalDataFrameOutputs', () => {
  it('lists the DataFrame outputs no node consumes, named by node id and port', () => {
    expect(finalDataFrameOutputs(trainAndScoreDemo())).toEqual([
      { nodeId: 'demo-transform', portIndex: 0, name: 'demo-transform-0' },
    ]);
    expect(finalDataFrameOutputs(evaluateAndRecommendDemo())).toEqual([
      { nodeId: 'demo-recommend', portIndex: 0, name: 'demo-recommend-0' },
    ]);
  });

  it('names outputs by node name where there is one, file-safe and unique', () => {
    const workflow = workflowOf(
      [
        { ...nodeOf('a', readDataFrame), label: 'Ratings / 2024' },
        { ...nodeOf('b', split), label: 'ratings 2024' },
        { ...nodeOf('c', split), label: 'Ratings   2024' },
      ],
      [edgeOf('a', 0, 'b', 0), edgeOf('a', 0, 'c', 0)],
    );

    expect(finalDataFrameOutputs(workflow).map((output) => output.name)).toEqual([
      'ratings-2024-0',
      'ratings-2024-1',
      'Ratings-2024_2-0',
      'Ratings-2024_2-1',
    ]);
  });
});

describe('fileSafeName', () => {
  it.each([
    ['Fit + Transform', 'Fit-Transform'],
    ['../../etc/passwd', 'etc-passwd'],
    ['.hidden', 'hidden'],
    ['über—model', 'uber-model'],
    ['///', 'node'],
  ])('makes %s into %s', (text, safe) => {
    expect(fileSafeName(text)).toBe(safe);
  });
});

describe('uniqueNames', () => {
  it('numbers repeats from 2, ignoring case as macOS and Windows do', () => {
    expect(uniqueNames(['Fit', 'fit', 'Fit', 'Evaluate'])).toEqual([
      'Fit',
      'fit_2',
      'Fit_3',
      'Evaluate',
    ]);
  });
});
