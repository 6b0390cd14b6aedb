import { RecflowError } from '../../errors';

/**
 * Cholesky solve of a packed symmetric positive-definite system (see packed.ts):
 * A = UᵀU with U upper triangular, then Uᵀz = b and U x = z by substitution.
 */

/**
 * A pivot this small relative to the largest diagonal entry means the matrix is singular to
 * working precision: solving on would return factors dominated by rounding noise, so it is
 * reported as not positive definite instead (condition number beyond about 10¹²).
 */
const PIVOT_TOLERANCE = 1e-12;

/**
 * Overwrites the packed A with its Cholesky factor U (A = UᵀU, same packed layout).
 * Returns -1 on success, or the 0-based index of the pivot that was not positive.
 */
export function choleskyFactor(ata: Float64Array, k: number): number {
  let largestDiagonal = 0;
  for (let a = 0, row = 0; a < k; row += k - a, a++) {
    largestDiagonal = Math.max(largestDiagonal, ata[row]);
  }
  const tolerance = PIVOT_TOLERANCE * largestDiagonal;

  let rowI = 0;
  for (let i = 0; i < k; i++) {
    const pivot = ata[rowI];
    // `!(pivot > tolerance)` is also true for NaN.
    if (!(pivot > tolerance)) return i;

    // U_ii = √A_ii, U_ij = A_ij / U_ii
    const uii = Math.sqrt(pivot);
    const inverse = 1 / uii;
    ata[rowI] = uii;
    for (let j = 1; j < k - i; j++) ata[rowI + j] *= inverse;

    // Schur complement on the trailing rows: A_jl −= U_ij·U_il for i < j ≤ l
    let rowJ = rowI + (k - i);
    for (let j = i + 1; j < k; j++) {
      const uij = ata[rowI + (j - i)];
      for (let l = j; l < k; l++) ata[rowJ + (l - j)] -= uij * ata[rowI + (l - i)];
      rowJ += k - j;
    }
    rowI += k - i;
  }
  return -1;
}

/** Given the factor U of A, overwrites b with the solution x of A x = b. */
export function choleskySubstitute(u: Float64Array, k: number, b: Float64Array): void {
  // Uᵀ z = b, forwards: z_i = b_i / U_ii, then b_j −= U_ij·z_i for j > i
  let rowI = 0;
  for (let i = 0; i < k; i++) {
    const zi = b[i] / u[rowI];
    b[i] = zi;
    for (let j = i + 1; j < k; j++) b[j] -= u[rowI + (j - i)] * zi;
    rowI += k - i;
  }

  // U x = z, backwards: x_i = (z_i − Σ_{j>i} U_ij·x_j) / U_ii
  for (let i = k - 1; i >= 0; i--) {
    rowI -= k - i;
    let sum = b[i];
    for (let j = i + 1; j < k; j++) sum -= u[rowI + (j - i)] * b[j];
    b[i] = sum / u[rowI];
  }
}

/**
 * Solves A x = b for a packed symmetric positive-definite A, in place: A is overwritten by
 * its factor and b by x, which is also returned. Throws a RecflowError when A is not
 * positive definite.
 */
export function solveCholesky(ata: Float64Array, atb: Float64Array, k: number): Float64Array {
  const failedPivot = choleskyFactor(ata, k);
  if (failedPivot >= 0) {
    throw new RecflowError(
      `the normal equations are not positive definite (pivot ${failedPivot + 1} of ${k}); ` +
        'raise the regularization param above 0 (e.g. to 0.01) or lower the rank.',
    );
  }
  choleskySubstitute(ata, k, atb);
  return atb;
}
