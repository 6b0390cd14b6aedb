import { RecflowError } from '../errors';
import { groupRatings, type RatingRows, transposeRows } from './csr';
import type { HalfStepProblem } from './half-step';
import { indexIds } from './ids';
import type { AlsParams, Ratings } from './types';

/** Ratings indexed once for training: dense positions and both CSR layouts. */
export interface TrainingLayout {
  /** Sorted distinct ids; factor row r belongs to userIds[r] / itemIds[r]. */
  userIds: Int32Array;
  itemIds: Int32Array;
  /** Rows are users, columns item positions: what a user half-step reads. */
  byUser: RatingRows;
  /** Rows are items, columns user positions: what an item half-step reads. */
  byItem: RatingRows;
}

/**
 * Checks what the type system cannot: matching lengths, at least one rating, finite
 * ratings. Ratings read by `ratingsFromTable` pass by construction.
 */
export function checkRatings(ratings: Ratings): void {
  const { users, items } = ratings;
  const values = ratings.ratings;
  if (users.length !== items.length || users.length !== values.length) {
    throw new RecflowError(
      `the ratings have ${users.length} user ids, ${items.length} item ids and ` +
        `${values.length} ratings; each rating needs exactly one user and one item.`,
    );
  }
  if (users.length === 0) {
    throw new RecflowError(
      'no ratings to train on; connect a DataFrame with at least one rating row.',
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RecflowError(
        `the rating in row ${i + 1} is ${values[i]}; ratings must be finite numbers.`,
        { row: i + 1 },
      );
    }
  }
}

/**
 * How large the confidence and regularization terms of one row's normal equations may grow.
 * Well below the square root of the largest double (1.3e154): the conjugate-gradient solver
 * squares residuals of that size, and every solver sums many such terms.
 */
const MAX_TERM = 1e150;

/**
 * Checks that alpha and the regularization param, scaled by the ratings, keep the normal
 * equations within 64-bit floats. Beyond that training would fail with a misleading
 * message or produce NaN factors. The number of ratings bounds the ratings of any one row.
 */
export function checkScale(ratings: Ratings, params: AlsParams): void {
  const count = ratings.ratings.length;
  const ratingsWord = count === 1 ? 'rating' : 'ratings';
  const tooLarge = (name: string, value: number, scale: number, scaleText: string) => {
    if (value * scale < MAX_TERM) return;
    const most = Number((MAX_TERM / scale).toPrecision(2));
    throw new RecflowError(
      `${name} ${value} is too large for these ratings: ${name} × ${scaleText} must stay ` +
        `below ${MAX_TERM}, or the normal equations overflow 64-bit floats; set ${name} to ` +
        `at most ${most}.`,
    );
  };
  tooLarge('regularization param', params.regParam, count, `${count} ${ratingsWord}`);
  if (!params.implicitPrefs) return;
  let largest = 0;
  for (const rating of ratings.ratings) largest = Math.max(largest, Math.abs(rating));
  tooLarge(
    'alpha',
    params.alpha,
    largest * count,
    `the largest |rating| (${largest}) × ${count} ${ratingsWord}`,
  );
}

/**
 * Indexes the ids and groups the ratings by user and by item with counting sorts. Grouping
 * by user, then transposing twice, leaves every row's observations sorted by the other side's
 * position (duplicates keep their input order), so each half-step reads factors in order.
 */
export function layoutRatings(ratings: Ratings): TrainingLayout {
  const users = indexIds(ratings.users);
  const items = indexIds(ratings.items);
  const numUsers = users.ids.length;
  const inInputOrder = groupRatings(users.positions, items.positions, ratings.ratings, numUsers);
  const byItem = transposeRows(inInputOrder, items.ids.length);
  return {
    userIds: users.ids,
    itemIds: items.ids,
    byUser: transposeRows(byItem, numUsers),
    byItem,
  };
}

/**
 * The per-row and per-observation constants of the normal equations, fixed for the whole
 * training:
 *   explicit: c = 1, β = r, n = number of ratings
 *   implicit: c = alpha·|r|, β = 1 + c if r > 0 else 0, n = number of ratings > 0
 * (Hu, Koren & Volinsky 2008 with Spark's extension to r ≤ 0: confidence 1 + alpha·|r|,
 * preference 1 only for r > 0, so a negative rating is a confident dislike.)
 */
function observationConstants(rows: RatingRows, params: AlsParams) {
  const numRows = rows.rowStart.length - 1;
  const counts = new Int32Array(numRows);
  // Σ c·p² per row, for the loss: explicit Σ r², implicit Σ_{r>0} (1 + c1)
  const targetEnergy = new Float64Array(numRows);
  if (!params.implicitPrefs) {
    for (let r = 0; r < numRows; r++) {
      counts[r] = rows.rowStart[r + 1] - rows.rowStart[r];
      for (let s = rows.rowStart[r]; s < rows.rowStart[r + 1]; s++) {
        targetEnergy[r] += rows.ratings[s] * rows.ratings[s];
      }
    }
    return { weights: null, targets: rows.ratings, counts, targetEnergy };
  }

  const weights = new Float64Array(rows.ratings.length);
  const targets = new Float64Array(rows.ratings.length);
  for (let r = 0; r < numRows; r++) {
    for (let s = rows.rowStart[r]; s < rows.rowStart[r + 1]; s++) {
      const rating = rows.ratings[s];
      const c1 = params.alpha * Math.abs(rating);
      weights[s] = c1;
      if (rating > 0) {
        targets[s] = 1 + c1;
        targetEnergy[r] += 1 + c1;
        counts[r]++;
      }
    }
  }
  return { weights, targets, counts, targetEnergy };
}

/**
 * The half-step that solves `side` from the other side's `sourceFactors`. For implicit
 * feedback it gets a Gram buffer that the caller fills with YᵀY before each run. With
 * `reportLoss`, every solve also reports its row's loss (see half-step.ts).
 */
export function createHalfStepProblem(
  side: 'user' | 'item',
  rows: RatingRows,
  rowIds: Int32Array,
  sourceFactors: Float64Array,
  params: AlsParams,
  options: { reportLoss?: boolean } = {},
): HalfStepProblem {
  const { weights, targets, counts, targetEnergy } = observationConstants(rows, params);
  const rank = params.rank;
  return {
    rank,
    side,
    rowIds,
    rowStart: rows.rowStart,
    columns: rows.columns,
    weights,
    targets,
    regularizationCounts: counts,
    regParam: params.regParam,
    nonnegative: params.nonnegative,
    sourceFactors,
    sourceGram: params.implicitPrefs ? new Float64Array((rank * (rank + 1)) / 2) : null,
    loss: options.reportLoss ? { targetEnergy, rowLoss: new Float64Array(counts.length) } : null,
  };
}
