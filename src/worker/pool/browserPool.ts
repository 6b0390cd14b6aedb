import { createPoolRunner, type PoolRunner } from '../../core/parallel/pool.ts';
import type { PoolEndpoint, PoolReply } from '../../core/parallel/protocol.ts';

/** One module Web Worker as a pool endpoint. */
function workerEndpoint(index: number): PoolEndpoint {
  const worker = new Worker(new URL('./poolWorker.ts', import.meta.url), {
    type: 'module',
    name: `recflow-pool-${index}`,
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onReply, onFailure) {
      worker.onmessage = (event: MessageEvent<PoolReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(new Error(`pool worker ${index} failed: ${event.message}`));
      };
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * Whether this context can share memory with workers: SharedArrayBuffer exists only in a
 * cross-origin isolated page (COOP same-origin, COEP require-corp) and its workers.
 */
export function canSharePool(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

/**
 * A pool of module workers, one per core (`navigator.hardwareConcurrency`), that solves the
 * row ranges of ALS half-steps in parallel over SharedArrayBuffers. Started by recflow's main
 * worker (nested workers), which stays free to answer Stop while the pool computes. Null
 * where memory cannot be shared: training then runs on the main worker alone.
 */
export function startBrowserPool(
  threads = globalThis.navigator?.hardwareConcurrency ?? 1,
): PoolRunner | null {
  if (!canSharePool()) return null;
  const count = Math.max(1, Math.floor(threads));
  return createPoolRunner(Array.from({ length: count }, (_, index) => workerEndpoint(index)));
}
