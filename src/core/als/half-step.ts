import { RecflowError } from '../errors';
import { choleskyFactor, choleskySubstitute } from './kernels/cholesky';
import { createNnlsWorkspace, type NnlsWorkspace, solveNnls } from './kernels/nnls';
import { addObservations } from './kernels/normal-equations';
import { addToDiagonal, packedSize } from './kernels/packed';

/**
 * One half-step of ALS: solve every factor row of one side (the "destination") from the
 * fixed factors of the other side (the "source"). Rows are independent of each other, so any
 * split of the rows into ranges or blocks, run in any order or in parallel, gives the same
 * bits. This is the straightforward typed-array form, kept as public API; `fitAls` trains
 * with engine/, which lays everything out in one shareable buffer, computes c and β from
 * the ratings instead of storing them, and runs Wasm SIMD kernels on ranges of rows.
 */
export interface HalfStepProblem {
  rank: number;
  /** The side being solved, for error messages. */
  side: 'user' | 'item';
  /** Id of every destination row, for error messages. */
  rowIds: Int32Array;
  /** CSR layout of the destination rows' observations (see csr.ts). */
  rowStart: Int32Array;
  columns: Int32Array;
  /** c_s per observation: null for explicit (c = 1), alpha·|r| for implicit. */
  weights: Float64Array | null;
  /** β_s per observation: r for explicit, (1 + alpha·|r|) if r > 0 else 0 for implicit. */
  targets: Float64Array;
  /** n per row (explicit: its ratings; implicit: its ratings > 0); λ·n joins the diagonal. */
  regularizationCounts: Int32Array;
  regParam: number;
  nonnegative: boolean;
  /** The source side's factors, row-major, `rank` numbers per row. */
  sourceFactors: Float64Array;
  /** Implicit only: YᵀY over all source rows (packed), the start of every row's A. */
  sourceGram: Float64Array | null;
  /**
   * When set, each solve also writes its row's data loss Σ c·(p − x·y)² into `rowLoss[row]`,
   * using `targetEnergy[row]` = Σ c·p² (explicit: Σ r²; implicit: Σ_{r>0} (1 + c1)).
   */
  loss: { targetEnergy: Float64Array; rowLoss: Float64Array } | null;
}

/** Buffers one caller of `solveRows` reuses for every row; one per worker. */
export interface HalfStepScratch {
  ata: Float64Array;
  atb: Float64Array;
  /** b kept for the loss, since the Cholesky solve overwrites atb with x. */
  rhs: Float64Array;
  solution: Float64Array;
  nnls: NnlsWorkspace;
}

/** Scratch buffers for solving rows at rank `rank`. */
export function createHalfStepScratch(rank: number): HalfStepScratch {
  return {
    ata: new Float64Array(packedSize(rank)),
    atb: new Float64Array(rank),
    rhs: new Float64Array(rank),
    solution: new Float64Array(rank),
    nnls: createNnlsWorkspace(rank),
  };
}

/**
 * The data loss of a solved row without revisiting its observations. With G = A − λnI
 * the row's part of the objective is
 *   Σ c·(p − x·y)² = Σ c·p² − 2xᵀb + xᵀGx,
 * and the solution satisfies xᵀAx = xᵀb (Cholesky: A x = b; NNLS: x_j·(Ax − b)_j = 0 for
 * every j), so
 *   Σ c·(p − x·y)² = Σ c·p² − xᵀb − λn·|x|².
 * For implicit feedback G includes YᵀY, so the sum runs over every cell of the row.
 */
function rowLossOf(targetEnergy: number, x: Float64Array, b: Float64Array, ridge: number) {
  let xb = 0;
  let xx = 0;
  for (let a = 0; a < x.length; a++) {
    xb += x[a] * b[a];
    xx += x[a] * x[a];
  }
  return targetEnergy - xb - ridge * xx;
}

/** The error for a row whose normal equations have no unique solution. */
export function notPositiveDefiniteError(
  side: 'user' | 'item',
  id: number,
  count: number,
  rank: number,
  regParam: number,
): RecflowError {
  const ratingsWord = count === 1 ? 'rating' : 'ratings';
  const higher = regParam > 0 ? `${regParam * 10}` : '0.01';
  return new RecflowError(
    `the normal equations of ${side} ${id} (${count} ${ratingsWord}, ` +
      `rank ${rank}, regularization param ${regParam}) are not positive ` +
      'definite, so its factor has no unique solution; raise the regularization param ' +
      `(e.g. to ${higher}) or lower the rank.`,
  );
}

function notPositiveDefinite(problem: HalfStepProblem, row: number): RecflowError {
  const count = problem.rowStart[row + 1] - problem.rowStart[row];
  return notPositiveDefiniteError(
    problem.side,
    problem.rowIds[row],
    count,
    problem.rank,
    problem.regParam,
  );
}

/**
 * Solves destination row `row` into `factorsOut[row·rank .. (row+1)·rank)`:
 *   explicit: A = Σ y yᵀ + λ·n·I,  b = Σ r·y
 *   implicit: A = YᵀY + Σ c1·y yᵀ + λ·n⁺·I,  b = Σ_{r>0} (1 + c1)·y,  c1 = alpha·|r|
 * then A x = b by Cholesky, or min ½xᵀAx − xᵀb over x ≥ 0 when nonnegative.
 */
export function solveRow(
  problem: HalfStepProblem,
  row: number,
  factorsOut: Float64Array,
  scratch: HalfStepScratch,
): void {
  const { rank, sourceGram } = problem;
  const { ata, atb, solution } = scratch;
  if (sourceGram === null) ata.fill(0);
  else ata.set(sourceGram);
  atb.fill(0);

  addObservations(
    ata,
    atb,
    rank,
    problem.sourceFactors,
    problem.columns,
    problem.weights,
    problem.targets,
    problem.rowStart[row],
    problem.rowStart[row + 1],
  );
  const ridge = problem.regParam * problem.regularizationCounts[row];
  addToDiagonal(ata, rank, ridge);
  scratch.rhs.set(atb);

  if (problem.nonnegative) {
    solveNnls(ata, atb, rank, solution, scratch.nnls);
  } else {
    if (choleskyFactor(ata, rank) >= 0) throw notPositiveDefinite(problem, row);
    choleskySubstitute(ata, rank, atb);
    solution.set(atb);
  }
  factorsOut.set(solution, row * rank);

  const { loss } = problem;
  if (loss !== null) {
    loss.rowLoss[row] = rowLossOf(loss.targetEnergy[row], solution, scratch.rhs, ridge);
  }
}

/** Solves the destination rows [rowStart, rowEnd). */
export function solveRows(
  problem: HalfStepProblem,
  factorsOut: Float64Array,
  rowStart: number,
  rowEnd: number,
  scratch: HalfStepScratch,
): void {
  for (let row = rowStart; row < rowEnd; row++) solveRow(problem, row, factorsOut, scratch);
}

/** Solves the destination rows listed in `rows` (one block of ids, see ids.ts). */
export function solveRowList(
  problem: HalfStepProblem,
  factorsOut: Float64Array,
  rows: Int32Array,
  scratch: HalfStepScratch,
): void {
  for (let i = 0; i < rows.length; i++) solveRow(problem, rows[i], factorsOut, scratch);
}
