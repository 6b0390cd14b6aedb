import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { alsTable, baselineNotes } from '../src/cli/bench/report.ts';
import {
  solverCases,
  summarizeIterations,
  type TimedCase,
  targetLines,
} from '../src/cli/parallel/benchCases.ts';
import type { FitTiming } from './alsBenchWorker.ts';

/**
 * `npm run bench:browser`: ALS training speed inside Chromium, on a pool of Web Workers over
 * SharedArrayBuffers, printed as the same table as `npm run bench`, next to the plain
 * reference implementation run in the same page. Then a 25M-rating run (MovieLens-25M's
 * shape) with its seconds per iteration and the tab's peak memory. Environment:
 *   RECFLOW_BENCH_ITERATIONS  iterations per case (default 6)
 *   RECFLOW_BENCH_WARMUP      iterations of a fit per case before the timed one, while the
 *                             engine compiles and optimises the Wasm kernels (default 3)
 *   RECFLOW_BENCH_THREADS     pool workers (default: navigator.hardwareConcurrency)
 *   RECFLOW_BENCH_BASELINE    0 skips the reference; else its iterations for rank 10
 *                             (default 2; rank 50 always runs 1, it takes about a minute)
 *   RECFLOW_BENCH_25M         0 skips the 25M run
 *   RECFLOW_BENCH_KERNELS     typescript: train with the plain TypeScript kernels instead of
 *                             the WebAssembly SIMD ones, to compare the two
 *
 * CPU time comes from Chromium's process info (CDP SystemInfo.getProcessInfo, renderer
 * processes, where the page and its workers run), sampled at iteration bounds; memory from
 * /proc/<pid>/status of those processes (VmRSS sampled every 50 ms, VmHWM at the end).
 */

const numberFromEnvironment = (name: string, fallback: number) => {
  const text = process.env[name];
  return text === undefined || text === '' ? fallback : Number(text);
};

interface Renderer {
  id: number;
  cpuTime: number;
}

async function renderers(cdp: CDPSession): Promise<Renderer[]> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  return processInfo.filter((info) => info.type === 'renderer');
}

function statusKilobytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples CPU at the page's request and resident memory on a timer. */
class Probe {
  samples: { label: string; cpu: number }[] = [];
  peakRss = 0;
  private timer: NodeJS.Timeout | undefined;
  private pids: number[] = [];

  constructor(private readonly cdp: CDPSession) {}

  async attach(page: Page) {
    await page.exposeFunction('sampleCpu', async (label: string) => {
      const all = await renderers(this.cdp);
      this.pids = all.map((renderer) => renderer.id);
      this.samples.push({ label, cpu: all.reduce((sum, r) => sum + r.cpuTime, 0) });
    });
    this.pids = (await renderers(this.cdp)).map((renderer) => renderer.id);
    this.timer = setInterval(() => {
      const rss = this.pids.reduce((sum, pid) => sum + statusKilobytes(pid, 'VmRSS'), 0);
      this.peakRss = Math.max(this.peakRss, rss * 1024);
    }, 50);
  }

  /** The largest peak RSS (VmHWM) of one renderer: the tab with its workers. */
  highWaterMark(): number {
    return Math.max(0, ...this.pids.map((pid) => statusKilobytes(pid, 'VmHWM') * 1024));
  }

  /** CPU seconds between the samples labelled `from` and `to` of the last fit. */
  cpuBetween(from: string, to: string): number {
    const last = (label: string) => this.samples.findLast((s) => s.label === label)?.cpu;
    const [start, end] = [last(from), last(to)];
    return start === undefined || end === undefined ? Number.NaN : end - start;
  }

  stop() {
    clearInterval(this.timer);
  }
}

async function openBench(page: Page) {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const probe = new Probe(cdp);
  await probe.attach(page);
  await page.goto('/bench/als.html');
  await expect(page.locator('#status')).toHaveText('ready');
  return probe;
}

test.describe.configure({ mode: 'serial' });

