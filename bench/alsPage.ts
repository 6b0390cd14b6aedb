import * as Comlink from 'comlink';
import type { AlsBenchApi } from './alsBenchWorker.ts';

/**
 * The benchmark page: like the app, it keeps nothing heavy on the main thread and talks to
 * one worker, which generates the data and trains (on its own pool of workers). Playwright
 * calls the worker's API through `window.alsBench`.
 */
const worker = new Worker(new URL('./alsBenchWorker.ts', import.meta.url), {
  type: 'module',
  name: 'recflow-bench',
});
const api = Comlink.wrap<AlsBenchApi>(worker);

declare global {
  interface Window {
    alsBench: Comlink.Remote<AlsBenchApi>;
    /** Set by Playwright: lets the worker ask for a CPU-time sample between iterations. */
    sampleCpu?: (label: string) => Promise<void>;
  }
}

window.alsBench = api;
// The worker calls back through this to let Playwright sample CPU time at iteration bounds.
await api.setSampler(
  Comlink.proxy(async (label: string) => {
    await window.sampleCpu?.(label);
  }),
);
document.getElementById('status')!.textContent = 'ready';
