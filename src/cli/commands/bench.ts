import { availableParallelism } from 'node:os';
import type { Ratings } from '../../core/als/types.ts';
import {
  type MovieLensShapeName,
  movieLensShapes,
  syntheticRatings,
} from '../../core/bench/synthetic.ts';
import type { RowRangeRunner } from '../../core/parallel/runner.ts';
import { type AlsCase, timeReference } from '../bench/alsCase.ts';
import { csvFormats, measureCsvThroughput } from '../bench/csvThroughput.ts';
import { describeMachine, machineLine } from '../bench/machine.ts';
import { alsTable, baselineNotes, csvLine, numpyTargetSeconds } from '../bench/report.ts';
import { type Command, exitCodes, UsageError } from '../command.ts';
import { numberFlag, parseFlags } from '../flags.ts';
import {
  solverCases,
  type TimedCase,
  targetLines,
  timeSolverCase,
} from '../parallel/benchCases.ts';
import { startThreadPool } from '../parallel/threadPool.ts';
import { progressBar } from '../progress.ts';

const usage = `Usage: recflow bench [options]        (npm run bench)

Measures ALS training and CSV reading on synthetic MovieLens-shaped ratings (power-law user
and item degrees, a hidden low-rank model plus noise). For explicit rank 10, implicit rank 10,
implicit rank 50 (with the conjugate-gradient solver) and explicit rank 50 it trains on a
pool of worker threads and reports seconds per iteration (the median of the iterations
after the first, which includes setup), ratings per second, setup time, peak RSS and
ArrayBuffer memory, the CPU time per iteration over all threads, and the same cases with
the plain reference implementation (fitAlsReference, one thread) as a baseline, with the
speed-up; then how each case compares with its target for 2 threads, where one is set.
Then it reads the 1m shape's 1M ratings into Arrow (readCsv) from a 23 MB CSV and from a
26 MB MovieLens-style '::' file, and reports MB/s. The default run takes 1 to 2 minutes on
2 cores.

Options:
  --shape S                 100k, 1m (default), 10m or 25m: the MovieLens release whose
                            users, items and ratings counts the data copies
  --iterations N            ALS iterations per case (default 5, at least 2)
  --baseline-iterations N   iterations of the reference per case; 0 skips it. By default 2
                            for rank 10 and 1 for rank 50 on 100k and 1m, and only explicit
                            rank 10 with 1 iteration on larger shapes (the reference is slow)
  --csv-runs N              reads of the CSV to take the median of (default 3; 0 skips)
  --seed N                  seed of the synthetic data (default 0)
  --threads N               worker threads ALS trains on (default: one per core; 1 trains on
                            the main thread, without a pool)
  --kernels K               auto (WebAssembly SIMD where it runs, the default) or typescript
                            (the plain TypeScript kernels, to compare the two)
  --json                    print one JSON object with every number instead of the report`;

const flagKinds = {
  shape: 'value',
  iterations: 'value',
  'baseline-iterations': 'value',
  'csv-runs': 'value',
  seed: 'value',
  threads: 'value',
  kernels: 'value',
  json: 'switch',
} as const;

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number) {
  if (text === undefined) return fallback;
  const value = numberFlag(flag, text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`--${flag} must be a whole number of at least ${min}; got ${text}.`);
  }
  return value;
}

interface BenchOptions {
  shapeName: MovieLensShapeName;
  iterations: number;
  /** undefined: the default plan of `defaultBaselineIterations`. */
  baselineIterations: number | undefined;
  csvRuns: number;
  seed: number;
  threads: number;
  kernels: 'auto' | 'typescript';
  json: boolean;
}

function kernelsOf(text: string | undefined): 'auto' | 'typescript' {
  if (text === undefined || text === 'auto' || text === 'typescript') return text ?? 'auto';
  throw new UsageError(`--kernels must be auto or typescript; got \`${text}\`.`);
}

function checkOptions(args: string[]): BenchOptions {
  const flags = parseFlags(args, flagKinds);
  const shapeName = (flags.shape ?? '1m') as MovieLensShapeName;
  if (!(shapeName in movieLensShapes)) {
    const names = Object.keys(movieLensShapes).join(', ');
    throw new UsageError(`--shape must be one of ${names}; got \`${flags.shape}\`.`);
  }
  const baselineFlag = flags['baseline-iterations'];
  return {
    shapeName,
    iterations: wholeNumber('iterations', flags.iterations, 5, 2),
    baselineIterations:
      baselineFlag === undefined
        ? undefined
        : wholeNumber('baseline-iterations', baselineFlag, 0, 0),
    csvRuns: wholeNumber('csv-runs', flags['csv-runs'], 3, 0),
    seed: wholeNumber('seed', flags.seed, 0, 0),
    threads: wholeNumber('threads', flags.threads, availableParallelism(), 1),
    kernels: kernelsOf(flags.kernels),
    json: flags.json === true,
  };
}

