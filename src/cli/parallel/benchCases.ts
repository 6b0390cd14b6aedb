import { fitAls } from '../../core/als/fit.ts';
import type { Ratings } from '../../core/als/types.ts';
import type { RowRangeRunner } from '../../core/parallel/runner.ts';
import { type AlsCase, type FastTiming, paramsOf } from '../bench/alsCase.ts';
import { collectGarbage, MemorySampler } from '../bench/memory.ts';
import type { CaseResult } from '../bench/report.ts';

/**
 * The three ALS cases of the project's speed table, with the solver each is measured with, and the
 * per-iteration targets on the 1m shape with 2 threads: explicit rank 10 like NumPy/OpenBLAS
 * batched Cholesky solves (31 ms), implicit rank 10 like NumPy (50 ms), implicit rank 50 with
 * conjugate gradient like the `implicit` library (127–155 ms). Shared by `npm run bench` and
 * `npm run bench:browser`.
 */
export interface SolverCase extends AlsCase {
  solver: 'cholesky' | 'cg';
  /** Seconds per iteration to reach on the 1m shape with 2 threads, where one is set. */
  targetSeconds?: number;
}

export const solverCases: SolverCase[] = [
  {
    name: 'explicit rank 10',
    implicitPrefs: false,
    rank: 10,
    solver: 'cholesky',
    targetSeconds: 0.03,
  },
  {
    name: 'implicit rank 10',
    implicitPrefs: true,
    rank: 10,
    solver: 'cholesky',
    targetSeconds: 0.05,
  },
  {
    name: 'implicit rank 50',
    implicitPrefs: true,
    rank: 50,
    solver: 'cg',
    targetSeconds: 0.13,
  },
  { name: 'explicit rank 50', implicitPrefs: false, rank: 50, solver: 'cholesky' },
];

/** A case's result with the CPU time its iterations took across all threads. */
export interface TimedCase extends CaseResult {
  alsCase: SolverCase;
  /** CPU seconds per iteration after the first, summed over threads (NaN where unknown). */
  cpuSecondsPerIteration: number;
}

/**
 * One line per case: the measured time against its target, and the CPU time, which shows
 * what the machine's other load took away (wall ≈ CPU / threads when the cores are free).
 */
export function targetLines(results: TimedCase[], shape: string, threads: number): string[] {
  if (shape !== '1m')
    return ['targets: they are set for the 1m shape; run --shape 1m to compare with them.'];
  return results.flatMap(({ alsCase, fast, cpuSecondsPerIteration }) => {
    if (alsCase.targetSeconds === undefined) return [];
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
    const wall = fast.secondsPerIteration;
    const verdict = wall <= alsCase.targetSeconds ? 'meets' : 'misses';
    const cpu = Number.isFinite(cpuSecondsPerIteration)
      ? `; CPU ${ms(cpuSecondsPerIteration)}/iteration over ${threads} thread(s), ` +
        `${ms(cpuSecondsPerIteration / threads)} per thread`
      : '';
    return [
      `${alsCase.name}: ${ms(wall)} per iteration ${verdict} the target of ` +
        `${ms(alsCase.targetSeconds)}${cpu}`,
    ];
  });
}

/** Median of the iterations after the first, and the first's excess (the setup). */
export function summarizeIterations(
  iterationSeconds: number[],
  memory: FastTiming['memory'],
): FastTiming {
  const timed = iterationSeconds.length > 1 ? iterationSeconds.slice(1) : iterationSeconds;
  const sorted = [...timed].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? sorted[middle]
        : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    secondsPerIteration: median,
    setupSeconds: Math.max(0, iterationSeconds[0] - median),
    iterationSeconds,
    memory,
  };
}

/** CPU seconds this process has used so far, all threads together. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Times `fitAls` for one case on `hooks.runner` (a pool, or undefined for this thread): a
 * timestamp after every iteration, memory sampled between half-steps, and the process's CPU
 * time across threads from the end of the first iteration to the end.
 */
export async function timeSolverCase(
  ratings: Ratings,
  alsCase: SolverCase,
  iterations: number,
  hooks: { runner: RowRangeRunner | undefined; kernels?: 'auto' | 'typescript' },
  onIteration: (iteration: number) => void,
): Promise<{ fast: FastTiming; cpuSecondsPerIteration: number }> {
  collectGarbage();
  const sampler = new MemorySampler();
  sampler.start();
  const iterationSeconds: number[] = [];
  let last = performance.now();
  let cpuAfterFirst = Number.NaN;

  await fitAls(
    ratings,
    { ...paramsOf(alsCase, iterations), solver: alsCase.solver },
    {
      ...hooks,
      yieldToEvents: async () => sampler.sample(),
      onProgress({ iteration }) {
        const now = performance.now();
        iterationSeconds.push((now - last) / 1000);
        last = now;
        if (iteration === 1) cpuAfterFirst = cpuSeconds();
        sampler.sample();
        onIteration(iteration);
      },
    },
  );
  const cpuSecondsPerIteration = (cpuSeconds() - cpuAfterFirst) / (iterations - 1);
  return { fast: summarizeIterations(iterationSeconds, sampler.stop()), cpuSecondsPerIteration };
}
