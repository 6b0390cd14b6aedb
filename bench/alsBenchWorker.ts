/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { fitAls, fitAlsReference } from '../src/core/als/index.ts';
import type { AlsParams, Ratings } from '../src/core/als/types.ts';
import { sparkAlsDefaults } from '../src/core/als/types.ts';
import { type MovieLensShapeName, syntheticRatings } from '../src/core/bench/synthetic.ts';
import type { PoolRunner } from '../src/core/parallel/pool.ts';
import { startBrowserPool } from '../src/worker/pool/browserPool.ts';

/** One ALS configuration, as in `npm run bench`. */
export interface BenchCase {
  name: string;
  implicitPrefs: boolean;
  rank: number;
  solver: 'cholesky' | 'cg';
}

export interface FitTiming {
  /** Wall seconds of each iteration; the first includes indexing the ratings. */
  iterationSeconds: number[];
  /** SHA-256 of the user factors' bytes, then the item factors'. */
  modelHash: string;
  losses: number[];
  /** Bytes of the training state (ratings layout, factors, scratch). */
  stateBytes: number;
}

const paramsOf = (benchCase: BenchCase, maxIter: number): AlsParams => ({
  ...sparkAlsDefaults,
  implicitPrefs: benchCase.implicitPrefs,
  rank: benchCase.rank,
  solver: benchCase.solver,
  maxIter,
});

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What the bench page asks of its worker. The ratings stay here between calls, as typed
 * arrays (Int32 ids, Float32 ratings); pools are started once per size and kept.
 */
export class AlsBenchApi {
  private ratings: Ratings | null = null;
  private readonly pools = new Map<number, PoolRunner | null>();
  private sample: (label: string) => Promise<void> = async () => {};

  setSampler(sample: (label: string) => Promise<void>): void {
    this.sample = sample;
  }

  environment() {
    return {
      threads: navigator.hardwareConcurrency,
      crossOriginIsolated: self.crossOriginIsolated,
      userAgent: navigator.userAgent,
    };
  }

  /** Generates a MovieLens-shaped synthetic set in this worker; returns its size and time. */
  generate(shape: MovieLensShapeName, seed = 0) {
    this.ratings = null;
    const started = performance.now();
    const ratings = syntheticRatings(shape, seed);
    this.ratings = { users: ratings.users, items: ratings.items, ratings: ratings.ratings };
    return {
      ...ratings.shape,
      seconds: (performance.now() - started) / 1000,
      bytes: ratings.users.byteLength + ratings.items.byteLength + ratings.ratings.byteLength,
    };
  }

  drop(): void {
    this.ratings = null;
  }

  private pool(threads: number): PoolRunner | undefined {
    if (threads === 0) return undefined;
    if (!this.pools.has(threads)) this.pools.set(threads, startBrowserPool(threads));
    const pool = this.pools.get(threads);
    if (pool === null) {
      throw new Error('no worker pool here: the page is not cross-origin isolated');
    }
    return pool;
  }

  /**
   * Trains `iterations` iterations on a pool of `threads` workers (0: on this worker alone)
   * and times each. After the first iteration and at the end it asks Playwright for a CPU
   * sample, so the CPU time of iterations 2..n can be told apart from the setup's.
   */
  async fit(
    benchCase: BenchCase,
    options: { threads: number; iterations: number; kernels?: 'auto' | 'typescript' },
  ): Promise<FitTiming> {
    if (this.ratings === null) throw new Error('generate the ratings first');
    const runner = this.pool(options.threads);
    const iterationSeconds: number[] = [];
    let last = performance.now();
    let sampleDue = false;
    await this.sample('start');
    const { model, history } = await fitAls(this.ratings, paramsOf(benchCase, options.iterations), {
      runner,
      kernels: options.kernels ?? 'auto',
      onProgress: ({ iteration }) => {
        const now = performance.now();
        iterationSeconds.push((now - last) / 1000);
        last = now;
        sampleDue = iteration === 1;
      },
      yieldToEvents: async () => {
        if (!sampleDue) return;
        sampleDue = false;
        await this.sample('after iteration 1');
        last = performance.now();
      },
    });
    await this.sample('end');
    const k = model.rank;
    const stateBytes =
      8 * k * (model.userIds.length + model.itemIds.length) +
      this.ratings.users.length * (2 * 4 + 2 * this.ratings.ratings.BYTES_PER_ELEMENT);
    const factors = new Uint8Array(model.userFactors.byteLength + model.itemFactors.byteLength);
    factors.set(new Uint8Array(model.userFactors.buffer), 0);
    factors.set(new Uint8Array(model.itemFactors.buffer), model.userFactors.byteLength);
    return {
      iterationSeconds,
      modelHash: await sha256(factors.buffer),
      losses: history.map((entry) => entry.trainingLoss),
      stateBytes,
    };
  }

  /**
   * The plain reference implementation on this worker: (time of n iterations − time of 0)
   * / n, as `npm run bench` times it.
   */
  reference(benchCase: BenchCase, iterations: number) {
    if (this.ratings === null) throw new Error('generate the ratings first');
    const setupStarted = performance.now();
    fitAlsReference(this.ratings, paramsOf(benchCase, 0));
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const started = performance.now();
    fitAlsReference(this.ratings, paramsOf(benchCase, iterations));
    const totalSeconds = (performance.now() - started) / 1000;
    return {
      secondsPerIteration: Math.max(0, totalSeconds - setupSeconds) / iterations,
      setupSeconds,
      iterations,
    };
  }
}

Comlink.expose(new AlsBenchApi(), self);
