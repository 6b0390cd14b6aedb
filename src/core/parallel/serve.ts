import { type PoolReply, type PoolRequest, toWireError } from './protocol.ts';
import type { RowRangeHandler, RowRangeKind } from './runner.ts';

/**
 * The thread side of a pool: opens sessions with the named kinds, and for each run takes
 * ranges from the shared counter until none are left, then reports the ranges that failed.
 * Returns the function to call with every message the coordinator sends.
 */
export function servePool(
  kinds: Readonly<Record<string, RowRangeKind>>,
  reply: (message: PoolReply) => void,
): (request: PoolRequest) => void {
  const sessions = new Map<number, RowRangeHandler>();

  return (request) => {
    switch (request.type) {
      case 'open': {
        try {
          const kind = kinds[request.kind];
          if (kind === undefined) throw new Error(`no row-range kind named ${request.kind}`);
          sessions.set(request.session, kind.open(request.state, request.thread));
          reply({ type: 'opened', session: request.session });
        } catch (error) {
          reply({ type: 'opened', session: request.session, error: toWireError(error) });
        }
        return;
      }
      case 'run': {
        const { session, run, task, ranges, next } = request;
        const handler = sessions.get(session);
        const failures: { range: number; error: ReturnType<typeof toWireError> }[] = [];
        const count = ranges.length / 2;
        for (;;) {
          const range = Atomics.add(next, 0, 1);
          if (range >= count) break;
          try {
            if (handler === undefined) throw new Error(`session ${session} is not open here`);
            handler.run(task, ranges[2 * range], ranges[2 * range + 1]);
          } catch (error) {
            failures.push({ range, error: toWireError(error) });
          }
        }
        reply({ type: 'ran', session, run, failures });
        return;
      }
      case 'close':
        sessions.delete(request.session);
        reply({ type: 'closed', session: request.session });
        return;
    }
  };
}
