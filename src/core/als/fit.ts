import { throwIfAborted } from '../errors';
import {
  createHalfStepScratch,
  type HalfStepProblem,
  type HalfStepScratch,
  solveRowList,
} from './half-step';
import { rowsByBlock } from './ids';
import { initialFactors } from './init';
import { gramMatrix } from './kernels/normal-equations';
import { validateAlsParams } from './params';
import { restoreSnapshot } from './resume';
import { checkRatings, createHalfStepProblem, layoutRatings } from './training-data';
import type {
  AlsFitResult,
  AlsModel,
  AlsParams,
  FitHooks,
  Ratings,
  TrainingProgress,
  TrainingSnapshot,
} from './types';

/**
 * Runs one half-step block by block, one after the other. Rows are independent, so a worker
 * pool can take the blocks instead without changing a bit. For implicit feedback every row's
 * A starts from YᵀY of the current source factors, recomputed here each time (as Spark does).
 */
function runHalfStep(
  problem: HalfStepProblem,
  factorsOut: Float64Array,
  blocks: Int32Array[],
  scratch: HalfStepScratch,
): void {
  if (problem.sourceGram !== null) {
    const sourceRows = problem.sourceFactors.length / problem.rank;
    gramMatrix(problem.sourceFactors, sourceRows, problem.rank, problem.sourceGram);
  }
  for (const rows of blocks) solveRowList(problem, factorsOut, rows, scratch);
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
  solveUsers: HalfStepProblem,
  params: AlsParams,
  numRatings: number,
  numItems: number,
): number {
  const rowLoss = solveUsers.loss!.rowLoss;
  let total = 0;
  for (let u = 0; u < rowLoss.length; u++) total += rowLoss[u];
  return params.implicitPrefs ? total / (rowLoss.length * numItems) : total / numRatings;
}

/** The seeded starting factors, or the state of the snapshot to resume from. */
function startingPoint(
  userIds: Int32Array,
  itemIds: Int32Array,
  params: AlsParams,
  resumeFrom: TrainingSnapshot | undefined,
): {
  userFactors: Float64Array;
  itemFactors: Float64Array;
  iteration: number;
  history: TrainingProgress[];
} {
  const userFactors = initialFactors(userIds, params.rank, params.seed, 'user');
  const itemFactors = initialFactors(itemIds, params.rank, params.seed, 'item');
  if (!resumeFrom) return { userFactors, itemFactors, iteration: 0, history: [] };

  const resumed = restoreSnapshot(resumeFrom, params, userIds, itemIds, userFactors, itemFactors);
  return { userFactors, itemFactors, ...resumed };
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
  throwIfAborted(hooks.signal);
  const startedAt = performance.now();

  const { rank, maxIter, checkpointInterval } = params;
  const layout = layoutRatings(ratings);
  const { userIds, itemIds } = layout;
  const start = startingPoint(userIds, itemIds, params, hooks.resumeFrom);
  const { userFactors, itemFactors, history } = start;
  let iteration = start.iteration;
  const elapsedBefore = history.length > 0 ? history[history.length - 1].elapsedMs : 0;

  const solveItems = createHalfStepProblem('item', layout.byItem, itemIds, userFactors, params);
  const solveUsers = createHalfStepProblem('user', layout.byUser, userIds, itemFactors, params, {
    reportLoss: true,
  });
  const itemBlocks = rowsByBlock(itemIds, params.numItemBlocks);
  const userBlocks = rowsByBlock(userIds, params.numUserBlocks);
  const scratch = createHalfStepScratch(rank);
  const model: AlsModel = { rank, userIds, userFactors, itemIds, itemFactors };

  const pause = async () => {
    await hooks.yieldToEvents?.();
    throwIfAborted(hooks.signal);
  };

  while (iteration < maxIter) {
    await pause();
    runHalfStep(solveItems, itemFactors, itemBlocks, scratch);
    await pause();
    runHalfStep(solveUsers, userFactors, userBlocks, scratch);
    iteration++;

    const progress: TrainingProgress = {
      iteration,
      maxIter,
      elapsedMs: elapsedBefore + performance.now() - startedAt,
      trainingLoss: trainingLoss(solveUsers, params, ratings.users.length, itemIds.length),
    };
    history.push(progress);
    hooks.onProgress?.(progress);

    if (hooks.onCheckpoint && checkpointInterval >= 1 && iteration % checkpointInterval === 0) {
      hooks.onCheckpoint(snapshotOf(iteration, params, model, history));
    }
  }

  return { model, history };
}
