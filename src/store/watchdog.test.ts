import { describe, expect, it } from 'vitest';
import type { WorkerHost } from '../worker/client.ts';
import { watchWorker, workerLost } from './watchdog.ts';

const host = (alive: () => boolean): WorkerHost =>
  ({ isAlive: async () => alive(), restart: () => {} }) as unknown as WorkerHost;

describe('watching the worker', () => {
  it('passes on the result of a task that ends', async () => {
    const task = new Promise((resolve) => setTimeout(resolve, 30, 'done'));
    expect(
      await watchWorker(
        host(() => true),
        task,
        { intervalMs: 5 },
      ),
    ).toBe('done');
  });

  it('passes on the failure of a task that fails', async () => {
    const task = Promise.reject(new Error('bad file'));
    await expect(
      watchWorker(
        host(() => true),
        task,
        { intervalMs: 5 },
      ),
    ).rejects.toThrow('bad file');
  });

  it('gives up on a task whose worker stops answering', async () => {
    let pings = 0;
    const forever = new Promise(() => {});
    const outcome = await watchWorker(
      host(() => ++pings < 3),
      forever,
      { intervalMs: 5 },
    );
    expect(outcome).toBe(workerLost);
    expect(pings).toBe(3);
  });
});
