import { RecflowError } from '../../errors';
import { groupByColumnInto, type RatedRows, transposeRowsInto } from '../csr';
import { indexIds } from '../ids';
import type { AlsParams, Ratings } from '../types';
import { compileKernels } from './kernels';
import {
  type AlsState,
  layOutState,
  type SideState,
  type StateViews,
  sideViews,
  viewsOf,
} from './state';

/** How the state's memory must be made, from the runner and the caller. */
export interface BuildOptions {
  threads: number;
  /** The runner's threads see only shared memory. */
  shared: boolean;
  /** 'typescript' skips the Wasm kernels (benchmarks and tests compare the two). */
  kernels: 'auto' | 'typescript';
}

export interface BuiltState {
  state: AlsState;
  views: StateViews;
  userIds: Int32Array;
  itemIds: Int32Array;
}

const PAGE_BYTES = 65536;
const MAX_PAGES = 65536;

function longestRow(positions: Int32Array, rows: number): number {
  const lengths = new Int32Array(rows);
  let longest = 0;
  for (let i = 0; i < positions.length; i++) {
    const length = ++lengths[positions[i]];
    if (length > longest) longest = length;
  }
  return longest;
}

function allocate(bytes: number, shared: boolean, wasm: boolean) {
  const pages = Math.ceil(bytes / PAGE_BYTES);
  const size =
    bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
  if (pages > MAX_PAGES) {
    throw new RecflowError(
      `training needs ${size} of memory, more than the 4 GiB one training can address; ` +
        'train on fewer ratings or a lower rank.',
    );
  }
  try {
    if (wasm) {
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
      return { memory, buffer: null };
    }
    const buffer = shared ? new SharedArrayBuffer(pages * PAGE_BYTES) : new ArrayBuffer(bytes);
    return { memory: null, buffer };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RecflowError(
      `training needs ${size} of memory, which could not be had (${error.message}); close ` +
        'other tabs, or train on fewer ratings or a lower rank.',
    );
  }
}

/**
 * The per-row constants of the normal equations, fixed for the whole training:
 *   explicit: n = number of ratings, Σ c·p² = Σ r²
 *   implicit: n = number of ratings > 0, Σ c·p² = Σ_{r>0} (1 + alpha·|r|)
 * (c and β per observation are derived from the rating inside the kernels.)
 */
function fillRowConstants(
  rows: RatedRows,
  counts: Int32Array,
  energy: Float64Array,
  params: AlsParams,
) {
  const { rowStart, ratings } = rows;
  for (let row = 0; row + 1 < rowStart.length; row++) {
    let count = 0;
    let sum = 0;
    for (let s = rowStart[row]; s < rowStart[row + 1]; s++) {
      const rating = ratings[s];
      if (!params.implicitPrefs) {
        count++;
        sum += rating * rating;
      } else if (rating > 0) {
        count++;
        sum += 1 + params.alpha * Math.abs(rating);
      }
    }
    counts[row] = count;
    energy[row] = sum;
  }
}

/**
 * Indexes the ids and lays the ratings out in a training state: by item (users ascending
 * within an item) straight from the input, then by user as its transpose (items ascending).
 * Factors are left at 0 for the caller to initialise. Peak memory beside the input: two
 * Int32 positions and one Int32 permutation per rating, then the state itself.
 */
export function buildAlsState(
  ratings: Ratings,
  params: AlsParams,
  options: BuildOptions,
): BuiltState {
  const users = indexIds(ratings.users);
  const items = indexIds(ratings.items);
  const ratingBytes = ratings.ratings instanceof Float32Array ? 4 : 8;
  const solver = params.solver ?? 'cholesky';
  const module =
    options.kernels === 'typescript'
      ? null
      : compileKernels(params.rank, ratingBytes, options.shared);
  const layout = layOutState({
    rank: params.rank,
    users: users.ids.length,
    items: items.ids.length,
    ratings: ratings.users.length,
    ratingBytes,
    maxUserRow: longestRow(users.positions, users.ids.length),
    maxItemRow: longestRow(items.positions, items.ids.length),
    threads: options.threads,
    mirrors: module !== null && solver === 'cg',
  });

  const { memory, buffer } = allocate(layout.bytes, options.shared, module !== null);
  const state: AlsState = {
    memory,
    buffer,
    module,
    rank: params.rank,
    observations: ratings.users.length,
    ratingBytes,
    implicitPrefs: params.implicitPrefs,
    alpha: params.alpha,
    regParam: params.regParam,
    nonnegative: params.nonnegative,
    solver,
    cgSteps: params.cgSteps ?? 3,
    user: layout.user,
    item: layout.item,
    scratch: layout.scratch,
    scratchBytes: layout.scratchBytes,
    threads: options.threads,
  };

  const views = viewsOf(state);
  const byItem = sideViews(state, views, state.item);
  const byUser = sideViews(state, views, state.user);
  byUser.ids.set(users.ids);
  byItem.ids.set(items.ids);
  groupByColumnInto(users.positions, items.positions, ratings.ratings, users.ids.length, byItem);
  transposeRowsInto(byItem, byUser);
  const sides: [SideState, typeof byUser][] = [
    [state.user, byUser],
    [state.item, byItem],
  ];
  for (const [, side] of sides) fillRowConstants(side, side.counts, side.targetEnergy, params);
  return { state, views, userIds: users.ids, itemIds: items.ids };
}
