import { describe, expect, it } from 'vitest';
import { movieLensShapes, syntheticRatings } from './synthetic.ts';
import { ratingsCsv } from './syntheticCsv.ts';

const small = { users: 60, items: 90, ratings: 2_000 };

function degreesOf(ids: Int32Array): number[] {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a);
}

describe('syntheticRatings', () => {
  it('has exactly the users, items and ratings of the MovieLens 100k shape', () => {
    const { users, items, ratings } = syntheticRatings('100k', 7);

    expect(users.length).toBe(100_000);
    expect(items.length).toBe(100_000);
    expect(ratings.length).toBe(100_000);
    expect(new Set(users).size).toBe(movieLensShapes['100k'].users);
    expect(new Set(items).size).toBe(movieLensShapes['100k'].items);
  });

  it('gives the same arrays for the same seed and different ones for another seed', () => {
    const first = syntheticRatings(small, 3);
    const again = syntheticRatings(small, 3);
    const other = syntheticRatings(small, 4);

    expect(again.users).toEqual(first.users);
    expect(again.items).toEqual(first.items);
    expect(again.ratings).toEqual(first.ratings);
    expect(other.items).not.toEqual(first.items);
  });

  it('never repeats a (user, item) pair', () => {
    const { users, items } = syntheticRatings('100k', 1);
    const pairs = new Set<number>();
    for (let row = 0; row < users.length; row++) pairs.add(users[row] * 10_000 + items[row]);

    expect(pairs.size).toBe(users.length);
  });

  it('skews user and item degrees like a power law', () => {
    const { users, items } = syntheticRatings('100k', 1);

    for (const degrees of [degreesOf(users), degreesOf(items)]) {
      const median = degrees[degrees.length >> 1];
      const topTenth = degrees.slice(0, Math.ceil(degrees.length / 10));
      const topShare = topTenth.reduce((sum, degree) => sum + degree, 0) / 100_000;
      expect(degrees[0]).toBeGreaterThan(8 * median);
      expect(topShare).toBeGreaterThan(0.3);
    }
    expect(Math.min(...degreesOf(users))).toBeGreaterThanOrEqual(20);
  });

  it('rates in whole stars from 1 to 5, or half stars for the 10m-like shapes', () => {
    const whole = syntheticRatings(small, 1).ratings;
    const half = syntheticRatings({ ...small, ratingStep: 0.5 }, 1).ratings;

    expect(whole.every((rating) => Number.isInteger(rating) && rating >= 1 && rating <= 5)).toBe(
      true,
    );
    expect(half.every((rating) => Number.isInteger(rating * 2) && rating >= 1)).toBe(true);
    expect(half.some((rating) => !Number.isInteger(rating))).toBe(true);
  });

  it('refuses a shape that cannot be filled without repeating pairs', () => {
    expect(() => syntheticRatings({ users: 3, items: 3, ratings: 10 })).toThrow(
      /between 3 and 9 ratings/,
    );
  });
});

describe('ratingsCsv', () => {
  it('writes a header and one line per rating, as MovieLens files look', () => {
    const ratings = syntheticRatings(small, 2);
    const text = new TextDecoder().decode(ratingsCsv(ratings, { chunkBytes: 4096 }));
    const lines = text.trimEnd().split('\n');

    expect(lines[0]).toBe('user,item,rating,timestamp');
    expect(lines).toHaveLength(small.ratings + 1);
    const [user, item, rating, timestamp] = lines[1].split(',');
    expect([Number(user), Number(item), Number(rating)]).toEqual([
      ratings.users[0],
      ratings.items[0],
      ratings.ratings[0],
    ]);
    expect(timestamp).toMatch(/^\d{10}$/);
  });

  it('writes half stars, negative ids and a custom separator without a header', () => {
    const ratings = {
      users: Int32Array.of(-12, 7),
      items: Int32Array.of(0, 2_147_483_647),
      ratings: Float32Array.of(3.5, -0.5),
    };
    const text = new TextDecoder().decode(
      ratingsCsv(ratings, { separator: '::', header: false, timestamps: false }),
    );

    expect(text).toBe('-12::0::3.5\n7::2147483647::-0.5\n');
  });
});
