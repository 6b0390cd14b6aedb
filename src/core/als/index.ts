/**
 * recflow's ALS: Spark ML's alternating least squares for explicit and implicit feedback,
 * on typed arrays and Arrow tables. See shared/spec/ALS.md for the semantics.
 */

export { fitAls } from './fit';
export {
  createHalfStepScratch,
  type HalfStepProblem,
  type HalfStepScratch,
  solveRow,
  solveRowList,
  solveRows,
} from './half-step';
export { initialFactors, writeInitialFactor } from './init';
export { idsFromColumn, ratingsFromTable } from './input';
export { modelFromIpc, modelToIpc } from './ipc';
export { choleskyFactor, choleskySubstitute, solveCholesky } from './kernels/cholesky';
export { createNnlsWorkspace, type NnlsWorkspace, solveNnls } from './kernels/nnls';
export { addObservation, addObservations, gramMatrix } from './kernels/normal-equations';
export { addToDiagonal, packedIndex, packedSize, unpack } from './kernels/packed';
export { predict } from './model';
export { validateAlsParams } from './params';
export { type Recommendations, recommendForAllItems, recommendForAllUsers } from './recommend';
export { fitAlsReference } from './reference';
export { createHalfStepProblem, layoutRatings, type TrainingLayout } from './training-data';
export { type TransformOptions, transformTable } from './transform';
export * from './types';
