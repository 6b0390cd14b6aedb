import { afterEach, describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { createPoolRunner, type PoolRunner } from './pool.ts';
import type { PoolEndpoint, PoolReply, PoolRequest } from './protocol.ts';
import { balancedRanges, type RowRangeKind } from './runner.ts';
import { servePool } from './serve.ts';

/**
 * A kind that counts how often each row ran; task 1 also fails on rows listed in the state,
 * with a RecflowError naming the row.
 */
const countingKind: RowRangeKind = {
  open(state) {
    const { counts, failing } = state as { counts: Int32Array; failing: number[] };
    return {
      run(task, start, end) {
        for (let row = start; row < end; row++) {
          Atomics.add(counts, row, 1);
          if (task === 1 && failing.includes(row)) throw new RecflowError(`row ${row} failed`);
        }
      },
    };
  },
};

/** Threads simulated on this thread: servePool behind a MessageChannel, as a Worker would be. */
function channelEndpoint(): PoolEndpoint {
  const { port1, port2 } = new MessageChannel();
  const handle = servePool({ counting: countingKind }, (reply) => port2.postMessage(reply));
  port2.onmessage = (event: MessageEvent<PoolRequest>) => handle(event.data);
  return {
    postMessage: (message) => port1.postMessage(message),
    listen(onReply) {
      port1.onmessage = (event: MessageEvent<PoolReply>) => onReply(event.data);
    },
    terminate() {
      port1.close();
      port2.close();
    },
  };
}

let pool: PoolRunner | undefined;
afterEach(() => pool?.terminate());

const sharedCounts = (rows: number) => new Int32Array(new SharedArrayBuffer(4 * rows));

describe('a pool runner', () => {
  it('runs every range exactly once, spread over its threads', async () => {
    pool = createPoolRunner([channelEndpoint(), channelEndpoint(), channelEndpoint()]);
    const counts = sharedCounts(100);
    const session = await pool.open('counting', { counts, failing: [] });
    await session.run(0, balancedRanges(new Float64Array(100).fill(1), 17));
    await session.run(0, balancedRanges(new Float64Array(100).fill(1), 5));
    expect([...counts]).toEqual(new Array(100).fill(2));
    await session.close();
  });

  it('rejects with the error of the lowest failing range, after running all of them', async () => {
    pool = createPoolRunner([channelEndpoint(), channelEndpoint()]);
    const counts = sharedCounts(40);
    const session = await pool.open('counting', { counts, failing: [33, 7, 21] });
    const failure = session.run(1, balancedRanges(new Float64Array(40).fill(1), 8));
    await expect(failure).rejects.toThrow(RecflowError);
    await expect(failure).rejects.toThrow('row 7 failed');
    // each failing range stops at its failure; the others ran to the end
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(30);
  });

  it('keeps sessions apart', async () => {
    pool = createPoolRunner([channelEndpoint(), channelEndpoint()]);
    const [first, second] = [sharedCounts(10), sharedCounts(10)];
    const one = await pool.open('counting', { counts: first, failing: [] });
    const two = await pool.open('counting', { counts: second, failing: [] });
    await Promise.all([one.run(0, Int32Array.of(0, 10)), two.run(0, Int32Array.of(0, 5))]);
    expect([...first]).toEqual(new Array(10).fill(1));
    expect([...second]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('says which kind it does not know', async () => {
    pool = createPoolRunner([channelEndpoint()]);
    await expect(pool.open('nothing', {})).rejects.toThrow('no row-range kind named nothing');
  });

  it('fails pending runs once terminated', async () => {
    pool = createPoolRunner([channelEndpoint()]);
    const session = await pool.open('counting', { counts: sharedCounts(4), failing: [] });
    pool.terminate();
    await expect(session.run(0, Int32Array.of(0, 4))).rejects.toThrow('shut down');
  });
});

describe('balancedRanges', () => {
  it('splits rows into contiguous ranges of about equal cost', () => {
    const costs = Float64Array.from([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const ranges = balancedRanges(costs, 2);
    expect([...ranges]).toEqual([0, 1, 1, 11]);
    expect([...balancedRanges(new Float64Array(3).fill(1), 10)]).toEqual([0, 1, 1, 2, 2, 3]);
    expect([...balancedRanges(new Float64Array(0), 4)]).toEqual([0, 0]);
  });
});
