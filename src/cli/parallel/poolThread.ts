import { parentPort } from 'node:worker_threads';
import { rowRangeKinds } from '../../core/parallel/kinds.ts';
import type { PoolRequest } from '../../core/parallel/protocol.ts';
import { servePool } from '../../core/parallel/serve.ts';

/** Serves the coordinator in threadPool.ts: opens sessions and runs their row ranges. */
const port = parentPort!;
const handle = servePool(rowRangeKinds, (reply) => port.postMessage(reply));
port.on('message', (request: PoolRequest) => handle(request));
