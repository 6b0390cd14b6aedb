import { describe, expect, it, vi } from 'vitest';
import { syntheticRatings } from '../../bench/synthetic';
import { ndcgAtK, precisionAtK } from '../../metrics/ranking';
import { fitAls } from '../fit';
import { explicitRatings, implicitRatings } from '../testing/generators';
import { testParams } from '../testing/params';
import type { AlsModel, AlsParams, Ratings } from '../types';

const largestDifference = (a: AlsModel, b: AlsModel) => {
  let largest = 0;
  for (const key of ['userFactors', 'itemFactors'] as const) {
    for (let i = 0; i < a[key].length; i++) {
      largest = Math.max(largest, Math.abs(a[key][i] - b[key][i]));
    }
  }
  return largest;
};

const bitsOf = (model: AlsModel) => [
  Array.from(new Uint32Array(model.userFactors.buffer)),
  Array.from(new Uint32Array(model.itemFactors.buffer)),
];

describe('the WebAssembly and the TypeScript kernels', () => {
  const explicit = explicitRatings(15, 25, 3, 0.1, 41).training;
  const implicit = implicitRatings(15, 25, 3, 0.1, 42).training;

  // The Wasm CG kernel computes in f32 (see wasm/cg-kernel.ts), the TypeScript one in f64.
  it.each([
    ['explicit', explicit, {}, 1e-9],
    ['explicit nonnegative', explicit, { nonnegative: true }, 1e-9],
    ['implicit', implicit, { implicitPrefs: true, alpha: 3 }, 1e-9],
    ['explicit cg', explicit, { solver: 'cg' as const, cgSteps: 2 }, 1e-5],
    ['implicit cg', implicit, { implicitPrefs: true, solver: 'cg' as const }, 1e-5],
    ['implicit cg rank 7', implicit, { implicitPrefs: true, solver: 'cg' as const, rank: 7 }, 1e-4],
  ])('train the same model (%s, to %f)', async (_, ratings, extra, tolerance) => {
    const params = testParams({ rank: 4, maxIter: 6, regParam: 0.05, ...extra });
    const wasm = await fitAls(ratings, params);
    const typescript = await fitAls(ratings, params, { kernels: 'typescript' });
    expect(largestDifference(wasm.model, typescript.model)).toBeLessThan(tolerance);
    wasm.history.forEach((entry, i) => {
      const expected = typescript.history[i].trainingLoss;
      expect(Math.abs(entry.trainingLoss - expected)).toBeLessThan(
        tolerance * Math.max(1, expected),
      );
    });
  });
});

describe('ratings stored as 32-bit floats', () => {
  it('train the same bits as the same values in 64-bit floats', async () => {
    const ratings = syntheticRatings({ users: 60, items: 40, ratings: 900 }, 3);
    const wide: Ratings = { ...ratings, ratings: Float64Array.from(ratings.ratings) };
    for (const extra of [
      {},
      { implicitPrefs: true },
      { implicitPrefs: true, solver: 'cg' as const },
    ]) {
      const params = testParams({ rank: 5, maxIter: 3, ...extra });
      const narrow = await fitAls(ratings, params);
      const widened = await fitAls(wide, params);
      expect(bitsOf(narrow.model)).toEqual(bitsOf(widened.model));
    }
  });
});

