import { SeededRandom } from '../random';
import type { Ratings } from '../types';

/**
 * Synthetic ratings for tests and benchmarks, after the generators of Spark's ALSSuite
 * (shared/spec/ALS.md, "Acceptance cases"). Each takes its own seed; the accuracy thresholds
 * do not depend on the exact draws.
 */

/** Training and test ratings, and the true factors they were drawn from. */
export interface GeneratedRatings {
  training: Ratings;
  test: Ratings;
  userIds: Int32Array;
  itemIds: Int32Array;
  /** Row-major, `rank` per id, in the order of userIds / itemIds. */
  userFactors: Float64Array;
  itemFactors: Float64Array;
}

/** `count` distinct random 32-bit ids (negative ones included, as Spark's nextInt gives). */
function distinctIds(count: number, random: SeededRandom): Int32Array {
  const seen = new Set<number>();
  const ids = new Int32Array(count);
  while (seen.size < count) {
    const id = random.nextUint32() | 0;
    if (!seen.has(id)) ids[seen.size] = id;
    seen.add(id);
  }
  return ids;
}

/** Factors uniform in (−1, 1). */
function uniformFactors(count: number, rank: number, random: SeededRandom): Float64Array {
  return Float64Array.from({ length: count * rank }, () => 2 * random.nextDouble() - 1);
}

class RatingsBuilder {
  users: number[] = [];
  items: number[] = [];
  ratings: number[] = [];

  add(user: number, item: number, rating: number): void {
    this.users.push(user);
    this.items.push(item);
    this.ratings.push(rating);
  }

  build(): Ratings {
    return {
      users: Int32Array.from(this.users),
      items: Int32Array.from(this.items),
      ratings: Float64Array.from(this.ratings),
    };
  }
}

function generate(
  numUsers: number,
  numItems: number,
  rank: number,
  noise: number,
  seed: number,
  observedFraction: (trueRating: number) => number,
): GeneratedRatings {
  const random = new SeededRandom(seed);
  const userIds = distinctIds(numUsers, random);
  const itemIds = distinctIds(numItems, random);
  const userFactors = uniformFactors(numUsers, rank, random);
  const itemFactors = uniformFactors(numItems, rank, random);
  const training = new RatingsBuilder();
  const test = new RatingsBuilder();

  for (let u = 0; u < numUsers; u++) {
    for (let i = 0; i < numItems; i++) {
      let trueRating = 0;
      for (let a = 0; a < rank; a++)
        trueRating += userFactors[u * rank + a] * itemFactors[i * rank + a];
      if (random.nextDouble() >= observedFraction(trueRating)) continue;

      // 60% training (with noise), 30% test (exact), 10% dropped
      const x = random.nextDouble();
      if (x < 0.6) training.add(userIds[u], itemIds[i], trueRating + noise * random.nextGaussian());
      else if (x < 0.9) test.add(userIds[u], itemIds[i], trueRating);
    }
  }
  return {
    training: training.build(),
    test: test.build(),
    userIds,
    itemIds,
    userFactors,
    itemFactors,
  };
}

/** Explicit ratings: every (user, item) pair, rating u·i plus noise·N(0, 1) in training. */
export function explicitRatings(
  numUsers: number,
  numItems: number,
  rank: number,
  noise: number,
  seed = 0,
): GeneratedRatings {
  return generate(numUsers, numItems, rank, noise, seed, () => 1);
}

/** Implicit ratings: a pair is observed with probability 0.8 if u·i > 0, else 0.2. */
export function implicitRatings(
  numUsers: number,
  numItems: number,
  rank: number,
  noise: number,
  seed = 0,
): GeneratedRatings {
  return generate(numUsers, numItems, rank, noise, seed, (trueRating) =>
    trueRating > 0 ? 0.8 : 0.2,
  );
}

/**
 * Ratings shaped like MovieLens-1M for speed measurements: `numRatings` rows over users
 * 1…numUsers (uniform) and items 1…numItems (popularity skewed: item ∝ u², u uniform),
 * star ratings 1–5 from rank-5 true factors plus noise. Pairs may repeat.
 */
export function movieLensShapedRatings(
  numUsers = 6040,
  numItems = 3706,
  numRatings = 1_000_209,
  seed = 0,
): Ratings {
  const random = new SeededRandom(seed);
  const rank = 5;
  const userFactors = uniformFactors(numUsers, rank, random);
  const itemFactors = uniformFactors(numItems, rank, random);
  const users = new Int32Array(numRatings);
  const items = new Int32Array(numRatings);
  const ratings = new Float64Array(numRatings);
  for (let r = 0; r < numRatings; r++) {
    const u = random.nextInt(numUsers);
    const draw = random.nextDouble();
    const i = Math.floor(draw * draw * numItems);
    let score = 0;
    for (let a = 0; a < rank; a++) score += userFactors[u * rank + a] * itemFactors[i * rank + a];
    const stars = Math.round(3.5 + 1.2 * score + 0.5 * random.nextGaussian());
    users[r] = u + 1;
    items[r] = i + 1;
    ratings[r] = Math.min(5, Math.max(1, stars));
  }
  return { users, items, ratings };
}
