import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';

export type WorkerClient = Comlink.Remote<WorkerApi>;

/** Starts the worker that reads, trains and scores; the page talks to it only through this. */
export function startWorker(): WorkerClient {
  const worker = new Worker(new URL('./entry.ts', import.meta.url), {
    type: 'module',
    name: 'recflow',
  });
  return Comlink.wrap<WorkerApi>(worker);
}

export const { proxy } = Comlink;
