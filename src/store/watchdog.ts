import type { WorkerHost } from '../worker/client.ts';

/** What a watched task resolves to when its worker stopped answering. */
export const workerLost = Symbol('worker lost');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits for a task running on the worker while making sure the worker is still there: every
 * `intervalMs` it must answer a ping within `timeoutMs`. A worker that ran out of memory or
 * was killed never answers, and its task would otherwise never end.
 */
export async function watchWorker<T>(
  host: WorkerHost,
  task: Promise<T>,
  { intervalMs = 1500, timeoutMs = 10_000 } = {},
): Promise<T | typeof workerLost> {
  let settled = false;
  const done = task.finally(() => {
    settled = true;
  });
  while (true) {
    const finished = await Promise.race([
      done.then(() => true),
      sleep(intervalMs).then(() => false),
    ]);
    if (finished || settled) return done;
    if (!(await host.isAlive(timeoutMs)) && !settled) return workerLost;
  }
}
