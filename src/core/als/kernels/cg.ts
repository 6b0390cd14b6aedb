/**
 * Conjugate gradient for one ALS row, in plain TypeScript: the readable form of the Wasm
 * kernel in wasm/cg-kernel.ts, and the fallback where Wasm SIMD is missing.
 *
 * Instead of forming A = G + Σ_s c_s y_s y_sᵀ + λn·I (k²/2 per observation) and factoring
 * it, a few CG steps improve the row's current factor x towards A x = b, each needing one
 * product A v = G v + λn·v + Σ_s c_s (y_s·v) y_s: two passes over the observations at 2k
 * each. Warm-started from the previous iteration's factor, three steps per half-step
 * reach the quality of the exact solve (Takács, Pilászy & Tikk, RecSys 2011; the `implicit`
 * library's default). G = YᵀY for implicit feedback (all the unobserved cells at c = 1),
 * none for explicit.
 */

/** Below this squared residual norm the row counts as solved (the `implicit` library's). */
export const CG_TOLERANCE = 1e-20;

/** The row's observations s < count: where y_s starts in `factors`, c_s and β_s. */
export interface CgObservations {
  count: number;
  offsets: Int32Array;
  weights: Float64Array;
  targets: Float64Array;
}

/** Vectors of length k the solve reuses. */
export interface CgWorkspace {
  residual: Float64Array;
  direction: Float64Array;
  product: Float64Array;
  rhs: Float64Array;
}

export function createCgWorkspace(k: number): CgWorkspace {
  return {
    residual: new Float64Array(k),
    direction: new Float64Array(k),
    product: new Float64Array(k),
    rhs: new Float64Array(k),
  };
}

function dot(u: Float64Array, v: Float64Array, k: number): number {
  let sum = 0;
  for (let a = 0; a < k; a++) sum += u[a] * v[a];
  return sum;
}

/** out = G v + ridge·v + Σ c (y·v) y, with G full k×k row-major or null. */
function multiply(
  v: Float64Array,
  out: Float64Array,
  k: number,
  gram: Float64Array | null,
  ridge: number,
  factors: Float64Array,
  observations: CgObservations,
): void {
  for (let a = 0; a < k; a++) {
    let sum = ridge * v[a];
    if (gram !== null) for (let b = 0; b < k; b++) sum += gram[a * k + b] * v[b];
    out[a] = sum;
  }
  const { offsets, weights } = observations;
  for (let s = 0; s < observations.count; s++) {
    const offset = offsets[s];
    let yv = 0;
    for (let a = 0; a < k; a++) yv += factors[offset + a] * v[a];
    const scale = weights[s] * yv;
    for (let a = 0; a < k; a++) out[a] += scale * factors[offset + a];
  }
}

/**
 * Improves `x` (the row's factor, length k) by at most `steps` CG steps on A x = b, b =
 * Σ β_s y_s. Returns x·b + x·r + ridge·|x|² (r the final residual b − A x), from which the
 * row's data loss is Σ c·p² minus it: exact whatever the number of steps, since
 * xᵀ(A − ridge·I)x = x·b − x·r − ridge·|x|².
 */
export function conjugateGradientRow(
  x: Float64Array,
  k: number,
  factors: Float64Array,
  observations: CgObservations,
  gram: Float64Array | null,
  ridge: number,
  steps: number,
  workspace: CgWorkspace,
): number {
  const { residual, direction, product, rhs } = workspace;

  // r = b − A x, and b itself for the loss
  multiply(x, product, k, gram, ridge, factors, observations);
  rhs.fill(0, 0, k);
  for (let s = 0; s < observations.count; s++) {
    const offset = observations.offsets[s];
    const target = observations.targets[s];
    for (let a = 0; a < k; a++) rhs[a] += target * factors[offset + a];
  }
  for (let a = 0; a < k; a++) {
    residual[a] = rhs[a] - product[a];
    direction[a] = residual[a];
  }

  let oldNorm = dot(residual, residual, k);
  for (let step = 0; step < steps && oldNorm >= CG_TOLERANCE; step++) {
    multiply(direction, product, k, gram, ridge, factors, observations);
    const curvature = dot(direction, product, k);
    // A is singular along p (regularization 0): stop rather than divide by 0
    if (!(curvature > 0)) break;
    const length = oldNorm / curvature;
    for (let a = 0; a < k; a++) {
      x[a] += length * direction[a];
      residual[a] -= length * product[a];
    }
    const newNorm = dot(residual, residual, k);
    if (newNorm < CG_TOLERANCE) break;
    const keep = newNorm / oldNorm;
    for (let a = 0; a < k; a++) direction[a] = residual[a] + keep * direction[a];
    oldNorm = newNorm;
  }

  return dot(x, rhs, k) + dot(x, residual, k) + ridge * dot(x, x, k);
}
