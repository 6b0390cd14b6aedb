import type { RowRangeRunner } from '../parallel/runner';

/**
 * The public shapes of recflow's ALS: what training takes, reports and returns.
 * Semantics follow Spark ML's `org.apache.spark.ml.recommendation.ALS`.
 */

/** Training parameters in Spark's names; the ALS operation maps its docs names onto these. */
export interface AlsParams {
  rank: number;
  maxIter: number;
  regParam: number;
  alpha: number;
  implicitPrefs: boolean;
  nonnegative: boolean;
  numUserBlocks: number;
  numItemBlocks: number;
  checkpointInterval: number;
  seed: number;
  /**
   * How each row's least-squares problem is solved: 'cholesky' exactly (or by NNLS when
   * nonnegative), 'cg' by `cgSteps` conjugate-gradient steps warm-started from the row's
   * previous factor, as the `implicit` library does: much cheaper at high rank, within 1% of
   * the exact solve's ranking quality on implicit feedback. Not recflow's Spark parameters.
   * @default 'cholesky'
   */
  solver?: AlsSolver;
  /** Conjugate-gradient steps per row and half-step, 1 to 50, for solver 'cg'. @default 3 */
  cgSteps?: number;
}

export type AlsSolver = 'cholesky' | 'cg';

export const sparkAlsDefaults: AlsParams = {
  rank: 10,
  maxIter: 10,
  regParam: 0.1,
  alpha: 1,
  implicitPrefs: false,
  nonnegative: false,
  numUserBlocks: 10,
  numItemBlocks: 10,
  checkpointInterval: 10,
  seed: 1994790107,
};

/** One observation per index: user ids[i] rated item ids[i] with ratings[i]. */
export interface Ratings {
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array | Float64Array;
}

/** Reported after every completed iteration. */
export interface TrainingProgress {
  /** 1-based number of the iteration just completed. */
  iteration: number;
  maxIter: number;
  elapsedMs: number;
  /** Explicit: mean squared error on the training ratings; implicit: the weighted objective. */
  trainingLoss: number;
}

/**
 * A trained model: one factor row per id seen in training, ids sorted ascending.
 * Factors are row-major: the factor of userIds[u] is userFactors[u*rank .. (u+1)*rank).
 */
export interface AlsModel {
  rank: number;
  userIds: Int32Array;
  userFactors: Float64Array;
  itemIds: Int32Array;
  itemFactors: Float64Array;
}

/** The state a training can resume from: factors after `iteration` completed iterations. */
export interface TrainingSnapshot {
  iteration: number;
  params: AlsParams;
  userFactors: Float64Array;
  itemFactors: Float64Array;
  /** The ids the factor rows belong to; when present, resuming checks them against the data. */
  userIds?: Int32Array;
  itemIds?: Int32Array;
  /** Progress of the iterations before the snapshot, so a resumed fit reports all of them. */
  history?: TrainingProgress[];
}

export interface FitHooks {
  onProgress?: (progress: TrainingProgress) => void;
  /** Checked between half-steps; an aborted signal stops training with an AbortedError. */
  signal?: AbortSignal;
  /** Lets a worker answer messages (such as Stop) between half-steps. */
  yieldToEvents?: () => Promise<void>;
  /** Called every `checkpointInterval` iterations with a copy of the state. */
  onCheckpoint?: (snapshot: TrainingSnapshot) => void;
  /** Continue from a snapshot of the same data and parameters instead of the seeded start. */
  resumeFrom?: TrainingSnapshot;
  /**
   * Runs the half-steps' row ranges: a worker pool makes training parallel, with the same
   * bits as without. @default the sequential runner (the calling thread)
   */
  runner?: RowRangeRunner;
  /**
   * 'typescript' trains with the plain TypeScript kernels even where the WebAssembly SIMD
   * ones run: for benchmarks and tests that compare the two. @default 'auto'
   */
  kernels?: 'auto' | 'typescript';
}

export interface AlsFitResult {
  model: AlsModel;
  /** One entry per iteration run (including those before a resume, when known). */
  history: TrainingProgress[];
}

export type ColdStartStrategy = 'nan' | 'drop';
