import { mix32, SeededRandom } from './random';

/** Which side of the rating matrix a factor belongs to. */
export type FactorSide = 'user' | 'item';

/** Distinct salts so that user 7 and item 7 draw different starting vectors. */
const SIDE_SALT: Record<FactorSide, number> = { user: 0x75736572, item: 0x6974656d };

/**
 * The seed of the random stream of one entity. It depends only on (seed, side, id), never on
 * how ids are split into blocks or in which order they are visited: that is what makes a
 * trained model independent of the block counts (Spark seeds per block, so its models are not).
 * The seed may be any safe integer; both 32-bit halves are mixed in.
 */
function entityStreamSeed(seed: number, side: FactorSide, id: number): number {
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 4294967296) | 0;
  let h = mix32(seedLow ^ SIDE_SALT[side]);
  h = mix32(h ^ seedHigh ^ 0x27d4eb2f);
  return mix32(h ^ id ^ 0x165667b1);
}

/**
 * Writes the starting factor of one entity into `out[offset .. offset + rank)`: `rank`
 * standard-normal draws scaled to unit length, as Spark initialises its factors.
 */
export function writeInitialFactor(
  seed: number,
  side: FactorSide,
  id: number,
  rank: number,
  out: Float64Array,
  offset: number,
): void {
  const random = new SeededRandom(entityStreamSeed(seed, side, id));
  let squaredNorm = 0;
  for (let a = 0; a < rank; a++) {
    const draw = random.nextGaussian();
    out[offset + a] = draw;
    squaredNorm += draw * draw;
  }

  const scale = 1 / Math.sqrt(squaredNorm);
  for (let a = 0; a < rank; a++) out[offset + a] *= scale;
}

/** The starting factors of the given ids, row-major: id `ids[r]` owns `[r·rank, (r+1)·rank)`. */
export function initialFactors(
  ids: Int32Array,
  rank: number,
  seed: number,
  side: FactorSide,
): Float64Array {
  const factors = new Float64Array(ids.length * rank);
  for (let row = 0; row < ids.length; row++) {
    writeInitialFactor(seed, side, ids[row], rank, factors, row * rank);
  }
  return factors;
}
