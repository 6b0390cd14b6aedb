/**
 * Seeded pseudo-random numbers. Training uses them for its starting factors and the test
 * generators for their data, so that every run with the same seed sees the same draws.
 */

const TWO_TO_THE_32 = 4294967296;

/**
 * A bijective 32-bit mix (MurmurHash3's finaliser): nearby inputs give unrelated outputs,
 * which lets a (seed, side, id) triple pick an independent random stream.
 */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A small, fast generator (Tommy Ettinger's mulberry32) with Box–Muller normal draws.
 * Not for cryptography; 2^32 states are plenty for initial factors and test data.
 */
export class SeededRandom {
  private state: number;
  private spareGaussian = Number.NaN;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform double in the open interval (0, 1): never 0, so its logarithm is finite. */
  nextDouble(): number {
    return (this.nextUint32() + 0.5) / TWO_TO_THE_32;
  }

  /** A standard-normal draw: Box–Muller gives two, the second is kept for the next call. */
  nextGaussian(): number {
    if (!Number.isNaN(this.spareGaussian)) {
      const spare = this.spareGaussian;
      this.spareGaussian = Number.NaN;
      return spare;
    }
    // z₀ = √(−2 ln u₁)·cos(2π u₂), z₁ = √(−2 ln u₁)·sin(2π u₂)
    const radius = Math.sqrt(-2 * Math.log(this.nextDouble()));
    const angle = 2 * Math.PI * this.nextDouble();
    this.spareGaussian = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** A uniform integer in [0, bound), bound ≤ 2^32. */
  nextInt(bound: number): number {
    return Math.floor(this.nextDouble() * bound);
  }
}
