/**
 * How recflow runs a computation over rows on several threads without knowing which threads
 * it has: the computation (a "kind", such as ALS) puts its state in memory every thread can
 * see, and asks a runner to run row ranges against it. The runner is sequential in tests and
 * single-threaded hosts, a pool of Web Workers in the browser and of worker_threads in Node;
 * `core/` only sees this interface, and `worker/` or `cli/` hand in the pool.
 *
 * A range is the unit of work: each runs exactly once, on some thread, in no particular
 * order. A kind must therefore make every range's result independent of the others (each
 * range writes its own rows), which is what keeps a parallel result bit-identical to a
 * sequential one.
 */

/** Runs row ranges of a kind's computation; see the file comment. */
export interface RowRangeRunner {
  /** Threads that run ranges at the same time: 1 for the sequential runner. */
  readonly threads: number;
  /**
   * True when the threads only see memory backed by a SharedArrayBuffer (or a shared
   * WebAssembly.Memory): the kind must then allocate its state that way.
   */
  readonly sharedMemory: boolean;
  /**
   * Gives every thread the state of one computation of `kind` (a name in `rowRangeKinds`);
   * `state` must survive structured cloning. Ranges then run against it until `close`.
   */
  open(kind: string, state: unknown): Promise<RowRangeSession>;
}

export interface RowRangeSession {
  /**
   * Runs `task` on every range [ranges[2i], ranges[2i+1]), spread over the threads, and
   * resolves when all are done. When ranges fail it rejects with the error of the
   * lowest-numbered failing range, after every range has run, so the error does not depend
   * on the number of threads either.
   */
  run(task: number, ranges: Int32Array): Promise<void>;
  /** Lets the threads drop the state. */
  close(): Promise<void>;
}

/** What one thread does with a kind's state: see `RowRangeKind`. */
export interface RowRangeHandler {
  run(task: number, start: number, end: number): void;
}

/** The thread side of a kind: turns the shared state into a handler, once per session. */
export interface RowRangeKind {
  /** `thread` numbers the runner's threads from 0, e.g. to pick a scratch area. */
  open(state: unknown, thread: number): RowRangeHandler;
}

/**
 * Splits rows [0, costs.length) into at most `count` contiguous ranges of about equal total
 * cost, as [start, end) pairs. Dense prefixes keep it O(rows).
 */
export function balancedRanges(costs: ArrayLike<number>, count: number): Int32Array {
  const rows = costs.length;
  let total = 0;
  for (let row = 0; row < rows; row++) total += costs[row];
  const wanted = Math.max(1, Math.min(count, rows));
  const bounds = [0];
  let done = 0;
  for (let row = 0; row < rows; row++) {
    done += costs[row];
    const next = bounds.length;
    if (next < wanted && done >= (total * next) / wanted && row + 1 < rows) bounds.push(row + 1);
  }
  bounds.push(rows);
  const ranges = new Int32Array(2 * (bounds.length - 1));
  for (let i = 0; i + 1 < bounds.length; i++) {
    ranges[2 * i] = bounds[i];
    ranges[2 * i + 1] = bounds[i + 1];
  }
  return ranges;
}
