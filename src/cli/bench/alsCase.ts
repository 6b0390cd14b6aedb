import { fitAls, fitAlsReference } from '../../core/als/index.ts';
import { type AlsParams, type Ratings, sparkAlsDefaults } from '../../core/als/types.ts';
import { median } from '../stats.ts';
import { collectGarbage, type MemoryPeak, MemorySampler } from './memory.ts';

/** One ALS configuration the bench measures. */
export interface AlsCase {
  name: string;
  implicitPrefs: boolean;
  rank: number;
}

export const alsCases: AlsCase[] = [
  { name: 'explicit rank 10', implicitPrefs: false, rank: 10 },
  { name: 'implicit rank 10', implicitPrefs: true, rank: 10 },
  { name: 'implicit rank 50', implicitPrefs: true, rank: 50 },
];

export interface FastTiming {
  /** Median wall time of the iterations after the first, or of the only one. */
  secondsPerIteration: number;
  /** Time before the first iteration: first iteration's time minus the median. */
  setupSeconds: number;
  iterationSeconds: number[];
  memory: MemoryPeak;
}

export interface BaselineTiming {
  /** (time with n iterations − time with 0 iterations) / n: a mean, not a median. */
  secondsPerIteration: number;
  iterations: number;
  setupSeconds: number;
  /** Sampled only before and after: the reference runs synchronously. */
  memoryAfter: MemoryPeak;
}

export function paramsOf(alsCase: AlsCase, maxIter: number): AlsParams {
  return { ...sparkAlsDefaults, implicitPrefs: alsCase.implicitPrefs, rank: alsCase.rank, maxIter };
}

/** Times `fitAls`: a timestamp after every iteration, memory sampled between half-steps. */
export async function timeFitAls(
  ratings: Ratings,
  alsCase: AlsCase,
  iterations: number,
  onIteration: (iteration: number) => void,
): Promise<FastTiming> {
  collectGarbage();
  const sampler = new MemorySampler();
  sampler.start();
  const iterationSeconds: number[] = [];
  let last = performance.now();

  await fitAls(ratings, paramsOf(alsCase, iterations), {
    yieldToEvents: async () => sampler.sample(),
    onProgress({ iteration }) {
      const now = performance.now();
      iterationSeconds.push((now - last) / 1000);
      last = now;
      sampler.sample();
      onIteration(iteration);
    },
  });
  const memory = sampler.stop();

  const timed = iterationSeconds.length > 1 ? iterationSeconds.slice(1) : iterationSeconds;
  const secondsPerIteration = median(timed) ?? Number.NaN;
  return {
    secondsPerIteration,
    setupSeconds: Math.max(0, iterationSeconds[0] - secondsPerIteration),
    iterationSeconds,
    memory,
  };
}

/**
 * Times the plain reference implementation. It reports no progress, so it runs twice: with
 * 0 iterations (grouping the ratings and the starting factors) and with n.
 */
export function timeReference(
  ratings: Ratings,
  alsCase: AlsCase,
  iterations: number,
): BaselineTiming {
  collectGarbage();
  const setupStarted = performance.now();
  fitAlsReference(ratings, paramsOf(alsCase, 0));
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  collectGarbage();
  const sampler = new MemorySampler();
  sampler.start();
  const started = performance.now();
  fitAlsReference(ratings, paramsOf(alsCase, iterations));
  const totalSeconds = (performance.now() - started) / 1000;
  const memoryAfter = sampler.stop();

  return {
    secondsPerIteration: Math.max(0, totalSeconds - setupSeconds) / iterations,
    iterations,
    setupSeconds,
    memoryAfter,
  };
}
