import { afterAll, describe, expect, it } from 'vitest';
import { fitAls } from '../../core/als/fit.ts';
import type { AlsModel, AlsParams, FitHooks } from '../../core/als/types.ts';
import { sparkAlsDefaults } from '../../core/als/types.ts';
import { syntheticRatings } from '../../core/bench/synthetic.ts';
import { AbortedError } from '../../core/errors.ts';
import { startThreadPool } from './threadPool.ts';

const pool = startThreadPool(2);
const single = startThreadPool(1);
afterAll(() => {
  pool.terminate();
  single.terminate();
});

const ratings = syntheticRatings({ users: 300, items: 200, ratings: 6000 }, 11);
const params = (extra: Partial<AlsParams>): AlsParams => ({
  ...sparkAlsDefaults,
  rank: 6,
  maxIter: 4,
  seed: 5,
  ...extra,
});

/** The factors' bit patterns, so that equality means bit-identical. */
const bitsOf = (model: AlsModel) => [
  Buffer.from(model.userFactors.buffer).toString('base64'),
  Buffer.from(model.itemFactors.buffer).toString('base64'),
];

describe('training on a worker_threads pool', () => {
  it.each([
    ['explicit', {}],
    ['explicit nonnegative', { nonnegative: true }],
    ['implicit', { implicitPrefs: true, alpha: 2 }],
    ['implicit cg', { implicitPrefs: true, solver: 'cg' as const }],
    ['rank 1 (TypeScript kernels)', { rank: 1, implicitPrefs: true }],
    ['rank 11, many blocks', { rank: 11, numUserBlocks: 37, numItemBlocks: 23 }],
  ])('gives the bits of a one-thread run (%s)', async (_, extra) => {
    const sequential = await fitAls(ratings, params(extra));
    const parallel = await fitAls(ratings, params(extra), { runner: pool });
    const oneThread = await fitAls(ratings, params(extra), { runner: single });
    expect(bitsOf(parallel.model)).toEqual(bitsOf(sequential.model));
    expect(bitsOf(oneThread.model)).toEqual(bitsOf(sequential.model));
    expect(parallel.history.map((p) => p.trainingLoss)).toEqual(
      sequential.history.map((p) => p.trainingLoss),
    );
  });

  it('gives the bits of a one-thread run with the TypeScript kernels too', async () => {
    const hooks: FitHooks = { kernels: 'typescript' };
    const sequential = await fitAls(ratings, params({ implicitPrefs: true }), hooks);
    const parallel = await fitAls(ratings, params({ implicitPrefs: true }), {
      ...hooks,
      runner: pool,
    });
    expect(bitsOf(parallel.model)).toEqual(bitsOf(sequential.model));
  });

  it('fails with the same message as one thread when a system is not positive definite', async () => {
    const few = {
      users: Int32Array.from([1, 2, 3, 3]),
      items: Int32Array.from([1, 1, 1, 2]),
      ratings: Float64Array.from([3, 4, 5, 1]),
    };
    const singular = params({ rank: 3, regParam: 0 });
    const message = await fitAls(few, singular).catch((error: Error) => error.message);
    expect(message).toMatch(/not positive definite/);
    await expect(fitAls(few, singular, { runner: pool })).rejects.toThrow(message as string);
  });

  it('stops between half-steps when aborted and stays usable', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = fitAls(ratings, params({ maxIter: 50 }), {
      runner: pool,
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.iteration);
        if (progress.iteration === 2) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(AbortedError);
    expect(seen).toEqual([1, 2]);

    const after = await fitAls(ratings, params({}), { runner: pool });
    expect(bitsOf(after.model)).toEqual(bitsOf((await fitAls(ratings, params({}))).model));
  });
});
