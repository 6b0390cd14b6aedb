import type { RowRangeHandler, RowRangeKind } from '../../parallel/runner';
import { notPositiveDefiniteError } from '../half-step';
import { choleskyFactor, choleskySubstitute } from '../kernels/cholesky';
import { createNnlsWorkspace, solveNnls } from '../kernels/nnls';
import { addToDiagonal, packedSize } from '../kernels/packed';
import { mirrorStride } from '../kernels/wasm/cg-kernel';
import { kernelsFor } from './kernels';
import {
  type AlsState,
  GRAM_CHUNK_ROWS,
  type SideState,
  scratchLayout,
  sideViews,
  viewsOf,
} from './state';

/**
 * The tasks of an ALS training, as numbers a runner can send: solve a side's rows, or
 * prepare chunks of a side's factors for solving the other side (YᵀY, f32 copies). The
 * ranges of a solve are rows, those of a prepare task chunks of GRAM_CHUNK_ROWS rows.
 */
export const alsTask = {
  solveUsers: 0,
  solveItems: 1,
  prepareUsers: 2,
  prepareItems: 3,
} as const;

/**
 * The row's data loss from the solution of its normal equations, without revisiting its
 * observations (see half-step.ts, `rowLossOf`): Σ c·p² − xᵀb − λn·|x|².
 */
function lossOfSolution(energy: number, x: Float64Array, b: Float64Array, ridge: number) {
  let xb = 0;
  let xx = 0;
  for (let a = 0; a < x.length; a++) {
    xb += x[a] * b[a];
    xx += x[a] * x[a];
  }
  return energy - xb - ridge * xx;
}

/**
 * One thread's view of a training: solves ranges of rows of either side into that side's
 * factors, and sums chunks of either side's Gram matrix into their partial slots.
 */
function openAls(state: AlsState, thread: number): RowRangeHandler {
  const views = viewsOf(state);
  const kernels = kernelsFor(state, views);
  const k = state.rank;
  const scratch = state.scratch + thread * state.scratchBytes;
  const at = scratchLayout(k);
  const f64At = (byte: number, length: number) => views.f64.subarray(byte / 8, byte / 8 + length);
  const ata = f64At(scratch + at.ata, packedSize(k));
  const atb = f64At(scratch + at.atb, k);
  const rhs = f64At(scratch + at.rhs, k);
  const solution = f64At(scratch + at.solution, k);
  const nnls = createNnlsWorkspace(k);
  const sides = {
    user: { state: state.user, views: sideViews(state, views, state.user) },
    item: { state: state.item, views: sideViews(state, views, state.item) },
  };

  const solveRows = (solved: 'user' | 'item', start: number, end: number) => {
    const destination = sides[solved];
    const source = sides[solved === 'user' ? 'item' : 'user'];
    const { rowStart, counts, targetEnergy, rowLoss, factors } = destination.views;
    const wantLoss = solved === 'user';
    const sourceGram = state.implicitPrefs ? source.views.gram : null;

    if (kernels.choleskyRows && state.solver === 'cholesky' && !state.nonnegative) {
      const failed = kernels.choleskyRows(
        destination.state,
        source.state,
        start,
        end,
        wantLoss,
        scratch,
      );
      if (failed >= 0) {
        const count = rowStart[failed + 1] - rowStart[failed];
        throw notPositiveDefiniteError(
          solved,
          destination.views.ids[failed],
          count,
          k,
          state.regParam,
        );
      }
      return;
    }

    for (let row = start; row < end; row++) {
      const first = rowStart[row];
      const last = rowStart[row + 1];
      const ridge = state.regParam * counts[row];

      if (state.solver === 'cg') {
        const x = destination.state.factors + 8 * k * row;
        const term = kernels.conjugateGradient(
          destination.state,
          source.state,
          first,
          last,
          x,
          ridge,
          scratch + at.cg,
          wantLoss,
        );
        if (wantLoss) rowLoss[row] = targetEnergy[row] - term;
        continue;
      }

      if (sourceGram === null) ata.fill(0);
      else ata.set(sourceGram);
      kernels.normalEquations(
        destination.state,
        source.state.factors,
        first,
        last,
        scratch + at.ata,
        scratch + at.atb,
        scratch + at.records,
      );
      addToDiagonal(ata, k, ridge);
      rhs.set(atb);
      if (state.nonnegative) {
        solveNnls(ata, atb, k, solution, nnls);
      } else {
        if (choleskyFactor(ata, k) >= 0) {
          const id = destination.views.ids[row];
          throw notPositiveDefiniteError(solved, id, last - first, k, state.regParam);
        }
        choleskySubstitute(ata, k, atb);
        solution.set(atb);
      }
      factors.set(solution, row * k);
      if (wantLoss) rowLoss[row] = lossOfSolution(targetEnergy[row], solution, rhs, ridge);
    }
  };

  /**
   * What solving the other side needs of this side's factors, one chunk of rows at a time:
   * each chunk's part of YᵀY (implicit feedback) and their f32 copy (the Wasm CG kernel).
   */
  const prepareChunks = (side: SideState, start: number, end: number) => {
    const size = packedSize(k);
    const factors = sides[side === state.user ? 'user' : 'item'].views.factors;
    const stride = mirrorStride(k);
    for (let chunk = start; chunk < end; chunk++) {
      const first = chunk * GRAM_CHUNK_ROWS;
      const last = Math.min(side.rows, first + GRAM_CHUNK_ROWS);
      if (state.implicitPrefs) {
        const out = side.gramPartials + 8 * size * chunk;
        f64At(out, size).fill(0);
        kernels.gram(side.factors, first, last, out);
      }
      if (side.mirror !== 0) {
        const mirror = views.f32;
        for (let row = first; row < last; row++) {
          for (let a = 0; a < k; a++)
            mirror[side.mirror / 4 + row * stride + a] = factors[row * k + a];
        }
      }
    }
  };

  return {
    run(task, start, end) {
      switch (task) {
        case alsTask.solveUsers:
          return solveRows('user', start, end);
        case alsTask.solveItems:
          return solveRows('item', start, end);
        case alsTask.prepareUsers:
          return prepareChunks(state.user, start, end);
        case alsTask.prepareItems:
          return prepareChunks(state.item, start, end);
        default:
          throw new Error(`unknown ALS task ${task}`);
      }
    },
  };
}

export const alsRowRangeKind: RowRangeKind = {
  open: (state, thread) => openAls(state as AlsState, thread),
};
