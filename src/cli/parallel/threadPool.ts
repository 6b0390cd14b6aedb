import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createPoolRunner, type PoolRunner } from '../../core/parallel/pool.ts';
import type { PoolEndpoint, PoolReply } from '../../core/parallel/protocol.ts';

/** One worker_threads Worker as a pool endpoint. */
function threadEndpoint(index: number): PoolEndpoint {
  const worker = new Worker(new URL('./poolThread.mjs', import.meta.url), {
    name: `recflow-pool-${index}`,
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onReply, onFailure) {
      worker.on('message', (reply: PoolReply) => onReply(reply));
      worker.on('error', onFailure);
      worker.on('exit', (code) => {
        if (code !== 0) onFailure(new Error(`pool thread ${index} exited with code ${code}`));
      });
    },
    terminate: () => void worker.terminate(),
  };
}

/**
 * A pool of `threads` worker_threads (one per core by default) that trains ALS in parallel
 * for the command line and the Node benchmark: hand it to fitAls as `runner`. The threads
 * keep the process alive until `terminate()`.
 */
export function startThreadPool(threads = availableParallelism()): PoolRunner {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`a thread pool needs a whole number of threads >= 1, not ${threads}`);
  }
  return createPoolRunner(Array.from({ length: threads }, (_, index) => threadEndpoint(index)));
}
