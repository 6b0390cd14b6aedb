/// <reference lib="webworker" />
import { rowRangeKinds } from '../../core/parallel/kinds.ts';
import type { PoolRequest } from '../../core/parallel/protocol.ts';
import { servePool } from '../../core/parallel/serve.ts';

/** One thread of the browser's training pool: see browserPool.ts. */
const handle = servePool(rowRangeKinds, (reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<PoolRequest>) => handle(event.data);
