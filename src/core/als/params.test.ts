import { describe, expect, it } from 'vitest';
import { validateAlsParams } from './params';
import { testParams } from './testing/params';
import { sparkAlsDefaults } from './types';

describe('validateAlsParams', () => {
  it("accepts Spark's defaults, Seahorse's (λ 0, nonnegative, seed 0) and checkpoints off", () => {
    expect(() => validateAlsParams(sparkAlsDefaults)).not.toThrow();
    expect(() =>
      validateAlsParams(testParams({ regParam: 0, nonnegative: true, seed: 0 })),
    ).not.toThrow();
    expect(() =>
      validateAlsParams(testParams({ checkpointInterval: -1, maxIter: 0 })),
    ).not.toThrow();
  });

  it.each([
    [{ rank: 0 }, 'rank must be a whole number of at least 1, but is 0; set it to 1 or more.'],
    [{ rank: 2.5 }, 'rank must be a whole number of at least 1, but is 2.5'],
    [{ maxIter: -1 }, 'max iterations must be a whole number of at least 0, but is -1'],
    [{ regParam: -0.1 }, 'regularization param must be a number of at least 0, but is -0.1'],
    [{ regParam: Number.NaN }, 'regularization param must be a number of at least 0, but is NaN'],
    [{ alpha: -1 }, 'alpha must be a number of at least 0, but is -1'],
    [{ numUserBlocks: 0 }, 'num user blocks must be a whole number of at least 1, but is 0'],
    [{ numItemBlocks: 1.5 }, 'num item blocks must be a whole number of at least 1, but is 1.5'],
    [{ checkpointInterval: 0 }, 'checkpoint interval must be a whole number of at least 1, or -1'],
    [{ seed: 0.5 }, 'seed must be a whole number, but is 0.5.'],
  ])('rejects %j with a message naming the parameter', (override, message) => {
    expect(() => validateAlsParams(testParams(override))).toThrow(message);
  });
});
