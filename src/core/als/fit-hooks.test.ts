import { describe, expect, it } from 'vitest';
import { AbortedError, RecflowError } from '../errors';
import { fitAls } from './fit';
import { explicitRatings, implicitRatings } from './testing/generators';
import { testParams } from './testing/params';
import type { TrainingProgress, TrainingSnapshot } from './types';

const explicit = explicitRatings(10, 20, 2, 0.05, 31).training;
const implicit = implicitRatings(10, 20, 2, 0.05, 32).training;

describe('fitAls progress', () => {
  it('reports every iteration with its number, max iterations, elapsed time and loss', async () => {
    const reports: TrainingProgress[] = [];
    const params = testParams({ rank: 2, maxIter: 5, regParam: 0.05 });
    const { history } = await fitAls(explicit, params, { onProgress: (p) => reports.push(p) });

    expect(reports).toEqual(history);
    expect(reports.map((p) => [p.iteration, p.maxIter])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].elapsedMs).toBeGreaterThanOrEqual(reports[i - 1].elapsedMs);
    }
    expect(reports.every((p) => p.trainingLoss >= 0 && Number.isFinite(p.trainingLoss))).toBe(true);
  });

  it('reports the explicit loss as the mean squared error of the training ratings', async () => {
    const ratings = {
      users: Int32Array.from([1, 1, 2]),
      items: Int32Array.from([1, 2, 1]),
      ratings: Float64Array.from([4, 2, 3]),
    };
    const { model, history } = await fitAls(ratings, testParams({ rank: 1, maxIter: 2 }));
    const [x1, x2] = model.userFactors;
    const [y1, y2] = model.itemFactors;
    const mse = ((4 - x1 * y1) ** 2 + (2 - x1 * y2) ** 2 + (3 - x2 * y1) ** 2) / 3;
    expect(history[1].trainingLoss).toBeCloseTo(mse, 12);
  });

  it('reports the exact loss for nonnegative factors too (complementary slackness)', async () => {
    const ratings = {
      users: Int32Array.from([1, 1, 2, 2]),
      items: Int32Array.from([1, 2, 1, 2]),
      ratings: Float64Array.from([4, -2, -3, 1]),
    };
    const params = testParams({ rank: 2, maxIter: 3, nonnegative: true, regParam: 0.3 });
    const { model, history } = await fitAls(ratings, params);
    const score = (u: number, i: number) =>
      model.userFactors[2 * u] * model.itemFactors[2 * i] +
      model.userFactors[2 * u + 1] * model.itemFactors[2 * i + 1];
    const mse =
      ((4 - score(0, 0)) ** 2 +
        (-2 - score(0, 1)) ** 2 +
        (-3 - score(1, 0)) ** 2 +
        (1 - score(1, 1)) ** 2) /
      4;
    expect(model.userFactors.some((x) => x === 0)).toBe(true);
    expect(history[2].trainingLoss).toBeCloseTo(mse, 10);
  });

  it('reports the implicit loss as the weighted error over all user × item cells', async () => {
    const ratings = {
      users: Int32Array.from([1, 1, 2]),
      items: Int32Array.from([1, 2, 1]),
      ratings: Float64Array.from([2, -1, 0]),
    };
    const alpha = 0.5;
    const params = testParams({ rank: 1, maxIter: 1, implicitPrefs: true, alpha });
    const { model, history } = await fitAls(ratings, params);
    const [x1, x2] = model.userFactors;
    const [y1, y2] = model.itemFactors;
    // cells (1,1) r=2 · (1,2) r=−1 · (2,1) r=0 · (2,2) unrated: c = 1 + alpha·|r|, p = [r > 0]
    const loss =
      (2 * (1 - x1 * y1) ** 2 + 1.5 * (x1 * y2) ** 2 + (x2 * y1) ** 2 + (x2 * y2) ** 2) / 4;
    expect(history[0].trainingLoss).toBeCloseTo(loss, 12);
  });
});

