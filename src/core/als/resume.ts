import { RecflowError } from '../errors';
import type { AlsParams, TrainingProgress, TrainingSnapshot } from './types';

/** The parameters that shape the factors; the others (blocks, checkpoints) never do. */
const RESULT_PARAMS: ReadonlyArray<[keyof AlsParams, string]> = [
  ['rank', 'rank'],
  ['regParam', 'regularization param'],
  ['alpha', 'alpha'],
  ['implicitPrefs', 'implicit prefs'],
  ['nonnegative', 'nonnegative'],
  ['seed', 'seed'],
];

const START_OVER = 'resume with the parameters it was saved with, or train from the start';

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkFactors(
  saved: Float64Array,
  savedIds: Int32Array | undefined,
  ids: Int32Array,
  side: 'user' | 'item',
  rank: number,
): void {
  const idsDiffer = savedIds !== undefined && !sameIds(savedIds, ids);
  if (idsDiffer || saved.length !== ids.length * rank) {
    throw new RecflowError(
      `the checkpoint was saved for other ratings (its ${side}s differ from the ${ids.length} ` +
        `${side}s of this data); train from the start.`,
    );
  }
}

/**
 * Copies a snapshot's factors into the training buffers after checking that it belongs to
 * the same data and parameters. Returns the iteration to continue after and the progress
 * so far. Continuing gives the same bits as never stopping: an iteration depends only on
 * the factors it starts from.
 */
export function restoreSnapshot(
  snapshot: TrainingSnapshot,
  params: AlsParams,
  userIds: Int32Array,
  itemIds: Int32Array,
  userFactors: Float64Array,
  itemFactors: Float64Array,
): { iteration: number; history: TrainingProgress[] } {
  for (const [key, docsName] of RESULT_PARAMS) {
    if (snapshot.params[key] !== params[key]) {
      throw new RecflowError(
        `the checkpoint was saved with ${docsName} ${snapshot.params[key]} but training now ` +
          `uses ${params[key]}; ${START_OVER}.`,
      );
    }
  }
  const solverOf = (of: AlsParams) =>
    (of.solver ?? 'cholesky') === 'cg' ? `cg with ${of.cgSteps ?? 3} steps` : 'cholesky';
  if (solverOf(snapshot.params) !== solverOf(params)) {
    throw new RecflowError(
      `the checkpoint was saved with solver ${solverOf(snapshot.params)} but training now ` +
        `uses ${solverOf(params)}; ${START_OVER}.`,
    );
  }

  const { iteration } = snapshot;
  if (!Number.isSafeInteger(iteration) || iteration < 0 || iteration > params.maxIter) {
    throw new RecflowError(
      `the checkpoint is after iteration ${iteration} but max iterations is ${params.maxIter}; ` +
        `set max iterations to at least ${iteration}.`,
    );
  }

  checkFactors(snapshot.userFactors, snapshot.userIds, userIds, 'user', params.rank);
  checkFactors(snapshot.itemFactors, snapshot.itemIds, itemIds, 'item', params.rank);
  userFactors.set(snapshot.userFactors);
  itemFactors.set(snapshot.itemFactors);
  return { iteration, history: snapshot.history ? [...snapshot.history] : [] };
}
