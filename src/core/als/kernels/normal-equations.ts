/**
 * Accumulation of the least-squares normal equations A x = b of one ALS row, where every
 * observation s of the row contributes its other-side factor y_s with a weight c_s and a
 * target β_s:  A += c_s·y_s y_sᵀ,  b += β_s·y_s.  Only the upper triangle of A is kept
 * (see packed.ts). Explicit ALS uses c = 1, β = r; implicit ALS uses c = alpha·|r| and
 * β = 1 + alpha·|r| for r > 0, else 0.
 */

/** A += c·y yᵀ (upper triangle), b += β·y, for y = factors[offset .. offset + k). */
export function addObservation(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  factors: Float64Array,
  offset: number,
  target: number,
  weight: number,
): void {
  let t = 0;
  for (let a = 0; a < k; a++) {
    const ya = factors[offset + a];
    const cya = weight * ya;
    for (let b = a; b < k; b++) ata[t++] += cya * factors[offset + b];
    atb[a] += target * ya;
  }
}

/**
 * Four observations at once, three rows of A at a time: each y_s[b] loaded in the inner loop
 * feeds twelve multiply-adds, and each entry of A is loaded and stored once per four rank-1
 * updates. Memory traffic, not arithmetic, bounds this loop in JS: at rank 10 it runs about
 * 3× faster than one observation and one entry at a time.
 */
function addFourObservations(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  factors: Float64Array,
  columns: Int32Array,
  weights: Float64Array | null,
  targets: Float64Array,
  p: number,
): void {
  const o0 = columns[p] * k;
  const o1 = columns[p + 1] * k;
  const o2 = columns[p + 2] * k;
  const o3 = columns[p + 3] * k;
  const c0 = weights === null ? 1 : weights[p];
  const c1 = weights === null ? 1 : weights[p + 1];
  const c2 = weights === null ? 1 : weights[p + 2];
  const c3 = weights === null ? 1 : weights[p + 3];
  const t0 = targets[p];
  const t1 = targets[p + 1];
  const t2 = targets[p + 2];
  const t3 = targets[p + 3];

  let rowA = 0;
  let a = 0;
  for (; a + 2 < k; a += 3) {
    // rows a, a+1, a+2: u_s = y_s[a], v_s = y_s[a+1], x_s = y_s[a+2]
    let u0 = factors[o0 + a];
    let u1 = factors[o1 + a];
    let u2 = factors[o2 + a];
    let u3 = factors[o3 + a];
    let v0 = factors[o0 + a + 1];
    let v1 = factors[o1 + a + 1];
    let v2 = factors[o2 + a + 1];
    let v3 = factors[o3 + a + 1];
    let x0 = factors[o0 + a + 2];
    let x1 = factors[o1 + a + 2];
    let x2 = factors[o2 + a + 2];
    let x3 = factors[o3 + a + 2];
    const rowB = rowA + (k - a);
    const rowC = rowB + (k - a - 1);

    atb[a] += t0 * u0 + t1 * u1 + t2 * u2 + t3 * u3;
    atb[a + 1] += t0 * v0 + t1 * v1 + t2 * v2 + t3 * v3;
    atb[a + 2] += t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3;

    // the 3×3 block on the diagonal: Σ c·u u, c·u v, c·u x, c·v v, c·v x, c·x x
    ata[rowA] += c0 * u0 * u0 + c1 * u1 * u1 + c2 * u2 * u2 + c3 * u3 * u3;
    ata[rowA + 1] += c0 * u0 * v0 + c1 * u1 * v1 + c2 * u2 * v2 + c3 * u3 * v3;
    ata[rowA + 2] += c0 * u0 * x0 + c1 * u1 * x1 + c2 * u2 * x2 + c3 * u3 * x3;
    ata[rowB] += c0 * v0 * v0 + c1 * v1 * v1 + c2 * v2 * v2 + c3 * v3 * v3;
    ata[rowB + 1] += c0 * v0 * x0 + c1 * v1 * x1 + c2 * v2 * x2 + c3 * v3 * x3;
    ata[rowC] += c0 * x0 * x0 + c1 * x1 * x1 + c2 * x2 * x2 + c3 * x3 * x3;

    // to the right of the block: A_ab += Σ (c·u)·w, A_(a+1)b += Σ (c·v)·w, A_(a+2)b += Σ (c·x)·w
    if (weights !== null) {
      u0 *= c0;
      u1 *= c1;
      u2 *= c2;
      u3 *= c3;
      v0 *= c0;
      v1 *= c1;
      v2 *= c2;
      v3 *= c3;
      x0 *= c0;
      x1 *= c1;
      x2 *= c2;
      x3 *= c3;
    }
    for (let b = a + 3; b < k; b++) {
      const w0 = factors[o0 + b];
      const w1 = factors[o1 + b];
      const w2 = factors[o2 + b];
      const w3 = factors[o3 + b];
      ata[rowA + (b - a)] += u0 * w0 + u1 * w1 + u2 * w2 + u3 * w3;
      ata[rowB + (b - a - 1)] += v0 * w0 + v1 * w1 + v2 * w2 + v3 * w3;
      ata[rowC + (b - a - 2)] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
    }
    rowA = rowC + (k - a - 2);
  }

  // the last k mod 3 rows, one at a time
  for (; a < k; a++) {
    const u0 = factors[o0 + a];
    const u1 = factors[o1 + a];
    const u2 = factors[o2 + a];
    const u3 = factors[o3 + a];
    const cu0 = c0 * u0;
    const cu1 = c1 * u1;
    const cu2 = c2 * u2;
    const cu3 = c3 * u3;
    for (let b = a; b < k; b++) {
      ata[rowA + (b - a)] +=
        cu0 * factors[o0 + b] +
        cu1 * factors[o1 + b] +
        cu2 * factors[o2 + b] +
        cu3 * factors[o3 + b];
    }
    atb[a] += t0 * u0 + t1 * u1 + t2 * u2 + t3 * u3;
    rowA += k - a;
  }
}

/**
 * Adds the observations [start, end) of a compressed-sparse-row layout:
 * A += Σ_s c_s·y_s y_sᵀ (upper triangle), b += Σ_s β_s·y_s, with y_s the factor row
 * `columns[s]` of `factors`, c_s = weights[s] (1 when weights is null) and β_s = targets[s].
 */
export function addObservations(
  ata: Float64Array,
  atb: Float64Array,
  k: number,
  factors: Float64Array,
  columns: Int32Array,
  weights: Float64Array | null,
  targets: Float64Array,
  start: number,
  end: number,
): void {
  let p = start;
  for (; p + 3 < end; p += 4) {
    addFourObservations(ata, atb, k, factors, columns, weights, targets, p);
  }
  for (; p < end; p++) {
    const weight = weights === null ? 1 : weights[p];
    addObservation(ata, atb, k, factors, columns[p] * k, targets[p], weight);
  }
}

/** The Gram matrix of `count` factor rows: G = Σ_j y_j y_jᵀ (packed upper triangle). */
export function gramMatrix(factors: Float64Array, count: number, k: number, out: Float64Array) {
  out.fill(0);
  for (let j = 0; j < count; j++) {
    const offset = j * k;
    let t = 0;
    for (let a = 0; a < k; a++) {
      const ya = factors[offset + a];
      for (let b = a; b < k; b++) out[t++] += ya * factors[offset + b];
    }
  }
}
