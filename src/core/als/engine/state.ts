import { packedSize } from '../kernels/packed';
import { cgBytesPerObservation, cgScratchLayout, mirrorStride } from '../kernels/wasm/cg-kernel';

/**
 * The whole state of one ALS training in a single buffer: both rating layouts, both factor
 * matrices, the per-row constants, YᵀY of each side and every thread's scratch. Threads get
 * it once per fit as an `AlsState` (byte offsets into the buffer), so nothing is copied per
 * half-step and nothing is duplicated per thread. With the Wasm kernels the buffer is a
 * WebAssembly.Memory, the only memory Wasm code can read; with a pool it is shared.
 */

/** Where one side's arrays sit, in bytes from the start of the buffer. */
export interface SideState {
  rows: number;
  /** Int32 per row: the user or item id the row belongs to, ascending. */
  ids: number;
  /** CSR of this side's observations: Int32 rowStart (rows + 1), Int32 columns, ratings. */
  rowStart: number;
  columns: number;
  ratings: number;
  /** Int32 per row: n of λ·n (explicit: its ratings; implicit: its ratings > 0). */
  counts: number;
  /** f64 per row: Σ c·p² of its observations, for the loss. */
  targetEnergy: number;
  /** f64 per row: the data loss of the row's last solve (user side only is read). */
  rowLoss: number;
  /** f64 rows × rank, row-major. */
  factors: number;
  /** YᵀY of this side's factors, packed, summed from one partial per chunk of rows. */
  gram: number;
  /**
   * For the Wasm CG kernel: YᵀY as a full kp×kp row-major f32 matrix, and the factors as
   * f32 rows of kp lanes, zero padded (kp = rank rounded up to a multiple of 4); 0 when the
   * training does not use them.
   */
  gramFull: number;
  mirror: number;
  gramPartials: number;
  gramChunks: number;
  /** Longest row, which sizes the per-thread observation records. */
  maxRowLength: number;
}

export type Solver = 'cholesky' | 'cg';

export interface AlsState {
  /** The buffer itself: a WebAssembly.Memory for the Wasm kernels, else an (Shared)ArrayBuffer. */
  memory: WebAssembly.Memory | null;
  buffer: ArrayBuffer | SharedArrayBuffer | null;
  /** The compiled kernels for `memory` (null for the plain TypeScript kernels). */
  module: WebAssembly.Module | null;
  rank: number;
  /** Ratings, the length of both sides' columns and ratings. */
  observations: number;
  ratingBytes: 4 | 8;
  implicitPrefs: boolean;
  alpha: number;
  regParam: number;
  nonnegative: boolean;
  solver: Solver;
  cgSteps: number;
  user: SideState;
  item: SideState;
  /** Per-thread scratch areas, `scratchBytes` apart. */
  scratch: number;
  scratchBytes: number;
  threads: number;
}

/** Rows of factors one partial Gram matrix sums: fixed, so the sum never depends on threads. */
export const GRAM_CHUNK_ROWS = 1024;

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** The sizes a layout depends on. */
export interface StateSizes {
  rank: number;
  users: number;
  items: number;
  ratings: number;
  ratingBytes: 4 | 8;
  maxUserRow: number;
  maxItemRow: number;
  threads: number;
  /** Whether the Wasm CG kernel's f32 copies are needed. */
  mirrors: boolean;
}

/** Offsets of one thread's scratch, in bytes from its start. */
export function scratchLayout(rank: number) {
  const vectorBytes = 8 * (rank + (rank % 2));
  const ata = 0;
  const atb = align(8 * packedSize(rank));
  const rhs = atb + vectorBytes;
  const solution = rhs + vectorBytes;
  const cg = solution + vectorBytes;
  return { ata, atb, rhs, solution, cg, records: cg + cgScratchLayout(rank).records };
}

/** Where everything goes, and the bytes the buffer needs. */
export interface StateLayout {
  user: SideState;
  item: SideState;
  scratch: number;
  scratchBytes: number;
  bytes: number;
}

/** Lays out every array of a training with these sizes. */
export function layOutState(sizes: StateSizes): StateLayout {
  let end = 16;
  const take = (bytes: number) => {
    const at = end;
    end = align(end + bytes);
    return at;
  };
  const { rank, ratings } = sizes;
  const stride = mirrorStride(rank);
  const forCg = (bytes: number) => (sizes.mirrors ? take(bytes) : 0);
  const side = (rows: number, maxRowLength: number): SideState => {
    const gramChunks = Math.max(1, Math.ceil(rows / GRAM_CHUNK_ROWS));
    return {
      rows,
      maxRowLength,
      ids: take(4 * rows),
      rowStart: take(4 * (rows + 1)),
      columns: take(4 * ratings),
      ratings: take(sizes.ratingBytes * ratings),
      counts: take(4 * rows),
      targetEnergy: take(8 * rows),
      rowLoss: take(8 * rows),
      // one padding pair after the factors: the Wasm kernels' last 16-byte load of an odd rank
      factors: take(8 * rows * rank + 16),
      gram: take(8 * packedSize(rank)),
      gramFull: forCg(4 * stride * stride),
      mirror: forCg(4 * stride * rows),
      gramPartials: take(8 * packedSize(rank) * gramChunks),
      gramChunks,
    };
  };
  const user = side(sizes.users, sizes.maxUserRow);
  const item = side(sizes.items, sizes.maxItemRow);
  const longestRow = Math.max(sizes.maxUserRow, sizes.maxItemRow);
  const scratchBytes = align(
    scratchLayout(rank).records + cgBytesPerObservation(rank) * longestRow,
  );
  const scratch = take(scratchBytes * sizes.threads);
  return { user, item, scratch, scratchBytes, bytes: end };
}

/** Typed views over the whole buffer; a state's offsets index them (bytes / element size). */
export interface StateViews {
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
}

export function viewsOf(state: AlsState): StateViews {
  const buffer = state.memory !== null ? state.memory.buffer : state.buffer!;
  return {
    f64: new Float64Array(buffer),
    f32: new Float32Array(buffer, 0, Math.floor(buffer.byteLength / 4)),
    i32: new Int32Array(buffer, 0, Math.floor(buffer.byteLength / 4)),
  };
}

/** The ratings of a side as their own typed array view. */
export function ratingsView(state: AlsState, views: StateViews, side: SideState) {
  const length = state.observations;
  return state.ratingBytes === 4
    ? views.f32.subarray(side.ratings / 4, side.ratings / 4 + length)
    : views.f64.subarray(side.ratings / 8, side.ratings / 8 + length);
}

/** A side's arrays as typed views. */
export function sideViews(state: AlsState, views: StateViews, side: SideState) {
  const { rows } = side;
  const rowStart = views.i32.subarray(side.rowStart / 4, side.rowStart / 4 + rows + 1);
  const length = state.observations;
  const k = state.rank;
  return {
    ids: views.i32.subarray(side.ids / 4, side.ids / 4 + rows),
    rowStart,
    columns: views.i32.subarray(side.columns / 4, side.columns / 4 + length),
    ratings: ratingsView(state, views, side),
    counts: views.i32.subarray(side.counts / 4, side.counts / 4 + rows),
    targetEnergy: views.f64.subarray(side.targetEnergy / 8, side.targetEnergy / 8 + rows),
    rowLoss: views.f64.subarray(side.rowLoss / 8, side.rowLoss / 8 + rows),
    factors: views.f64.subarray(side.factors / 8, side.factors / 8 + rows * k),
    gram: views.f64.subarray(side.gram / 8, side.gram / 8 + packedSize(k)),
  };
}
