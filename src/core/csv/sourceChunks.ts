import { throwIfAborted } from '../errors.ts';
import type { CsvSource } from './types.ts';

/**
 * The largest piece handed on at once. It bounds the work done between two checks of the
 * abort signal, and the bytes the tokenizer scans again when a row spans pieces.
 */
export const PIECE_BYTES = 1024 * 1024;

/** Give other tasks (such as the Stop message) a turn after this much uninterrupted work. */
const YIELD_EVERY_MS = 100;

/** The byte size of a source, for progress. */
export function sourceSize(source: CsvSource): number {
  return source instanceof Uint8Array ? source.byteLength : source.size;
}

/**
 * Reads a source from the start, passing its bytes on in pieces of at most `PIECE_BYTES`.
 * Throws an `AbortedError` once the signal fires; a stream being read is cancelled.
 *
 * Awaiting a stream's chunks only lets promise callbacks run, not the message that carries an
 * abort into a worker, so every 100 ms the loop also lets the event loop run other tasks.
 */
export async function forEachPiece(
  source: CsvSource,
  onPiece: (piece: Uint8Array) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  let lastYield = Date.now();
  const handOn = async (chunk: Uint8Array): Promise<void> => {
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      throwIfAborted(signal);
      onPiece(chunk.subarray(at, Math.min(chunk.length, at + PIECE_BYTES)));
      if (Date.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }
  };

  throwIfAborted(signal);
  if (source instanceof Uint8Array) {
    await handOn(source);
    return;
  }

  const stream = source.stream();
  if ('getReader' in stream) {
    const reader = stream.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await handOn(value);
      }
      finished = true;
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    for await (const chunk of stream) await handOn(chunk);
  }
  throwIfAborted(signal);
}

/**
 * Lets queued tasks (such as the message carrying Stop) run, then resumes: `setImmediate` in
 * Node, a `MessageChannel` message in browsers and workers. A zero timeout would also work
 * but browsers stretch nested timeouts to 4 ms.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