describe('the conjugate-gradient solver', () => {
  it('reaches the exact solve when given as many steps as the rank', async () => {
    const ratings = implicitRatings(15, 25, 3, 0.1, 43).training;
    const params = testParams({ rank: 5, maxIter: 6, implicitPrefs: true, alpha: 2 });
    const exact = await fitAls(ratings, params);
    const cg = await fitAls(ratings, { ...params, solver: 'cg', cgSteps: 30 });
    // to the f32 rounding of the Wasm CG kernel
    expect(largestDifference(exact.model, cg.model)).toBeLessThan(1e-5);
    expect(cg.history.at(-1)!.trainingLoss).toBeCloseTo(exact.history.at(-1)!.trainingLoss, 5);
  });

  it.each([
    [
      { solver: 'cg' as const, cgSteps: 0 },
      'cg steps must be a whole number from 1 to 50, but is 0',
    ],
    [{ solver: 'cg' as const, cgSteps: 2.5 }, 'cg steps must be a whole number from 1 to 50'],
    [{ solver: 'cg' as const, nonnegative: true }, 'solver cg cannot keep factors non-negative'],
    [{ solver: 'lu' as unknown as 'cg' }, 'solver must be cholesky or cg, but is lu'],
  ])('rejects %o', async (extra, message) => {
    const ratings = explicitRatings(4, 4, 1, 0).training;
    await expect(fitAls(ratings, testParams({ rank: 1, ...extra }))).rejects.toThrow(message);
  });

  /**
   * Ranking quality on held-out positives: train on 80% of each user's ratings as implicit
   * feedback, recommend the 10 best unseen items, and score them against the other 20%.
   */
  function rankingQuality(model: AlsModel, training: Ratings, heldOut: Ratings) {
    const k = model.rank;
    const itemRow = new Map(Array.from(model.itemIds, (id, row) => [id, row]));
    const seen = new Map<number, Set<number>>();
    const relevant = new Map<number, Set<number>>();
    const add = (map: Map<number, Set<number>>, user: number, item: number) => {
      if (!map.has(user)) map.set(user, new Set());
      map.get(user)!.add(item);
    };
    for (const [i, user] of training.users.entries()) add(seen, user, training.items[i]);
    for (const [i, user] of heldOut.users.entries()) add(relevant, user, heldOut.items[i]);

    let precision = 0;
    let ndcg = 0;
    for (const [u, user] of model.userIds.entries()) {
      const wanted = relevant.get(user);
      if (wanted === undefined) continue;
      const scored: [number, number][] = [];
      for (const [i, item] of model.itemIds.entries()) {
        if (seen.get(user)?.has(item)) continue;
        let score = 0;
        for (let a = 0; a < k; a++)
          score += model.userFactors[u * k + a] * model.itemFactors[i * k + a];
        scored.push([score, item]);
      }
      scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const hits = scored.slice(0, 10).map(([, item]) => (wanted.has(item) ? 1 : 0));
      precision += precisionAtK(hits, 10);
      ndcg += ndcgAtK(hits, wanted.size, 10);
      expect(itemRow.size).toBe(model.itemIds.length);
    }
    return { precision: precision / relevant.size, ndcg: ndcg / relevant.size };
  }

  it('ranks held-out positives within 1% of the exact solve (precision, nDCG at 10)', async () => {
    const all = syntheticRatings({ users: 500, items: 300, ratings: 25_000 }, 7);
    const isHeldOut = (i: number) => (i * 2654435761) % 5 === 0;
    const pick = (keep: (i: number) => boolean): Ratings => {
      const rows = Array.from(all.users.keys()).filter(keep);
      return {
        users: Int32Array.from(rows, (i) => all.users[i]),
        items: Int32Array.from(rows, (i) => all.items[i]),
        ratings: Float32Array.from(rows, (i) => all.ratings[i]),
      };
    };
    const training = pick((i) => !isHeldOut(i));
    const heldOut = pick(isHeldOut);
    const params: AlsParams = testParams({
      rank: 10,
      maxIter: 10,
      implicitPrefs: true,
      regParam: 0.1,
    });

    const exact = rankingQuality((await fitAls(training, params)).model, training, heldOut);
    const cg = rankingQuality(
      (await fitAls(training, { ...params, solver: 'cg', cgSteps: 3 })).model,
      training,
      heldOut,
    );
    expect(exact.precision).toBeGreaterThan(0.05);
    expect(cg.precision).toBeGreaterThanOrEqual(0.99 * exact.precision);
    expect(cg.ndcg).toBeGreaterThanOrEqual(0.99 * exact.ndcg);
  });
});

describe('memory for training', () => {
  it('that cannot be had is reported with its size and what to do', async () => {
    const spy = vi.spyOn(WebAssembly, 'Memory').mockImplementation(function refuse() {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    });
    try {
      const ratings = explicitRatings(15, 25, 3, 0.1, 41).training;
      const failure = fitAls(ratings, testParams({ rank: 3 }));
      await expect(failure).rejects.toThrow(
        'training needs 1 MiB of memory, which could not be had (WebAssembly.Memory(): could ' +
          'not allocate memory); close other tabs, or train on fewer ratings or a lower rank.',
      );
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
