import {
  fromWireError,
  type PoolEndpoint,
  type PoolReply,
  type PoolRequest,
  type WireError,
} from './protocol.ts';
import type { RowRangeRunner, RowRangeSession } from './runner.ts';

interface PendingRun {
  waiting: number;
  failures: { range: number; error: WireError }[];
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Pending {
  waiting: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A RowRangeRunner over a pool's threads that can also be shut down. */
export interface PoolRunner extends RowRangeRunner {
  /** Stops every thread; runs still pending reject. */
  terminate(): void;
}

/**
 * The coordinator of a pool of threads that serve `servePool`: every session is opened on
 * every thread; a run posts the task to all of them and resolves when each has reported
 * that no range is left. Sessions may overlap; a thread handles one message at a time.
 */
export function createPoolRunner(endpoints: PoolEndpoint[]): PoolRunner {
  let nextSession = 1;
  let nextRun = 1;
  const opening = new Map<number, Pending & { errors: WireError[] }>();
  const closing = new Map<number, Pending>();
  const runs = new Map<number, PendingRun>();
  let broken: Error | null = null;

  const failAll = (error: Error) => {
    broken = error;
    for (const pending of [...opening.values(), ...closing.values(), ...runs.values()]) {
      pending.reject(error);
    }
    opening.clear();
    closing.clear();
    runs.clear();
  };

  const onReply = (reply: PoolReply) => {
    if (reply.type === 'opened') {
      const pending = opening.get(reply.session);
      if (pending === undefined) return;
      if (reply.error) pending.errors.push(reply.error);
      if (--pending.waiting > 0) return;
      opening.delete(reply.session);
      if (pending.errors.length > 0) pending.reject(fromWireError(pending.errors[0]));
      else pending.resolve();
    } else if (reply.type === 'ran') {
      const pending = runs.get(reply.run);
      if (pending === undefined) return;
      pending.failures.push(...reply.failures);
      if (--pending.waiting > 0) return;
      runs.delete(reply.run);
      if (pending.failures.length === 0) return pending.resolve();
      const first = pending.failures.reduce((a, b) => (b.range < a.range ? b : a));
      pending.reject(fromWireError(first.error));
    } else {
      const pending = closing.get(reply.session);
      if (pending !== undefined && --pending.waiting === 0) {
        closing.delete(reply.session);
        pending.resolve();
      }
    }
  };
  for (const endpoint of endpoints) endpoint.listen(onReply, failAll);

  const broadcast = (message: (thread: number) => PoolRequest) => {
    endpoints.forEach((endpoint, thread) => {
      endpoint.postMessage(message(thread));
    });
  };

  const session = (id: number): RowRangeSession => {
    // One counter per session, reset before each run: threads take ranges with Atomics.add.
    const next = new Int32Array(new SharedArrayBuffer(4));
    return {
      run(task, ranges) {
        if (broken) return Promise.reject(broken);
        const run = nextRun++;
        Atomics.store(next, 0, 0);
        return new Promise<void>((resolve, reject) => {
          runs.set(run, { waiting: endpoints.length, failures: [], resolve, reject });
          broadcast(() => ({ type: 'run', session: id, run, task, ranges, next }));
        });
      },
      close() {
        if (broken) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          closing.set(id, { waiting: endpoints.length, resolve, reject });
          broadcast(() => ({ type: 'close', session: id }));
        });
      },
    };
  };

  return {
    threads: endpoints.length,
    sharedMemory: true,
    async open(kind, state) {
      if (broken) throw broken;
      const id = nextSession++;
      await new Promise<void>((resolve, reject) => {
        opening.set(id, { waiting: endpoints.length, errors: [], resolve, reject });
        broadcast((thread) => ({ type: 'open', session: id, kind, state, thread }));
      });
      return session(id);
    },
    terminate() {
      for (const endpoint of endpoints) endpoint.terminate();
      failAll(new Error('the worker pool was shut down'));
    },
  };
}
