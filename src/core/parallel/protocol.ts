import { RecflowError } from '../errors.ts';

/**
 * The messages between a pool's coordinator and its threads, the same for Web Workers and
 * worker_threads. The heavy data never travels here: it sits in shared memory named by the
 * `open` state; a run sends only its task number and ranges, and threads take ranges from a
 * shared counter, so a fast thread takes more of them.
 */

export type PoolRequest =
  | { type: 'open'; session: number; kind: string; state: unknown; thread: number }
  | {
      type: 'run';
      session: number;
      run: number;
      task: number;
      ranges: Int32Array;
      /** Int32Array over a SharedArrayBuffer: [0] is the next range to take. */
      next: Int32Array;
    }
  | { type: 'close'; session: number };

/** An error as it crosses threads: enough to rebuild it with its name and message. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  row?: number;
}

export type PoolReply =
  | { type: 'opened'; session: number; error?: WireError }
  | { type: 'ran'; session: number; run: number; failures: { range: number; error: WireError }[] }
  | { type: 'closed'; session: number };

/** One thread of a pool as the coordinator sees it: a Worker or a worker_threads Worker. */
export interface PoolEndpoint {
  postMessage(message: PoolRequest): void;
  /** Calls `onReply` with every message from the thread, `onFailure` if the thread dies. */
  listen(onReply: (reply: PoolReply) => void, onFailure: (error: Error) => void): void;
  terminate(): void;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const row = (error as { row?: unknown }).row;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      ...(typeof row === 'number' ? { row } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The error a WireError describes, as the class recflow uses for it where it can. */
export function fromWireError(wire: WireError): Error {
  const error =
    wire.name === 'RecflowError'
      ? new RecflowError(wire.message, { row: wire.row })
      : Object.assign(new Error(wire.message), { name: wire.name });
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}
