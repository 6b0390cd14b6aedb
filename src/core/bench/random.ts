/**
 * A small seeded random source for synthetic data. It is not the ALS initialiser's generator
 * and makes no claim beyond "fast, well mixed and the same for the same seed".
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [0, n). */
  below(n: number): number;
  /** Standard normal draw. */
  normal(): number;
}

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): one multiply-xorshift round per draw, period
 * 2^32, good enough to shape test data; normals by Box–Muller, caching the second draw.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  let spareNormal: number | null = null;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    below: (n) => Math.floor(next() * n),
    normal() {
      if (spareNormal !== null) {
        const spare = spareNormal;
        spareNormal = null;
        return spare;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/** Shuffles in place (Fisher–Yates). */
export function shuffle(values: Int32Array | Float64Array, random: Random): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const swap = values[i];
    values[i] = values[j];
    values[j] = swap;
  }
}
