import { describe, expect, it } from 'vitest';
import { predict } from './model';
import { handModel } from './testing/models';

describe('predict', () => {
  it('scores each pair by the dot product of its factors', () => {
    const scores = predict(handModel(), Int32Array.from([0, 2, 1]), Int32Array.from([3, 5, 6]));
    expect([...scores]).toEqual([54, 45, 16]);
  });

  it('gives NaN when the user or the item was not seen in training', () => {
    const scores = predict(
      handModel(),
      Int32Array.from([0, 9, 0, -1]),
      Int32Array.from([7, 3, 3, 2]),
    );
    expect(scores[0]).toBeNaN();
    expect(scores[1]).toBeNaN();
    expect(scores[2]).toBe(54);
    expect(scores[3]).toBeNaN();
  });

  it('finds ids spread over the whole 32-bit range', () => {
    const model = { ...handModel(), userIds: Int32Array.from([-2147483648, 5, 2147483647]) };
    const scores = predict(
      model,
      Int32Array.from([2147483647, -2147483648]),
      Int32Array.from([3, 3]),
    );
    expect([...scores]).toEqual([51, 54]);
  });

  it('rejects user and item lists of different lengths', () => {
    expect(() => predict(handModel(), Int32Array.from([0]), new Int32Array(0))).toThrow(
      'cannot score 1 user ids against 0 item ids; give one item per user.',
    );
  });
});
