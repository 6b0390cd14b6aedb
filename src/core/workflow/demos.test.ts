import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DataFrameValue } from '../operation.ts';
import { filesOf, runWorkflow } from '../operations/testing/workflow.ts';
import { demoRatingsFile, evaluateAndRecommendDemo, trainAndScoreDemo } from './demos.ts';
import { inferWorkflow } from './knowledge.ts';
import { findNode } from './model.ts';

const sampleRatings = readFileSync(
  new URL('../../../public/data/sample_movielens_ratings.csv', import.meta.url),
  'utf8',
);

describe.each([
  ['Train and score', trainAndScoreDemo],
  ['Evaluate and recommend', evaluateAndRecommendDemo],
])('the %s demo', (_, demo) => {
  it('lays its nodes out without overlaps, every edge running left to right', () => {
    const { nodes, connections } = demo();
    for (const [i, a] of nodes.entries()) {
      for (const b of nodes.slice(i + 1)) {
        const apart =
          Math.abs(a.position.x - b.position.x) >= 200 ||
          Math.abs(a.position.y - b.position.y) >= 100;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    for (const { from, to } of connections) {
      const source = findNode(demo(), from.nodeId)!;
      const target = findNode(demo(), to.nodeId)!;
      expect(source.position.x, `${from.nodeId} → ${to.nodeId}`).toBeLessThan(target.position.x);
    }
  });
});

describe('the Evaluate and recommend demo', () => {
  it('has no problems before running once the ratings file is read', () => {
    const schema = {
      columns: ['user', 'item', 'rating', 'timestamp'].map((name) => ({
        name,
        type: 'integer' as const,
      })),
    };
    const knowledge = inferWorkflow(evaluateAndRecommendDemo(), (id) =>
      id === 'demo-read-ratings' ? [{ type: 'DataFrame', schema }] : undefined,
    );
    for (const [id, node] of knowledge) expect(node.errors, id).toEqual([]);
    expect(knowledge.get('demo-recommend')?.outputs[0]).toMatchObject({
      schema: {
        columns: [{ name: 'user' }, { name: 'item' }, { name: 'rank' }, { name: 'score' }],
      },
    });
  });

  it('runs on the sample ratings: a finite RMSE and ten recommendations per user', async () => {
    const workflow = evaluateAndRecommendDemo();
    const { executor, outcome, failures } = await runWorkflow(
      workflow,
      filesOf({ [demoRatingsFile]: sampleRatings }),
    );
    expect(failures).toEqual([]);
    expect(outcome.completed).toHaveLength(workflow.nodes.length);

    const rmse = executor.output('demo-evaluate', 0);
    expect(rmse).toMatchObject({ type: 'MetricValue', name: 'rmse' });
    if (rmse?.type !== 'MetricValue') throw new Error('Evaluate gave no metric');
    expect(Number.isFinite(rmse.value)).toBe(true);
    // Ratings run from 1 to 5; ALS on 1,200 of them predicts within about one star.
    expect(rmse.value).toBeLessThan(1.5);

    const { table } = executor.output('demo-recommend', 0) as DataFrameValue;
    const users = table.getChild('user')!.toArray() as Int32Array;
    const ranks = table.getChild('rank')!.toArray() as Int32Array;
    const perUser = new Map<number, number[]>();
    for (let row = 0; row < table.numRows; row++) {
      perUser.set(users[row], [...(perUser.get(users[row]) ?? []), ranks[row]]);
    }
    expect(perUser.size).toBe(30);
    for (const userRanks of perUser.values()) {
      expect(userRanks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });
});
