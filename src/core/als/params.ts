import { RecflowError } from '../errors';
import type { AlsParams } from './types';

function isWholeNumber(value: number): boolean {
  return Number.isSafeInteger(value);
}

function requireWhole(value: number, docsName: string, minimum: number): void {
  if (isWholeNumber(value) && value >= minimum) return;
  throw new RecflowError(
    `${docsName} must be a whole number of at least ${minimum}, but is ${value}; ` +
      `set it to ${minimum} or more.`,
  );
}

function requireNonNegative(value: number, docsName: string): void {
  if (Number.isFinite(value) && value >= 0) return;
  throw new RecflowError(
    `${docsName} must be a number of at least 0, but is ${value}; set it to 0 or more.`,
  );
}

/**
 * Checks the training parameters against the constraints of Spark's ALS and throws a
 * RecflowError naming the parameter (by its docs name), its value and the allowed range.
 */
export function validateAlsParams(params: AlsParams): void {
  requireWhole(params.rank, 'rank', 1);
  requireWhole(params.maxIter, 'max iterations', 0);
  requireNonNegative(params.regParam, 'regularization param');
  requireNonNegative(params.alpha, 'alpha');
  requireWhole(params.numUserBlocks, 'num user blocks', 1);
  requireWhole(params.numItemBlocks, 'num item blocks', 1);

  const interval = params.checkpointInterval;
  if (!(isWholeNumber(interval) && (interval >= 1 || interval === -1))) {
    throw new RecflowError(
      `checkpoint interval must be a whole number of at least 1, or -1 to turn checkpoints ` +
        `off, but is ${interval}.`,
    );
  }

  if (!isWholeNumber(params.seed)) {
    throw new RecflowError(`seed must be a whole number, but is ${params.seed}.`);
  }

  validateSolver(params);
}

/** The most conjugate-gradient steps per row: beyond rank steps CG gains nothing anyway. */
export const MAX_CG_STEPS = 50;

function validateSolver(params: AlsParams): void {
  const solver = params.solver ?? 'cholesky';
  if (solver !== 'cholesky' && solver !== 'cg') {
    throw new RecflowError(`solver must be cholesky or cg, but is ${String(solver)}.`);
  }
  if (solver !== 'cg') return;

  const steps = params.cgSteps ?? 3;
  if (!(isWholeNumber(steps) && steps >= 1 && steps <= MAX_CG_STEPS)) {
    throw new RecflowError(
      `cg steps must be a whole number from 1 to ${MAX_CG_STEPS}, but is ${steps}; ` +
        '3 is usually enough.',
    );
  }
  if (params.nonnegative) {
    throw new RecflowError(
      'solver cg cannot keep factors non-negative; choose solver cholesky (it solves ' +
        'non-negative least squares when nonnegative is on) or turn nonnegative off.',
    );
  }
}
