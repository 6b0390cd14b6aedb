import { choleskyFactor, choleskySubstitute } from './cholesky';
import { packedRowStart } from './packed';

/**
 * Non-negative least squares on the normal equations:
 *   minimise ½xᵀAx − xᵀb subject to x ≥ 0,  A packed symmetric positive (semi-)definite.
 *
 * An active-set method: Lawson & Hanson, "Solving Least Squares Problems" (1974), ch. 23,
 * in the form that works on AᵀA and Aᵀb directly (Bro & de Jong, "A fast
 * non-negativity-constrained least squares algorithm", J. Chemometrics 11, 1997).
 * The free ("passive") set P grows by the variable with the largest w_j, where
 * w = b − A x is minus the gradient; the subproblem A_PP s_P = b_P is solved by Cholesky;
 * when some s_j ≤ 0 the step is cut at the first bound and that variable leaves P.
 * It stops when no variable outside P has w_j > 0: the KKT conditions of the problem.
 * Unlike Spark's projected-gradient iteration, it ends at the exact optimum (to rounding),
 * which keeps the fast path and the reference implementation in agreement.
 */

/** w_j counts as positive only above this fraction of the size of the terms it sums. */
const RESIDUAL_TOLERANCE = 1e-12;

/** Reusable buffers for one problem size; create once per worker, not per solve. */
export interface NnlsWorkspace {
  passive: Uint8Array;
  /** Variables that could not join P since the last step that made progress. */
  rejected: Uint8Array;
  trial: Float64Array;
  residual: Float64Array;
  subMatrix: Float64Array;
  subRhs: Float64Array;
  subIndex: Int32Array;
}

/** Buffers for NNLS problems of size k. */
export function createNnlsWorkspace(k: number): NnlsWorkspace {
  return {
    passive: new Uint8Array(k),
    rejected: new Uint8Array(k),
    trial: new Float64Array(k),
    residual: new Float64Array(k),
    subMatrix: new Float64Array((k * (k + 1)) / 2),
    subRhs: new Float64Array(k),
    subIndex: new Int32Array(k),
  };
}

/**
 * w = b − A x, returning the tolerance below which a w_j is rounding noise:
 * RESIDUAL_TOLERANCE · max_j (|b_j| + Σ_l |A_jl·x_l|).
 */
function residualAndTolerance(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  x: Float64Array,
  residual: Float64Array,
  magnitude: Float64Array,
): number {
  for (let j = 0; j < k; j++) {
    residual[j] = atb[j];
    magnitude[j] = Math.abs(atb[j]);
  }
  let t = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const entry = ata[t++];
      const toA = entry * x[b];
      residual[a] -= toA;
      magnitude[a] += Math.abs(toA);
      if (b !== a) {
        const toB = entry * x[a];
        residual[b] -= toB;
        magnitude[b] += Math.abs(toB);
      }
    }
  }

  let largest = 0;
  for (let j = 0; j < k; j++) largest = Math.max(largest, magnitude[j]);
  return RESIDUAL_TOLERANCE * largest;
}

/**
 * Solves A_PP s_P = b_P on the passive set and sets s_j = 0 elsewhere. Returns false when
 * A_PP is singular to working precision (a passive column depends on the others).
 */
function solvePassive(ata: Float64Array, atb: Float64Array, k: number, ws: NnlsWorkspace) {
  const { passive, subIndex, subMatrix, subRhs, trial } = ws;
  let m = 0;
  for (let j = 0; j < k; j++) if (passive[j]) subIndex[m++] = j;

  let t = 0;
  for (let ii = 0; ii < m; ii++) {
    const a = subIndex[ii];
    const rowA = packedRowStart(a, k);
    for (let jj = ii; jj < m; jj++) subMatrix[t++] = ata[rowA + (subIndex[jj] - a)];
    subRhs[ii] = atb[a];
  }
  if (choleskyFactor(subMatrix, m) >= 0) return false;
  choleskySubstitute(subMatrix, m, subRhs);

  trial.fill(0);
  for (let ii = 0; ii < m; ii++) trial[subIndex[ii]] = subRhs[ii];
  return true;
}

/**
 * Moves x towards the trial point s while some passive s_j ≤ 0: x += α(s − x) with the
 * largest α ∈ [0, 1] that keeps x ≥ 0; the variable that hits 0 (and any at 0) leaves P.
 * Returns false if a subproblem became singular, leaving x feasible.
 */
function stepWithinBounds(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  x: Float64Array,
  ws: NnlsWorkspace,
): boolean {
  const { passive, trial } = ws;
  for (;;) {
    let alpha = 1;
    let blocking = -1;
    for (let j = 0; j < k; j++) {
      if (!passive[j] || trial[j] > 0) continue;
      const reach = x[j] > 0 ? x[j] / (x[j] - trial[j]) : 0;
      if (blocking < 0 || reach < alpha) {
        alpha = reach;
        blocking = j;
      }
    }
    if (blocking < 0) return true;

    for (let j = 0; j < k; j++) {
      if (!passive[j]) continue;
      x[j] += alpha * (trial[j] - x[j]);
      if (j === blocking || x[j] <= 0) {
        x[j] = 0;
        passive[j] = 0;
      }
    }
    if (!solvePassive(ata, atb, k, ws)) return false;
  }
}

/**
 * Writes into x[0 .. k) the minimiser of ½xᵀAx − xᵀb over x ≥ 0; A and b are not changed.
 * A may be only semi-definite (e.g. regularization param 0): a variable whose column
 * depends on the free ones is skipped, as Lawson & Hanson prescribe. The number of
 * subproblem solves is capped at max(400, 20·k), Spark's cap for its NNLS.
 */
export function solveNnls(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  x: Float64Array,
  ws: NnlsWorkspace,
): void {
  const { passive, rejected, residual, trial } = ws;
  x.fill(0, 0, k);
  passive.fill(0);
  rejected.fill(0);

  const maxSolves = Math.max(400, 20 * k);
  for (let solves = 0; solves < maxSolves; solves++) {
    // trial doubles as scratch for the magnitudes here; it is rewritten by solvePassive.
    const tolerance = residualAndTolerance(ata, atb, k, x, residual, trial);

    let entering = -1;
    let largest = tolerance;
    for (let j = 0; j < k; j++) {
      if (!passive[j] && !rejected[j] && residual[j] > largest) {
        largest = residual[j];
        entering = j;
      }
    }
    if (entering < 0) return;

    passive[entering] = 1;
    if (!solvePassive(ata, atb, k, ws) || !(trial[entering] > 0)) {
      passive[entering] = 0;
      rejected[entering] = 1;
      continue;
    }

    const completed = stepWithinBounds(ata, atb, k, x, ws);
    if (!completed) return;
    for (let j = 0; j < k; j++) x[j] = passive[j] ? trial[j] : 0;
    rejected.fill(0);
  }
}
