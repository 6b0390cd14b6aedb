import { afterEach, describe, expect, it, vi } from 'vitest';
import { canSharePool, startBrowserPool } from './browserPool.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the browser pool', () => {
  it('is not started where memory cannot be shared (no cross-origin isolation)', () => {
    vi.stubGlobal('crossOriginIsolated', false);
    expect(canSharePool()).toBe(false);
    expect(startBrowserPool(2)).toBeNull();
  });

  it('starts one module worker per thread where memory can be shared', () => {
    const started: { url: string; options: WorkerOptions | undefined }[] = [];
    class FakeWorker {
      onmessage: unknown = null;
      onerror: unknown = null;
      constructor(url: URL, options?: WorkerOptions) {
        started.push({ url: String(url), options });
      }
      postMessage() {}
      terminate() {}
    }
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('Worker', FakeWorker);

    const pool = startBrowserPool(3);
    expect(pool?.threads).toBe(3);
    expect(pool?.sharedMemory).toBe(true);
    expect(started.map(({ options }) => options)).toEqual([
      { type: 'module', name: 'recflow-pool-0' },
      { type: 'module', name: 'recflow-pool-1' },
      { type: 'module', name: 'recflow-pool-2' },
    ]);
    expect(started[0].url).toMatch(/poolWorker\.ts$/);
    pool?.terminate();
  });
});
