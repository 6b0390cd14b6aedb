import { type AlsParams, sparkAlsDefaults } from '../types';

/** The settings every accuracy case of the spec uses unless it says otherwise. */
export function testParams(overrides: Partial<AlsParams> = {}): AlsParams {
  return {
    ...sparkAlsDefaults,
    maxIter: 10,
    seed: 0,
    numUserBlocks: 2,
    numItemBlocks: 3,
    ...overrides,
  };
}
