import type { Ratings } from '../als/types.ts';
import { RecflowError } from '../errors.ts';
import { degreesFromWeights, weightedDraw, zipfWeights } from './degrees.ts';
import { type Random, seededRandom, shuffle } from './random.ts';

/** The size of a synthetic data set: distinct users, distinct items, ratings. */
export interface RatingsShape {
  users: number;
  items: number;
  ratings: number;
  /** Ratings are whole stars (1) or half stars (0.5), between 1 and 5. @default 1 */
  ratingStep?: 1 | 0.5;
}

/** The sizes of the MovieLens releases; 10m and 25m rate in half stars as the originals do. */
export const movieLensShapes = {
  '100k': { users: 943, items: 1_682, ratings: 100_000, ratingStep: 1 },
  '1m': { users: 6_040, items: 3_706, ratings: 1_000_209, ratingStep: 1 },
  '10m': { users: 69_878, items: 10_677, ratings: 10_000_054, ratingStep: 0.5 },
  '25m': { users: 162_541, items: 59_047, ratings: 25_000_095, ratingStep: 0.5 },
} as const satisfies Record<string, RatingsShape>;

export type MovieLensShapeName = keyof typeof movieLensShapes;

/** Ratings with ids 1..users and 1..items, every one of which rates or is rated at least once. */
export interface SyntheticRatings extends Ratings {
  ratings: Float32Array;
  shape: RatingsShape;
}

/**
 * Rank and spread of the hidden model: rating = mean + user bias + item bias + u·v + noise,
 * rounded to the rating step. The noise and the rounding bound how low any RMSE can go
 * (about 0.65 for whole stars), so that an RMSE measured on this data means something.
 */
const hidden = { rank: 8, mean: 3.55, userBias: 0.4, itemBias: 0.5, interaction: 0.5, noise: 0.6 };

/**
 * Zipf exponents and head offsets: the user of popularity rank r has min + c·(r + 10)^-1
 * ratings, and item i is drawn with weight (i + 30)^-1.2. On the 1m shape the busiest user and
 * item then have about 2,200 and 3,900 ratings (MovieLens 1M: 2,314 and 3,428) and the median
 * user about 80 (MovieLens 1M: 96).
 */
const userDegreeLaw = { exponent: 1.0, offset: 10 };
const itemPopularityLaw = { exponent: 1.2, offset: 30 };
/** No user rates more than this share of the items, unless the shape leaves no choice. */
const busiestUserShare = 0.6;

/**
 * Synthetic ratings shaped like MovieLens: user and item degrees follow power laws, every user
 * has at least 20 ratings (fewer only when the shape has fewer per user), no (user, item) pair
 * occurs twice, and the values come from a hidden low-rank model plus noise. Rows are grouped
 * by user, as in the MovieLens files. The same shape and seed give the same arrays.
 *
 * Cost: one constant-time draw per rating from the item popularity and a rank-8 dot product;
 * measured here, the 1m shape takes about 0.5 s and the 25m shape about 10 s and 300 MB.
 */
export function syntheticRatings(
  shapeOrName: RatingsShape | MovieLensShapeName,
  seed = 0,
): SyntheticRatings {
  const shape = typeof shapeOrName === 'string' ? movieLensShapes[shapeOrName] : shapeOrName;
  checkShape(shape);
  const random = seededRandom(seed);

  const perUserCap = Math.min(
    shape.items,
    Math.max(Math.ceil(shape.ratings / shape.users), busiestUserShare * shape.items),
  );
  const userWeights = zipfWeights(shape.users, userDegreeLaw.exponent, userDegreeLaw.offset);
  const userDegrees = degreesFromWeights(userWeights, {
    total: shape.ratings,
    min: Math.min(20, Math.floor(shape.ratings / shape.users)),
    max: Math.floor(perUserCap),
  });
  shuffle(userDegrees, random);
  const { exponent, offset } = itemPopularityLaw;
  const itemPopularity = zipfWeights(shape.items, exponent, offset);
  shuffle(itemPopularity, random);

  const items = pickItems(userDegrees, itemPopularity, random);
  const users = new Int32Array(shape.ratings);
  let row = 0;
  for (let user = 0; user < shape.users; user++) {
    users.fill(user + 1, row, row + userDegrees[user]);
    row += userDegrees[user];
  }
  const ratings = rateWithHiddenModel(users, items, shape, random);
  return { users, items, ratings, shape };
}

