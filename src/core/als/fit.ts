import { throwIfAborted } from '../errors';
import { balancedRanges, type RowRangeSession } from '../parallel/runner';
import { sequentialRunner } from '../parallel/sequential';
import { type BuiltState, buildAlsState } from './engine/build';
import { alsTask } from './engine/kind';
import type { SideState } from './engine/state';
import { writeInitialFactor } from './init';
import { packedSize } from './kernels/packed';
import { mirrorStride } from './kernels/wasm/cg-kernel';
import { validateAlsParams } from './params';
import { restoreSnapshot } from './resume';
import { checkRatings, checkScale } from './training-data';
import type {
  AlsFitResult,
  AlsModel,
  AlsParams,
  FitHooks,
  Ratings,
  TrainingProgress,
  TrainingSnapshot,
} from './types';

/** Ranges per thread and half-step: enough that a thread finishing early finds more work. */
const RANGES_PER_THREAD = 16;

/**
 * Contiguous row ranges of about equal work, at least `blocks` of them (num user blocks /
 * num item blocks: the units of parallel work). A row costs its observations plus a few for
 * its solve.
 */
function solveRanges(rowStart: Int32Array, rank: number, blocks: number, threads: number) {
  const rows = rowStart.length - 1;
  const costs = new Float64Array(rows);
  for (let row = 0; row < rows; row++)
    costs[row] = rowStart[row + 1] - rowStart[row] + 4 + rank / 2;
  return balancedRanges(costs, Math.max(blocks, RANGES_PER_THREAD * threads));
}

/** One range per chunk of a side's Gram matrix. */
function gramRanges(side: SideState): Int32Array {
  const ranges = new Int32Array(2 * side.gramChunks);
  for (let chunk = 0; chunk < side.gramChunks; chunk++) {
    ranges[2 * chunk] = chunk;
    ranges[2 * chunk + 1] = chunk + 1;
  }
  return ranges;
}

/**
 * Prepares a side's factors for solving the other side: YᵀY (implicit feedback), chunk by
 * chunk in parallel and then summed in chunk order, so that the bits do not depend on the
 * threads; and for the Wasm CG kernel f32 copies of the factors and of YᵀY.
 */
async function prepareSource(built: BuiltState, session: RowRangeSession, which: 'user' | 'item') {
  const { state, views } = built;
  const side = state[which];
  if (!state.implicitPrefs && side.mirror === 0) return;
  const task = which === 'user' ? alsTask.prepareUsers : alsTask.prepareItems;
  await session.run(task, gramRanges(side));
  if (!state.implicitPrefs) return;

  const k = state.rank;
  const size = packedSize(k);
  const gram = views.f64.subarray(side.gram / 8, side.gram / 8 + size);
  gram.fill(0);
  for (let chunk = 0; chunk < side.gramChunks; chunk++) {
    const partial = side.gramPartials / 8 + chunk * size;
    for (let t = 0; t < size; t++) gram[t] += views.f64[partial + t];
  }
  if (side.gramFull === 0) return;

  const stride = mirrorStride(k);
  const full = views.f32.subarray(side.gramFull / 4, side.gramFull / 4 + stride * stride);
  for (let a = 0, t = 0; a < k; a++) {
    for (let b = a; b < k; b++, t++) {
      full[a * stride + b] = gram[t];
      full[b * stride + a] = gram[t];
    }
  }
}

/**
 * The loss after an iteration, from the losses the user half-step reported per user:
 *   explicit: mean squared error over the training ratings, Σ (r − x·y)² / ratings;
 *   implicit: the weighted squared error implicit ALS minimises, averaged over all
 *     users × items cells, Σ c·(p − x·y)² / (users·items), where a rating r gives
 *     c = 1 + alpha·|r| and p = 1 if r > 0 else 0, and an unrated cell c = 1, p = 0.
 * Neither includes the regularization term. A duplicated (user, item) rating counts as its
 * own observation, as in the normal equations.
 */
function trainingLoss(
  rowLoss: Float64Array,
  params: AlsParams,
  numRatings: number,
  numItems: number,
): number {
  let total = 0;
  for (let u = 0; u < rowLoss.length; u++) total += rowLoss[u];
  return params.implicitPrefs ? total / (rowLoss.length * numItems) : total / numRatings;
}

/**
 * Writes the seeded starting factors into the state, or the factors of the snapshot to
 * resume from; returns the iteration to continue after and the progress so far.
 */
function startingPoint(
  built: BuiltState,
  params: AlsParams,
  resumeFrom: TrainingSnapshot | undefined,
): { iteration: number; history: TrainingProgress[] } {
  const { userIds, itemIds } = built;
  const { rank, seed } = params;
  const userFactors = factorsOf(built, 'user');
  const itemFactors = factorsOf(built, 'item');
  for (let row = 0; row < userIds.length; row++) {
    writeInitialFactor(seed, 'user', userIds[row], rank, userFactors, row * rank);
  }
  for (let row = 0; row < itemIds.length; row++) {
    writeInitialFactor(seed, 'item', itemIds[row], rank, itemFactors, row * rank);
  }
  if (!resumeFrom) return { iteration: 0, history: [] };
  return restoreSnapshot(resumeFrom, params, userIds, itemIds, userFactors, itemFactors);
}

