import { RecflowError } from '../errors';
import { writeInitialFactor } from './init';
import { validateAlsParams } from './params';
import { checkRatings } from './training-data';
import type { AlsModel, AlsParams, Ratings } from './types';

/**
 * A plain reference implementation of ALS, written the way a first attempt would be: ratings
 * grouped per entity in Maps of objects, factors as number arrays, full k×k matrices,
 * textbook Cholesky and Lawson–Hanson NNLS. It follows the same semantics and starting
 * factors as `fitAls`, so the two agree to rounding; tests hold the fast path against it and
 * benchmarks measure the fast path next to it.
 */

interface Observation {
  otherId: number;
  rating: number;
}

type Matrix = number[][];

function groupBy(keys: Int32Array, others: Int32Array, ratings: ArrayLike<number>) {
  const groups = new Map<number, Observation[]>();
  for (let i = 0; i < keys.length; i++) {
    const group = groups.get(keys[i]) ?? [];
    group.push({ otherId: others[i], rating: ratings[i] });
    groups.set(keys[i], group);
  }
  return groups;
}

function zeros(k: number): Matrix {
  return Array.from({ length: k }, () => new Array<number>(k).fill(0));
}

/** Solves A x = b by A = L Lᵀ; null when A is not positive definite. */
function choleskySolve(matrix: Matrix, rhs: number[]): number[] | null {
  const k = rhs.length;
  const lower = zeros(k);
  let largestDiagonal = 0;
  for (let i = 0; i < k; i++) largestDiagonal = Math.max(largestDiagonal, matrix[i][i]);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let m = 0; m < j; m++) sum -= lower[i][m] * lower[j][m];
      if (i === j) {
        if (!(sum > 1e-12 * largestDiagonal)) return null;
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let sum = rhs[i];
    for (let m = 0; m < i; m++) sum -= lower[i][m] * z[m];
    z[i] = sum / lower[i][i];
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let m = i + 1; m < k; m++) sum -= lower[m][i] * x[m];
    x[i] = sum / lower[i][i];
  }
  return x;
}

/** min ½xᵀAx − xᵀb, x ≥ 0, by Lawson–Hanson's active set on the normal equations. */
function nnlsSolve(matrix: Matrix, rhs: number[]): number[] {
  const k = rhs.length;
  let x = new Array<number>(k).fill(0);
  const passive = new Set<number>();
  const skipped = new Set<number>();
  const solveOnPassive = (): number[] | null => {
    const free = [...passive].sort((a, b) => a - b);
    const solved = choleskySolve(
      free.map((i) => free.map((j) => matrix[i][j])),
      free.map((i) => rhs[i]),
    );
    if (solved === null) return null;
    const full = new Array<number>(k).fill(0);
    free.forEach((i, n) => {
      full[i] = solved[n];
    });
    return full;
  };

  for (let solves = 0; solves < Math.max(400, 20 * k); solves++) {
    const w = rhs.map((b, i) => b - matrix[i].reduce((sum, a, j) => sum + a * x[j], 0));
    const size = rhs.map(
      (b, i) => Math.abs(b) + matrix[i].reduce((s, a, j) => s + Math.abs(a * x[j]), 0),
    );
    let entering = -1;
    let best = 1e-12 * Math.max(...size);
    for (let j = 0; j < k; j++) {
      if (!passive.has(j) && !skipped.has(j) && w[j] > best) {
        best = w[j];
        entering = j;
      }
    }
    if (entering < 0) break;

    passive.add(entering);
    let trial = solveOnPassive();
    if (trial === null || !(trial[entering] > 0)) {
      passive.delete(entering);
      skipped.add(entering);
      continue;
    }
    while (trial !== null && [...passive].some((j) => trial![j] <= 0)) {
      let alpha = 1;
      let blocking = -1;
      for (const j of passive) {
        if (trial[j] > 0) continue;
        const reach = x[j] > 0 ? x[j] / (x[j] - trial[j]) : 0;
        if (blocking < 0 || reach < alpha) {
          alpha = reach;
          blocking = j;
        }
      }
      for (const j of [...passive]) {
        x[j] += alpha * (trial[j] - x[j]);
        if (j === blocking || x[j] <= 0) {
          x[j] = 0;
          passive.delete(j);
        }
      }
      trial = solveOnPassive();
    }
    if (trial === null) break;
    x = trial;
    skipped.clear();
  }
  return x;
}

function solveSide(
  groups: Map<number, Observation[]>,
  ids: number[],
  source: Map<number, number[]>,
  side: 'user' | 'item',
  params: AlsParams,
): Map<number, number[]> {
  const k = params.rank;
  let gram: Matrix | null = null;
  if (params.implicitPrefs) {
    gram = zeros(k);
    for (const y of source.values()) {
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) gram[a][b] += y[a] * y[b];
    }
  }

  const solved = new Map<number, number[]>();
  for (const id of ids) {
    const matrix = gram ? gram.map((row) => [...row]) : zeros(k);
    const rhs = new Array<number>(k).fill(0);
    let count = 0;
    for (const { otherId, rating } of groups.get(id)!) {
      const y = source.get(otherId)!;
      let weight = 1;
      let target = rating;
      if (params.implicitPrefs) {
        weight = params.alpha * Math.abs(rating);
        target = rating > 0 ? 1 + weight : 0;
      }
      if (!params.implicitPrefs || rating > 0) count++;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) matrix[a][b] += weight * y[a] * y[b];
        rhs[a] += target * y[a];
      }
    }
    for (let a = 0; a < k; a++) matrix[a][a] += params.regParam * count;

    const x = params.nonnegative ? nnlsSolve(matrix, rhs) : choleskySolve(matrix, rhs);
    if (x === null) {
      throw new RecflowError(
        `the normal equations of ${side} ${id} are not positive definite; raise the ` +
          'regularization param (e.g. to 0.01) or lower the rank.',
      );
    }
    solved.set(id, x);
  }
  return solved;
}

function initialise(ids: number[], side: 'user' | 'item', params: AlsParams) {
  const factors = new Map<number, number[]>();
  const buffer = new Float64Array(params.rank);
  for (const id of ids) {
    writeInitialFactor(params.seed, side, id, params.rank, buffer, 0);
    factors.set(id, Array.from(buffer));
  }
  return factors;
}

function flatten(ids: number[], factors: Map<number, number[]>): Float64Array {
  return Float64Array.from(ids.flatMap((id) => factors.get(id)!));
}

/** Trains ALS the straightforward way; same parameters and result as `fitAls`, no hooks. */
export function fitAlsReference(ratings: Ratings, params: AlsParams): AlsModel {
  validateAlsParams(params);
  checkRatings(ratings);

  const byUser = groupBy(ratings.users, ratings.items, ratings.ratings);
  const byItem = groupBy(ratings.items, ratings.users, ratings.ratings);
  const userIds = [...byUser.keys()].sort((a, b) => a - b);
  const itemIds = [...byItem.keys()].sort((a, b) => a - b);

  let userFactors = initialise(userIds, 'user', params);
  let itemFactors = initialise(itemIds, 'item', params);
  for (let iteration = 0; iteration < params.maxIter; iteration++) {
    itemFactors = solveSide(byItem, itemIds, userFactors, 'item', params);
    userFactors = solveSide(byUser, userIds, itemFactors, 'user', params);
  }

  return {
    rank: params.rank,
    userIds: Int32Array.from(userIds),
    userFactors: flatten(userIds, userFactors),
    itemIds: Int32Array.from(itemIds),
    itemFactors: flatten(itemIds, itemFactors),
  };
}