function checkShape(shape: RatingsShape): void {
  const { users, items, ratings } = shape;
  for (const [name, value] of Object.entries({ users, items, ratings })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RecflowError(
        `a synthetic shape needs a whole number of ${name} >= 1; got ${value}.`,
      );
    }
  }
  if (ratings < Math.max(users, items) || ratings > users * items) {
    throw new RecflowError(
      `a shape with ${users} users and ${items} items needs between ${Math.max(users, items)} ` +
        `and ${users * items} ratings so that each rates or is rated once and no pair repeats; ` +
        `got ${ratings}.`,
    );
  }
}

/**
 * The items of every user, grouped by user (1-based ids). First each item is given to one user
 * (drawn by degree) so that every item is rated; then each user draws the rest from the item
 * popularity, redrawing items it already has. A user who has taken most of the popular items
 * could redraw for long, so after many misses it takes the first free items in popularity order
 * instead: this flattens the tail of such heavy users a little.
 */
function pickItems(userDegrees: Int32Array, itemPopularity: Float64Array, random: Random) {
  const userCount = userDegrees.length;
  const itemCount = itemPopularity.length;
  const firstRater = assignEveryItemOnce(userDegrees, itemCount, random);

  const starts = new Int32Array(userCount + 1);
  for (let user = 0; user < userCount; user++) starts[user + 1] = starts[user] + userDegrees[user];
  const filled = starts.slice(0, userCount);
  const items = new Int32Array(starts[userCount]);
  const takenBy = new Int32Array(itemCount).fill(-1);
  for (let item = 0; item < itemCount; item++) {
    const user = firstRater[item];
    items[filled[user]++] = item + 1;
  }

  const drawItem = weightedDraw(itemPopularity);
  const byPopularity = Int32Array.from(itemPopularity.keys()).sort(
    (a, b) => itemPopularity[b] - itemPopularity[a],
  );
  for (let user = 0; user < userCount; user++) {
    for (let row = starts[user]; row < filled[user]; row++) takenBy[items[row] - 1] = user;
    let misses = 0;
    while (filled[user] < starts[user + 1] && misses < userDegrees[user] + 100) {
      const item = drawItem(random.next(), random.next());
      if (takenBy[item] === user) {
        misses++;
        continue;
      }
      takenBy[item] = user;
      items[filled[user]++] = item + 1;
    }
    for (let next = 0; filled[user] < starts[user + 1]; next++) {
      const item = byPopularity[next];
      if (takenBy[item] === user) continue;
      takenBy[item] = user;
      items[filled[user]++] = item + 1;
    }
  }
  return items;
}

/** For each item, a user with room left, drawn in proportion to the users' degrees. */
function assignEveryItemOnce(userDegrees: Int32Array, itemCount: number, random: Random) {
  const drawUser = weightedDraw(userDegrees);
  const room = userDegrees.slice();
  const firstRater = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    let user = drawUser(random.next(), random.next());
    for (let tries = 0; room[user] === 0; tries++) {
      user = tries < 50 ? drawUser(random.next(), random.next()) : (user + 1) % room.length;
    }
    room[user]--;
    firstRater[item] = user;
  }
  return firstRater;
}

function rateWithHiddenModel(
  users: Int32Array,
  items: Int32Array,
  shape: RatingsShape,
  random: Random,
): Float32Array {
  const { rank } = hidden;
  const factorScale = Math.sqrt(hidden.interaction) / rank ** 0.25;
  const draw = (count: number, scale: number) => {
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = scale * random.normal();
    return values;
  };
  const userFactors = draw(shape.users * rank, factorScale);
  const itemFactors = draw(shape.items * rank, factorScale);
  const userBiases = draw(shape.users, hidden.userBias);
  const itemBiases = draw(shape.items, hidden.itemBias);

  const step = shape.ratingStep ?? 1;
  const { mean, noise } = hidden;
  const ratings = new Float32Array(users.length);
  for (let row = 0; row < users.length; row++) {
    const userStart = (users[row] - 1) * rank;
    const itemStart = (items[row] - 1) * rank;
    let score = mean + userBiases[users[row] - 1] + itemBiases[items[row] - 1];
    for (let k = 0; k < rank; k++) score += userFactors[userStart + k] * itemFactors[itemStart + k];
    score += noise * random.normal();
    const stepped = Math.round(score / step) * step;
    ratings[row] = Math.min(5, Math.max(1, stepped));
  }
  return ratings;
}