/** `recflow bench`: ALS speed against the reference, and CSV reading speed. */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'Time ALS (against the reference implementation) and CSV reading on synthetic data',
  usage,
  async run(args) {
    const options = checkOptions(args);
    const { shapeName, seed } = options;
    const say = (line: string) => {
      if (!options.json) process.stdout.write(`${line}\n`);
    };
    const benchStarted = performance.now();

    const machine = describeMachine();
    say(machineLine(machine));
    const generateStarted = performance.now();
    const shape = movieLensShapes[shapeName];
    const ratings = syntheticRatings(shapeName, seed);
    const count = (value: number) => value.toLocaleString('en-US');
    say(
      `data: synthetic ${shapeName} shape, ${count(shape.users)} users, ${count(shape.items)} ` +
        `items, ${count(shape.ratings)} ratings, seed ${seed} ` +
        `(generated in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s)`,
    );
    const timed = options.iterations === 2 ? 'iteration 2' : `iterations 2–${options.iterations}`;
    const threads =
      options.threads === 1 ? 'one thread' : `a pool of ${options.threads} worker threads`;
    say(`ALS: ${options.iterations} iterations per case on ${threads}; s/iter: median of ${timed}`);
    say('  rank 50 trains with the conjugate-gradient solver (3 steps), the others with Cholesky;');
    say(`  each case after an untimed ${WARMUP_ITERATIONS}-iteration fit (kernel compilation);`);
    say(`  ${options.kernels === 'auto' ? 'WebAssembly SIMD' : 'plain TypeScript'} kernels`);

    const results = await measureAls(ratings, options);
    say('');
    say(alsTable(results, shape.ratings));
    for (const line of baselineNotes(results)) say(line);
    for (const line of targetLines(results, shapeName, options.threads)) say(line);

    const csv = [];
    if (options.csvRuns > 0) {
      const csvRatings = syntheticRatings('1m', seed);
      for (const format of csvFormats) {
        const throughput = await measureCsvThroughput(csvRatings, format, options.csvRuns);
        say(csvLine(throughput));
        csv.push(throughput);
      }
    }
    const totalSeconds = (performance.now() - benchStarted) / 1000;
    say(`bench took ${totalSeconds.toFixed(0)} s`);

    if (options.json) {
      const report = {
        machine,
        shape: { name: shapeName, ...shape, seed },
        iterations: options.iterations,
        threads: options.threads,
        cases: results.map(
          ({ alsCase, fast, baseline, baselineSkipped, cpuSecondsPerIteration }) => ({
            ...alsCase,
            ...fast,
            cpuSecondsPerIteration,
            ratingsPerSecond: shape.ratings / fast.secondsPerIteration,
            baseline,
            baselineSkipped: baselineSkipped ?? null,
            speedup: baseline && baseline.secondsPerIteration / fast.secondsPerIteration,
          }),
        ),
        numpyTargetSeconds,
        csv,
        totalSeconds,
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    }
    return exitCodes.ok;
  },
};

/** Iterations of the untimed fit before each case (see measureAls). */
const WARMUP_ITERATIONS = 2;

/**
 * Every case with fitAls (on the pool), then every planned baseline: the reference's garbage
 * would otherwise inflate the next fast run's peak RSS.
 */
async function measureAls(ratings: Ratings, options: BenchOptions): Promise<TimedCase[]> {
  const progress = progressBar();
  const pool = options.threads > 1 ? startThreadPool(options.threads) : undefined;
  const timings: Awaited<ReturnType<typeof timeSolverCase>>[] = [];
  try {
    for (const alsCase of solverCases) {
      const runner: RowRangeRunner | undefined = pool;
      // a short fit first: compiling and optimising the Wasm kernels is not what is measured
      progress.update({ label: alsCase.name, fraction: 0, detail: 'warming up' });
      const { kernels } = options;
      await timeSolverCase(ratings, alsCase, WARMUP_ITERATIONS, { runner, kernels }, () => {});
      const timing = await timeSolverCase(
        ratings,
        alsCase,
        options.iterations,
        { runner, kernels },
        (i) =>
          progress.update({
            label: alsCase.name,
            fraction: i / options.iterations,
            detail: `iteration ${i} of ${options.iterations}`,
          }),
      );
      timings.push(timing);
    }
  } finally {
    pool?.terminate();
  }

  const results = solverCases.map((alsCase, index): TimedCase => {
    const { fast, cpuSecondsPerIteration } = timings[index];
    const planned =
      options.baselineIterations ?? defaultBaselineIterations(options.shapeName, alsCase);
    if (planned === 0) {
      const baselineSkipped =
        options.baselineIterations === 0
          ? '--baseline-iterations 0'
          : `too slow on the ${options.shapeName} shape; --baseline-iterations 1 runs it anyway`;
      return { alsCase, fast, baseline: null, baselineSkipped, cpuSecondsPerIteration };
    }
    progress.update({
      label: `${alsCase.name}, reference`,
      fraction: index / solverCases.length,
      detail: `${planned} iteration(s); it reports nothing until done`,
    });
    const baseline = timeReference(ratings, alsCase, planned);
    return { alsCase, fast, baseline, cpuSecondsPerIteration };
  });
  progress.finish();
  return results;
}

/**
 * How many reference iterations fit the time budget: on the 1m shape one reference iteration
 * takes about 1.5 s at rank 10 and 35 s at implicit rank 50 here; larger shapes scale with them.
 */
function defaultBaselineIterations(shape: MovieLensShapeName, alsCase: AlsCase): number {
  if (shape === '100k' || shape === '1m') return alsCase.rank > 10 ? 1 : 2;
  return !alsCase.implicitPrefs && alsCase.rank === 10 ? 1 : 0;
}