/** A side's factors as a view into the state. */
function factorsOf(built: BuiltState, side: 'user' | 'item'): Float64Array {
  const { state, views } = built;
  const start = state[side].factors / 8;
  return views.f64.subarray(start, start + state[side].rows * state.rank);
}

/** The model with its factors copied out of the (possibly shared) training state. */
function modelOf(built: BuiltState, rank: number): AlsModel {
  return {
    rank,
    userIds: built.userIds,
    userFactors: factorsOf(built, 'user').slice(),
    itemIds: built.itemIds,
    itemFactors: factorsOf(built, 'item').slice(),
  };
}

function snapshotOf(
  iteration: number,
  params: AlsParams,
  model: AlsModel,
  history: TrainingProgress[],
): TrainingSnapshot {
  return {
    iteration,
    params: { ...params },
    userFactors: model.userFactors.slice(),
    itemFactors: model.itemFactors.slice(),
    userIds: model.userIds.slice(),
    itemIds: model.itemIds.slice(),
    history: history.map((progress) => ({ ...progress })),
  };
}

/**
 * Trains an ALS model (Spark ML semantics, see shared/spec/ALS.md): each iteration solves all
 * item factors from the user factors, then all user factors from the new item factors.
 *
 * - Starting factors are unit-length standard-normal draws that depend only on
 *   (seed, side, id), so block counts never change the model; maxIter 0 returns them.
 * - Explicit feedback is ALS-WR (Zhou et al. 2008): A = Σ y yᵀ + λ·n·I, b = Σ r·y.
 * - Implicit feedback follows Hu, Koren & Volinsky (2008) as Spark does today.
 * - `params.solver` 'cg' replaces the exact solves by a few conjugate-gradient steps from the
 *   previous factors (kernels/cg.ts).
 * - The ratings, both factor matrices and all scratch live in one buffer (engine/state.ts);
 *   each half-step runs as ranges of rows on `hooks.runner`, a pool of workers sharing that
 *   buffer, or this thread. Every row is solved alone, so any runner gives the same bits.
 * - After each iteration `onProgress` gets the training loss (see `trainingLoss`); between
 *   half-steps training yields to `yieldToEvents` and stops with an AbortedError once
 *   `signal` is aborted; every `checkpointInterval` iterations `onCheckpoint` gets a copy of
 *   the factors, and `resumeFrom` continues from one with the same bits as an uninterrupted run.
 *
 * Throws a RecflowError for invalid parameters or ratings, or when a system is not positive
 * definite (regularization param 0 with fewer ratings than the rank).
 */
export async function fitAls(
  ratings: Ratings,
  params: AlsParams,
  hooks: FitHooks = {},
): Promise<AlsFitResult> {
  validateAlsParams(params);
  checkRatings(ratings);
  checkScale(ratings, params);
  throwIfAborted(hooks.signal);
  const startedAt = performance.now();

  const { rank, maxIter, checkpointInterval } = params;
  const runner = hooks.runner ?? sequentialRunner;
  const built = buildAlsState(ratings, params, {
    threads: runner.threads,
    shared: runner.sharedMemory,
    kernels: hooks.kernels ?? 'auto',
  });
  const { state, views } = built;
  const start = startingPoint(built, params, hooks.resumeFrom);
  const { history } = start;
  let iteration = start.iteration;
  const elapsedBefore = history.length > 0 ? history[history.length - 1].elapsedMs : 0;

  const byUser = views.i32.subarray(
    state.user.rowStart / 4,
    state.user.rowStart / 4 + state.user.rows + 1,
  );
  const byItem = views.i32.subarray(
    state.item.rowStart / 4,
    state.item.rowStart / 4 + state.item.rows + 1,
  );
  const userRanges = solveRanges(byUser, rank, params.numUserBlocks, runner.threads);
  const itemRanges = solveRanges(byItem, rank, params.numItemBlocks, runner.threads);
  const rowLoss = views.f64.subarray(
    state.user.rowLoss / 8,
    state.user.rowLoss / 8 + state.user.rows,
  );

  const pause = async () => {
    await hooks.yieldToEvents?.();
    throwIfAborted(hooks.signal);
  };

  const session = await runner.open('als', state);
  try {
    while (iteration < maxIter) {
      await pause();
      await prepareSource(built, session, 'user');
      await session.run(alsTask.solveItems, itemRanges);
      await pause();
      await prepareSource(built, session, 'item');
      await session.run(alsTask.solveUsers, userRanges);
      iteration++;

      const progress: TrainingProgress = {
        iteration,
        maxIter,
        elapsedMs: elapsedBefore + performance.now() - startedAt,
        trainingLoss: trainingLoss(rowLoss, params, ratings.users.length, state.item.rows),
      };
      history.push(progress);
      hooks.onProgress?.(progress);

      if (hooks.onCheckpoint && checkpointInterval >= 1 && iteration % checkpointInterval === 0) {
        hooks.onCheckpoint(snapshotOf(iteration, params, modelOf(built, rank), history));
      }
    }
  } finally {
    await session.close();
  }

  return { model: modelOf(built, rank), history };
}
