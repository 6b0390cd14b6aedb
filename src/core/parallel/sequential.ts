import { rowRangeKinds } from './kinds.ts';
import type { RowRangeRunner } from './runner.ts';

/**
 * Runs every range on the calling thread, in order: the default when no pool is handed in,
 * and the one-thread model that a pool's results are compared with. Like a pool it runs
 * every range before rejecting with the first failure.
 */
export const sequentialRunner: RowRangeRunner = {
  threads: 1,
  sharedMemory: false,
  async open(kindName, state) {
    const kind = rowRangeKinds[kindName];
    if (kind === undefined) throw new Error(`no row-range kind named ${kindName}`);
    const handler = kind.open(state, 0);
    return {
      async run(task, ranges) {
        let failure: unknown;
        let failed = false;
        for (let i = 0; i < ranges.length; i += 2) {
          try {
            handler.run(task, ranges[i], ranges[i + 1]);
          } catch (error) {
            if (!failed) failure = error;
            failed = true;
          }
        }
        if (failed) throw failure;
      },
      async close() {},
    };
  },
};