test('ALS on the 1m shape: a pool of workers against the reference, per iteration', async ({
  page,
}) => {
  const probe = await openBench(page);
  const iterations = numberFromEnvironment('RECFLOW_BENCH_ITERATIONS', 6);
  const environment = await page.evaluate(() => window.alsBench.environment());
  const threads = numberFromEnvironment('RECFLOW_BENCH_THREADS', environment.threads);
  const baselineIterations = numberFromEnvironment('RECFLOW_BENCH_BASELINE', 2);
  const warmup = numberFromEnvironment('RECFLOW_BENCH_WARMUP', 3);
  const kernels = process.env.RECFLOW_BENCH_KERNELS === 'typescript' ? 'typescript' : 'auto';
  const loadBefore = loadavg()[0];

  const data = await page.evaluate(() => window.alsBench.generate('1m'));
  const results: TimedCase[] = [];
  const oneWorker: number[] = [];
  for (const alsCase of solverCases) {
    // a short fit first: the kernels' compilation and optimisation are not what is measured
    if (warmup > 0) {
      await page.evaluate(([benchCase, options]) => window.alsBench.fit(benchCase, options), [
        alsCase,
        { threads, iterations: warmup },
      ] as const);
    }
    probe.peakRss = 0;
    const timing: FitTiming = await page.evaluate(
      ([benchCase, options]) => window.alsBench.fit(benchCase, options),
      [alsCase, { threads, iterations, kernels }] as const,
    );
    const fast = summarizeIterations(timing.iterationSeconds, {
      rss: probe.peakRss,
      arrayBuffers: timing.stateBytes,
    });
    const cpu = probe.cpuBetween('after iteration 1', 'end') / (iterations - 1);

    let baseline = null;
    let baselineSkipped: string | undefined;
    if (baselineIterations > 0) {
      const n = alsCase.rank > 10 ? 1 : baselineIterations;
      const reference = await page.evaluate(
        ([benchCase, count]) => window.alsBench.reference(benchCase, count),
        [alsCase, n] as const,
      );
      baseline = { ...reference, memoryAfter: { rss: 0, arrayBuffers: 0 } };
    } else {
      baselineSkipped = 'RECFLOW_BENCH_BASELINE=0';
    }
    results.push({ alsCase, fast, baseline, baselineSkipped, cpuSecondsPerIteration: cpu });

    // the same case on one worker, for the speed-up of the pool measured side by side
    const alone: FitTiming = await page.evaluate(
      ([benchCase, options]) => window.alsBench.fit(benchCase, options),
      [alsCase, { threads: 1, iterations: Math.min(iterations, 4), kernels }] as const,
    );
    oneWorker.push(summarizeIterations(alone.iterationSeconds, fast.memory).secondsPerIteration);
  }

  const report = [
    `Chromium ${environment.userAgent.match(/Chrome\/([\d.]+)/)?.[1]}, ` +
      `${environment.threads} hardware threads, cross-origin isolated ` +
      `${environment.crossOriginIsolated}; host ${cpus().length} CPUs, load average ` +
      `${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after`,
    `data: synthetic 1m shape, ${data.users} users, ${data.items} items, ${data.ratings} ` +
      `ratings (generated in the worker in ${data.seconds.toFixed(1)} s)`,
    `ALS: ${iterations} iterations per case on a pool of ${threads} workers, after a ` +
      `${warmup}-iteration warm-up fit; s/iter: median of iterations 2–${iterations}; ` +
      `baseline on one worker; ${kernels === 'auto' ? 'WebAssembly SIMD' : 'TypeScript'} kernels`,
    '  rank 50 trains with the conjugate-gradient solver (3 steps), the others with Cholesky',
    '',
    alsTable(results, data.ratings),
    'RSS MB: peak resident memory of the renderer processes (page and workers), sampled every',
    '  50 ms from /proc; ArrayBuf MB: the training state (ratings layout and factors).',
    ...baselineNotes(results)
      .slice(2)
      .filter((line) => !line.includes('RSS') && !line.includes('memory is read')),
    '  It runs on the bench page’s worker, one thread, with the same data.',
    ...targetLines(results, '1m', threads),
    ...results.map(
      ({ alsCase, fast }, i) =>
        `${alsCase.name}: one worker ${(oneWorker[i] * 1000).toFixed(0)} ms per iteration ` +
        '(median of iterations 2–4), ' +
        `${(oneWorker[i] / fast.secondsPerIteration).toFixed(2)}× slower than ${threads} workers`,
    ),
  ];
  console.log(report.join('\n'));
  probe.stop();
  for (const { fast } of results) expect(fast.secondsPerIteration).toBeGreaterThan(0);
});

test('ALS on the 25m shape: rank 10, 10 iterations within 2 GB of tab memory', async ({ page }) => {
  test.skip(process.env.RECFLOW_BENCH_25M === '0', 'RECFLOW_BENCH_25M=0');
  const probe = await openBench(page);
  const environment = await page.evaluate(() => window.alsBench.environment());
  const threads = numberFromEnvironment('RECFLOW_BENCH_THREADS', environment.threads);
  const loadBefore = loadavg()[0];

  const data = await page.evaluate(() => window.alsBench.generate('25m'));
  const afterGenerate = probe.peakRss;
  const alsCase = solverCases[0];
  const timing: FitTiming = await page.evaluate(
    ([benchCase, options]) => window.alsBench.fit(benchCase, options),
    [alsCase, { threads, iterations: 10 }] as const,
  );
  const fast = summarizeIterations(timing.iterationSeconds, { rss: 0, arrayBuffers: 0 });
  const cpu = probe.cpuBetween('after iteration 1', 'end') / 9;
  const highWater = probe.highWaterMark();
  probe.stop();

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    [
      `25m shape: ${data.users} users, ${data.items} items, ${data.ratings} ratings as Int32 ids ` +
        `and Float32 ratings (${mb(data.bytes)}), generated in the worker in ` +
        `${data.seconds.toFixed(1)} s; load average ${loadBefore.toFixed(2)} before, ` +
        `${loadavg()[0].toFixed(2)} after`,
      `explicit rank 10, 10 iterations on ${threads} workers: ${fast.secondsPerIteration.toFixed(2)} ` +
        `s per iteration (median of 2–10), first iteration ${fast.iterationSeconds[0].toFixed(2)} s ` +
        `(includes indexing), CPU ${cpu.toFixed(2)} s per iteration over all threads`,
      `tab memory: peak RSS ${mb(highWater)} (VmHWM of the renderer process); sampled peak ` +
        `${mb(probe.peakRss)}, ${mb(afterGenerate)} after generating`,
    ].join('\n'),
  );
  expect(highWater).toBeLessThan(2 * 2 ** 30);
  expect(timing.losses.every(Number.isFinite)).toBe(true);
});
