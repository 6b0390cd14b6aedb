import { describe, expect, it } from 'vitest';
import { fitAls } from './fit';
import { createHalfStepScratch, solveRowList, solveRows } from './half-step';
import { rowsByBlock } from './ids';
import { initialFactors } from './init';
import { explicitRatings, implicitRatings } from './testing/generators';
import { testParams } from './testing/params';
import { createHalfStepProblem, layoutRatings } from './training-data';
import type { AlsModel, AlsParams, Ratings } from './types';

/** Factor `id` of a model, looked up the slow way. */
function factorOf(ids: Int32Array, factors: Float64Array, rank: number, id: number) {
  const row = ids.indexOf(id);
  return Array.from(factors.subarray(row * rank, (row + 1) * rank));
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, j) => sum + value * b[j], 0);

/**
 * The objective ALS minimises, computed cell by cell with no shared code:
 *   explicit: Σ_ratings (r − x·y)² + λ(Σᵤ nᵤ|xᵤ|² + Σᵢ nᵢ|yᵢ|²)
 *   implicit: Σ_{all cells} c(p − x·y)² + λ(Σᵤ n⁺ᵤ|xᵤ|² + Σᵢ n⁺ᵢ|yᵢ|²)
 */
function objective(model: AlsModel, ratings: Ratings, params: AlsParams): number {
  const { rank } = model;
  const user = (id: number) => factorOf(model.userIds, model.userFactors, rank, id);
  const item = (id: number) => factorOf(model.itemIds, model.itemFactors, rank, id);
  const userCounts = new Map<number, number>();
  const itemCounts = new Map<number, number>();
  const observed = new Map<string, number>();
  let loss = 0;

  for (let s = 0; s < ratings.users.length; s++) {
    const [u, i, r] = [ratings.users[s], ratings.items[s], ratings.ratings[s]];
    if (!params.implicitPrefs || r > 0) {
      userCounts.set(u, (userCounts.get(u) ?? 0) + 1);
      itemCounts.set(i, (itemCounts.get(i) ?? 0) + 1);
    }
    if (!params.implicitPrefs) loss += (r - dot(user(u), item(i))) ** 2;
    else observed.set(`${u},${i}`, r);
  }

  if (params.implicitPrefs) {
    for (const u of model.userIds) {
      for (const i of model.itemIds) {
        const r = observed.get(`${u},${i}`) ?? 0;
        const confidence = 1 + params.alpha * Math.abs(r);
        loss += confidence * ((r > 0 ? 1 : 0) - dot(user(u), item(i))) ** 2;
      }
    }
  }

  for (const [u, n] of userCounts) loss += params.regParam * n * dot(user(u), user(u));
  for (const [i, n] of itemCounts) loss += params.regParam * n * dot(item(i), item(i));
  return loss;
}

describe('the ALS half-steps', () => {
  it.each([
    ['explicit', explicitRatings(10, 15, 2, 0.1, 3).training, {}],
    ['implicit', implicitRatings(10, 15, 2, 0.1, 4).training, { implicitPrefs: true }],
  ])(
    'never increase the regularised objective from one iteration to the next (%s)',
    async (_, ratings, extra) => {
      const params = testParams({ rank: 3, regParam: 0.1, alpha: 3, ...extra });
      const objectives: number[] = [];
      for (let maxIter = 1; maxIter <= 8; maxIter++) {
        const { model } = await fitAls(ratings, { ...params, maxIter });
        objectives.push(objective(model, ratings, params));
      }
      for (let t = 1; t < objectives.length; t++) {
        expect(objectives[t]).toBeLessThanOrEqual(objectives[t - 1] * (1 + 1e-12));
      }
    },
  );

  it('solves each user exactly: the gradient of its least-squares problem is zero', async () => {
    const ratings = explicitRatings(6, 9, 2, 0.1, 5).training;
    const params = testParams({ rank: 3, regParam: 0.2, maxIter: 3 });
    const { model } = await fitAls(ratings, params);

    for (const u of model.userIds) {
      const x = factorOf(model.userIds, model.userFactors, 3, u);
      // ∇ = Σ_ratings ((x·y − r)·y + λ·x) = Σ (x·y − r)·y + λ·n·x
      const gradient = x.map(() => 0);
      for (let s = 0; s < ratings.users.length; s++) {
        if (ratings.users[s] !== u) continue;
        const y = factorOf(model.itemIds, model.itemFactors, 3, ratings.items[s]);
        const error = dot(x, y) - ratings.ratings[s];
        y.forEach((ya, a) => {
          gradient[a] += error * ya + params.regParam * x[a];
        });
      }
      for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-10);
    }
  });

  it.each([false, true])(
    'give the same bits for any split into row ranges or blocks, in any order (implicit %s)',
    (implicitPrefs) => {
      const ratings = implicitRatings(12, 20, 3, 0.1, 6).training;
      const params = testParams({ rank: 3, regParam: 0.1, implicitPrefs });
      const layout = layoutRatings(ratings);
      const userFactors = initialFactors(layout.userIds, 3, 0, 'user');
      const problem = createHalfStepProblem(
        'item',
        layout.byItem,
        layout.itemIds,
        userFactors,
        params,
      );
      problem.sourceGram?.set([1, 0.5, 0.25, 2, 0.1, 3]);
      const numItems = layout.itemIds.length;

      const whole = new Float64Array(numItems * 3);
      solveRows(problem, whole, 0, numItems, createHalfStepScratch(3));

      const inRanges = new Float64Array(numItems * 3);
      const middle = numItems >> 1;
      solveRows(problem, inRanges, middle, numItems, createHalfStepScratch(3));
      solveRows(problem, inRanges, 0, middle, createHalfStepScratch(3));
      expect(inRanges).toEqual(whole);

      const inBlocks = new Float64Array(numItems * 3);
      for (const rows of rowsByBlock(layout.itemIds, 4).reverse()) {
        solveRowList(problem, inBlocks, rows, createHalfStepScratch(3));
      }
      expect(inBlocks).toEqual(whole);
    },
  );
});
