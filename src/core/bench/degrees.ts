import { RecflowError } from '../errors.ts';

/**
 * Power-law (Zipf-like) weights: the entity of popularity rank r (0-based) weighs
 * (r + offset)^-exponent. The offset flattens the head so that the first few entities do not
 * take everything, as in MovieLens where the busiest user has rated a few thousand films.
 */
export function zipfWeights(count: number, exponent: number, offset: number): Float64Array {
  const weights = new Float64Array(count);
  for (let rank = 0; rank < count; rank++) weights[rank] = (rank + offset) ** -exponent;
  return weights;
}

export interface DegreeRule {
  /** How many ratings all entities have together. */
  total: number;
  /** Fewest ratings any one entity has (MovieLens keeps users with at least 20). */
  min: number;
  /** Most ratings any one entity may have (a user cannot rate an item twice). */
  max: number;
}

/**
 * Whole-number degrees that follow the weights, lie in [min, max] and sum exactly to total.
 *
 * Degrees are min + scale·weight, capped at max, with the scale found by bisection so that the
 * capped sum is the total ("water filling"); flooring loses less than one per entity, and the
 * shortfall goes one by one to the heaviest entities that are not yet at the cap.
 */
export function degreesFromWeights(weights: Float64Array, rule: DegreeRule): Int32Array {
  const count = weights.length;
  const { total, min, max } = rule;
  if (total < count * min || total > count * max) {
    throw new RecflowError(
      `cannot give ${count} entities ${total} ratings with between ${min} and ${max} each; ` +
        'choose a total between their counts times the bounds.',
    );
  }

  const cappedSum = (scale: number): number => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += Math.min(max, min + scale * weights[i]);
    return sum;
  };
  let low = 0;
  let high = 1;
  while (cappedSum(high) < total) high *= 2;
  for (let step = 0; step < 200 && high - low > high * 1e-15; step++) {
    const middle = (low + high) / 2;
    if (cappedSum(middle) < total) low = middle;
    else high = middle;
  }

  const degrees = new Int32Array(count);
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    degrees[i] = Math.floor(Math.min(max, min + high * weights[i]));
    assigned += degrees[i];
  }
  // Rounding can leave a shortfall or (from the bisection's tolerance) a small excess.
  for (let i = 0; assigned < total; i = (i + 1) % count) {
    if (degrees[i] < max) {
      degrees[i]++;
      assigned++;
    }
  }
  for (let i = count - 1; assigned > total; i = (i + count - 1) % count) {
    if (degrees[i] > min) {
      degrees[i]--;
      assigned--;
    }
  }
  return degrees;
}

/**
 * Draws indexes in proportion to their weights in constant time per draw: Walker's alias
 * method, with Vose's stable construction. Each of n columns holds probability `keep[i]` of
 * index i and sends the rest to `alias[i]`.
 */
/** An index drawn from two uniforms in [0, 1). */
export type WeightedDraw = (uniformColumn: number, uniformKeep: number) => number;

export function weightedDraw(weights: Float64Array | Int32Array): WeightedDraw {
  const count = weights.length;
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i];

  const keep = new Float64Array(count);
  const alias = new Int32Array(count);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < count; i++) {
    keep[i] = (weights[i] * count) / total;
    (keep[i] < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const light = small.pop()!;
    const heavy = large[large.length - 1];
    alias[light] = heavy;
    keep[heavy] -= 1 - keep[light];
    if (keep[heavy] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding.
  for (const i of [...small, ...large]) {
    keep[i] = 1;
    alias[i] = i;
  }

  return (uniformColumn, uniformKeep) => {
    const column = Math.floor(uniformColumn * count);
    return uniformKeep < keep[column] ? column : alias[column];
  };
}
