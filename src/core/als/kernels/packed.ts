/**
 * Symmetric k×k matrices are stored as their upper triangle, row by row ("packed"):
 * A₀₀ A₀₁ … A₀,ₖ₋₁ A₁₁ A₁₂ … Aₖ₋₁,ₖ₋₁, k(k+1)/2 numbers. Row a starts at a·k − a(a−1)/2,
 * so A_ab (a ≤ b) sits at rowStart(a) + (b − a). Row-major upper keeps each inner loop of
 * the kernels on contiguous memory.
 */

/** Number of entries of a packed k×k symmetric matrix: k(k+1)/2. */
export function packedSize(k: number): number {
  return (k * (k + 1)) / 2;
}

/** Offset of the diagonal entry A_aa, which is also where row a of the triangle starts. */
export function packedRowStart(a: number, k: number): number {
  return a * k - (a * (a - 1)) / 2;
}

/** Offset of A_ab for a ≤ b. */
export function packedIndex(a: number, b: number, k: number): number {
  return packedRowStart(a, k) + (b - a);
}

/** out = A x for a packed symmetric A. */
export function packedMultiply(ata: Float64Array, k: number, x: Float64Array, out: Float64Array) {
  out.fill(0, 0, k);
  let t = 0;
  for (let a = 0; a < k; a++) {
    const xa = x[a];
    let rowSum = ata[t++] * xa;
    for (let b = a + 1; b < k; b++) {
      const entry = ata[t++];
      rowSum += entry * x[b];
      out[b] += entry * xa;
    }
    out[a] += rowSum;
  }
}

/** A += value·I */
export function addToDiagonal(ata: Float64Array, k: number, value: number): void {
  for (let a = 0; a < k; a++) ata[packedRowStart(a, k)] += value;
}

/** The packed matrix expanded to a full row-major k×k array (for tests and messages). */
export function unpack(ata: Float64Array, k: number): Float64Array {
  const full = new Float64Array(k * k);
  let t = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      full[a * k + b] = ata[t];
      full[b * k + a] = ata[t];
      t++;
    }
  }
  return full;
}
