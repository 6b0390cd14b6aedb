import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';

export type WorkerClient = Comlink.Remote<WorkerApi>;

/**
 * The page's handle on the worker that reads, trains and scores. A worker can die (out of
 * memory, or killed): the host notices when it stops answering and can start a fresh one.
 */
export interface WorkerHost {
  /** The current worker; it changes after a restart. */
  readonly api: WorkerClient;
  /** Resolves false when the worker has not answered within `timeoutMs`. */
  isAlive(timeoutMs: number): Promise<boolean>;
  /** Ends the current worker, whatever its state, and starts a new one. */
  restart(): void;
}

function startWorker(): { worker: Worker; api: WorkerClient } {
  const worker = new Worker(new URL('./entry.ts', import.meta.url), {
    type: 'module',
    name: 'recflow',
  });
  return { worker, api: Comlink.wrap<WorkerApi>(worker) };
}

export function startWorkerHost(): WorkerHost {
  let current = startWorker();
  return {
    get api() {
      return current.api;
    },
    isAlive(timeoutMs) {
      const answer = current.api.ping().then(() => true);
      const silence = new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false));
      return Promise.race([answer, silence]);
    },
    restart() {
      current.worker.terminate();
      current = startWorker();
    },
  };
}

export const { proxy } = Comlink;
