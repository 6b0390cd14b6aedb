/**
 * Row-range parallelism: the runner contract core/ computes against, the sequential runner,
 * and the pool coordinator and thread loop that worker/ and cli/ wrap around their threads.
 */

export { rowRangeKinds } from './kinds.ts';
export { createPoolRunner, type PoolRunner } from './pool.ts';
export type { PoolEndpoint, PoolReply, PoolRequest, WireError } from './protocol.ts';
export {
  balancedRanges,
  type RowRangeHandler,
  type RowRangeKind,
  type RowRangeRunner,
  type RowRangeSession,
} from './runner.ts';
export { sequentialRunner } from './sequential.ts';
export { servePool } from './serve.ts';