describe('fitAls cancellation', () => {
  it('stops before the next half-step when aborted from onProgress', async () => {
    const controller = new AbortController();
    let halfSteps = 0;
    const run = fitAls(explicit, testParams({ rank: 2, maxIter: 10 }), {
      signal: controller.signal,
      yieldToEvents: async () => {
        halfSteps++;
      },
      onProgress: (progress) => {
        if (progress.iteration === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AbortedError);
    // two full iterations ran; the fifth yield saw the abort before its half-step started
    expect(halfSteps).toBe(5);
  });

  it('stops between the item and the user half-step when aborted while yielding', async () => {
    const controller = new AbortController();
    const reports: TrainingProgress[] = [];
    let yields = 0;
    const run = fitAls(implicit, testParams({ rank: 2, maxIter: 10, implicitPrefs: true }), {
      signal: controller.signal,
      onProgress: (progress) => reports.push(progress),
      yieldToEvents: async () => {
        yields++;
        if (yields === 4) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(AbortedError);
    // half-steps 1–3 ran (iteration 1, then the items of iteration 2); the 4th never started
    expect(yields).toBe(4);
    expect(reports.map((p) => p.iteration)).toEqual([1]);
  });

  it('does not start when the signal is already aborted', async () => {
    let yields = 0;
    const run = fitAls(explicit, testParams(), {
      signal: AbortSignal.abort(),
      yieldToEvents: async () => {
        yields++;
      },
    });
    await expect(run).rejects.toThrow(AbortedError);
    expect(yields).toBe(0);
  });
});

describe('fitAls checkpoints', () => {
  it('hands out a copy of the state every checkpoint interval iterations', async () => {
    const snapshots: TrainingSnapshot[] = [];
    const params = testParams({ rank: 2, maxIter: 7, checkpointInterval: 3 });
    const { model } = await fitAls(explicit, params, { onCheckpoint: (s) => snapshots.push(s) });

    expect(snapshots.map((s) => s.iteration)).toEqual([3, 6]);
    expect(snapshots[1].history?.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snapshots[1].userFactors).not.toBe(model.userFactors);
    expect(snapshots[1].userFactors).not.toEqual(model.userFactors);
    expect(snapshots[1].userIds).toEqual(model.userIds);
  });

  it('takes no checkpoints with checkpoint interval -1', async () => {
    const snapshots: TrainingSnapshot[] = [];
    const params = testParams({ rank: 2, maxIter: 4, checkpointInterval: -1 });
    await fitAls(explicit, params, { onCheckpoint: (s) => snapshots.push(s) });
    expect(snapshots).toEqual([]);
  });

  it.each([
    ['explicit', explicit, {}],
    ['implicit nonnegative', implicit, { implicitPrefs: true, nonnegative: true }],
  ])(
    'resumes from a checkpoint to the same bits as an uninterrupted run (%s)',
    async (_, ratings, extra) => {
      const params = testParams({ rank: 3, maxIter: 9, checkpointInterval: 4, ...extra });
      const uninterrupted = await fitAls(ratings, params);

      // interrupted after the first checkpoint, then resumed with other block counts
      const controller = new AbortController();
      let saved: TrainingSnapshot | undefined;
      const interrupted = fitAls(ratings, params, {
        signal: controller.signal,
        onCheckpoint: (snapshot) => {
          saved = snapshot;
          controller.abort();
        },
      });
      await expect(interrupted).rejects.toThrow(AbortedError);
      expect(saved?.iteration).toBe(4);

      const blocks = { numUserBlocks: 5, numItemBlocks: 1 };
      const resumed = await fitAls(ratings, { ...params, ...blocks }, { resumeFrom: saved });
      expect(resumed.model).toEqual(uninterrupted.model);
      expect(resumed.history.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(resumed.history.map((p) => p.trainingLoss)).toEqual(
        uninterrupted.history.map((p) => p.trainingLoss),
      );
    },
  );

  it('refuses a checkpoint saved with other parameters or for other data', async () => {
    const params = testParams({ rank: 2, maxIter: 4, checkpointInterval: 2 });
    let saved: TrainingSnapshot | undefined;
    await fitAls(explicit, params, {
      onCheckpoint: (snapshot) => {
        saved ??= snapshot;
      },
    });
    const resumeFrom = saved!;

    await expect(fitAls(explicit, { ...params, rank: 3 }, { resumeFrom })).rejects.toThrow(
      'the checkpoint was saved with rank 2 but training now uses 3; resume with the parameters ' +
        'it was saved with, or train from the start.',
    );
    await expect(fitAls(explicit, { ...params, maxIter: 1 }, { resumeFrom })).rejects.toThrow(
      'the checkpoint is after iteration 2 but max iterations is 1; ' +
        'set max iterations to at least 2.',
    );
    await expect(fitAls(implicit, params, { resumeFrom })).rejects.toThrow(RecflowError);
  });
});
