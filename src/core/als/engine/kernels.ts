import { type CgObservations, conjugateGradientRow, createCgWorkspace } from '../kernels/cg';
import { addObservations, gramMatrix } from '../kernels/normal-equations';
import { packedSize, unpack } from '../kernels/packed';
import { assembleModule } from '../kernels/wasm/assembler';
import { conjugateGradientCode } from '../kernels/wasm/cg-kernel';
import { choleskyRowsCode } from '../kernels/wasm/cholesky-kernel';
import {
  gramCode,
  type NormalKernelShape,
  normalEquationsCode,
} from '../kernels/wasm/normal-kernel';
import { type AlsState, type SideState, type StateViews, scratchLayout } from './state';

/**
 * The inner loops of a training, over byte offsets into the state's buffer: Wasm SIMD where
 * the engine has it, plain TypeScript otherwise. One choice per training (`AlsState.module`),
 * made on the coordinating thread, so every thread runs the same code and a pool's result
 * stays bit-identical to one thread's.
 */
export interface RowKernels {
  /**
   * A (packed, at byte `ata`) += Σ c·y yᵀ and b (at byte `atb`) := Σ β·y over observations
   * [start, end) of `side`, y from the factors at byte `source`; `records` is scratch for
   * one 24-byte record per observation.
   */
  normalEquations(
    side: SideState,
    source: number,
    start: number,
    end: number,
    ata: number,
    atb: number,
    records: number,
  ): void;
  /** out (packed, at byte `out`) += Σ y yᵀ over rows [start, end) of the factors at `factors`. */
  gram(factors: number, start: number, end: number, out: number): void;
  /**
   * CG steps on row x (at byte `x`) of `side` from its observations [start, end), against
   * the factors (and for implicit feedback YᵀY) of `source`; `scratch` has the layout of
   * wasm/cg-kernel.ts. Returns the loss term of kernels/cg.ts (0 without wantLoss).
   */
  conjugateGradient(
    side: SideState,
    source: SideState,
    start: number,
    end: number,
    x: number,
    ridge: number,
    scratch: number,
    wantLoss: boolean,
  ): number;
  /**
   * Solves rows [first, last) of `side` exactly (explicit or implicit, not nonnegative), all
   * in one call: see wasm/cholesky-kernel.ts. Returns −1 or the first row that is not
   * positive definite. Absent for the TypeScript kernels, which solve row by row.
   */
  choleskyRows?(
    side: SideState,
    source: SideState,
    first: number,
    last: number,
    wantLoss: boolean,
    scratch: number,
  ): number;
}

/**
 * Register tiling of the normal-equation kernel (see wasm/tiles.ts), measured on the 1m shape
 * at rank 10: passes of 12 registers over strips of 2 rows. Chromium's V8 folds loads into
 * multiplies, so splatting one row at a time (fewer live registers) is 10–15% faster there;
 * Node 20's V8 (11.3) does not, and runs that order 40% slower. Every order and tiling gives
 * the same bits: each entry of A sums the same products in the same order.
 */
function tiling() {
  const v8 = (globalThis as { process?: { versions?: { v8?: string } } }).process?.versions?.v8;
  const oldV8 = v8 !== undefined && Number.parseInt(v8, 10) < 12;
  return { capacity: 12, stripRows: 2, unroll: 1, fma: false, rowByRow: !oldV8 };
}

/** Whether this engine validates Wasm SIMD (f64x2). */
let simdSupport: boolean | undefined;
function hasWasmSimd(): boolean {
  if (simdSupport === undefined) {
    try {
      const probe = assembleModule(
        [{ name: 'gram', code: gramCode({ k: 2, ratingBytes: 8, ...tiling() }) }],
        false,
      );
      simdSupport = typeof WebAssembly === 'object' && WebAssembly.validate(probe);
    } catch {
      simdSupport = false;
    }
  }
  return simdSupport;
}

/** The module of Wasm kernels for one rank, rating precision and kind of memory. */
export function kernelModuleBytes(
  rank: number,
  ratingBytes: 4 | 8,
  shared: boolean,
): Uint8Array<ArrayBuffer> {
  const shape: NormalKernelShape = { k: rank, ratingBytes, ...tiling() };
  return assembleModule(
    [
      { name: 'normalExplicit', code: normalEquationsCode(shape, false) },
      { name: 'normalImplicit', code: normalEquationsCode(shape, true) },
      { name: 'gram', code: gramCode(shape) },
      { name: 'cgExplicit', code: conjugateGradientCode(rank, ratingBytes, false) },
      { name: 'cgImplicit', code: conjugateGradientCode(rank, ratingBytes, true) },
      // functions 0 and 1 are the normal-equation kernels these call
      { name: 'choleskyExplicit', code: choleskyRowsCode(rank, 0, scratchLayout(rank)) },
      { name: 'choleskyImplicit', code: choleskyRowsCode(rank, 1, scratchLayout(rank)) },
    ],
    shared,
  );
}

/** Compiled kernels by rank, rating width and memory kind: generating rank 50 takes 0.1 s. */
const compiled = new Map<string, WebAssembly.Module | null>();

/**
 * The largest rank the Wasm kernels are generated for: they are unrolled for their rank, and
 * the module grows with its square (rank 64: 1 MB; rank 128: 4 MB, slow to optimise).
 * TODO(als): loop instead of unrolling above this rank, so that such ranks get SIMD too.
 */
const MAX_WASM_RANK = 64;

/**
 * Compiles the Wasm kernels, or returns null where they cannot run: no SIMD, rank 1 (a
 * pair of lanes needs two columns), a rank above MAX_WASM_RANK, or a host that refuses to
 * compile synchronously.
 */
export function compileKernels(
  rank: number,
  ratingBytes: 4 | 8,
  shared: boolean,
): WebAssembly.Module | null {
  if (rank < 2 || rank > MAX_WASM_RANK || !hasWasmSimd()) return null;
  const key = `${rank}/${ratingBytes}/${shared}`;
  if (!compiled.has(key)) {
    try {
      compiled.set(key, new WebAssembly.Module(kernelModuleBytes(rank, ratingBytes, shared)));
    } catch {
      compiled.set(key, null);
    }
  }
  return compiled.get(key) ?? null;
}

interface WasmExports {
  choleskyExplicit(...args: number[]): number;
  choleskyImplicit(...args: number[]): number;
  normalExplicit(...args: number[]): void;
  normalImplicit(...args: number[]): void;
  gram(a: number, y: number, start: number, end: number): void;
  cgExplicit(...args: number[]): number;
  cgImplicit(...args: number[]): number;
}

function wasmKernels(state: AlsState): RowKernels {
  const instance = new WebAssembly.Instance(state.module!, { env: { memory: state.memory! } });
  const exports = instance.exports as unknown as WasmExports;
  const { alpha, cgSteps } = state;
  const normal = state.implicitPrefs ? exports.normalImplicit : exports.normalExplicit;
  const cg = state.implicitPrefs ? exports.cgImplicit : exports.cgExplicit;
  const cholesky = state.implicitPrefs ? exports.choleskyImplicit : exports.choleskyExplicit;
  return {
    choleskyRows(side, source, first, last, wantLoss, scratch) {
      return cholesky(
        source.factors,
        side.columns,
        side.ratings,
        side.rowStart,
        side.counts,
        side.targetEnergy,
        wantLoss ? side.rowLoss : 0,
        side.factors,
        state.implicitPrefs ? source.gram : 0,
        first,
        last,
        state.regParam,
        alpha,
        scratch,
      );
    },
    normalEquations(side, source, start, end, ata, atb, records) {
      normal(ata, atb, source, side.columns, side.ratings, start, end, alpha, records);
    },
    gram(factors, start, end, out) {
      exports.gram(out, factors, start, end);
    },
    conjugateGradient(side, source, start, end, x, ridge, scratch, wantLoss) {
      return cg(
        source.mirror,
        side.columns,
        side.ratings,
        start,
        end,
        alpha,
        x,
        source.gramFull,
        ridge,
        cgSteps,
        scratch,
        wantLoss ? 1 : 0,
      );
    },
  };
}

/**
 * The same maths in TypeScript, on typed views of the state's buffer: for each row c and β
 * of its observations go to scratch arrays, then the 4-at-a-time kernel of
 * normal-equations.ts (or the CG of kernels/cg.ts) runs on them.
 */
function typeScriptKernels(state: AlsState, views: StateViews): RowKernels {
  const { f64, i32 } = views;
  const k = state.rank;
  const longest = Math.max(state.user.maxRowLength, state.item.maxRowLength);
  const weights = new Float64Array(longest);
  const targets = new Float64Array(longest);
  const offsets = new Int32Array(longest);
  const workspace = createCgWorkspace(k);
  const full = new Float64Array(k * k);

  /** c and β (and y's offset in f64) of observations [start, end) into the scratch arrays. */
  const constantsOf = (side: SideState, start: number, end: number, source: number | null) => {
    const ratings =
      state.ratingBytes === 4
        ? views.f32.subarray(side.ratings / 4 + start, side.ratings / 4 + end)
        : f64.subarray(side.ratings / 8 + start, side.ratings / 8 + end);
    const { alpha, implicitPrefs } = state;
    for (let s = 0; s < ratings.length; s++) {
      const rating = ratings[s];
      const weight = implicitPrefs ? alpha * Math.abs(rating) : 1;
      weights[s] = weight;
      targets[s] = !implicitPrefs ? rating : rating > 0 ? 1 + weight : 0;
      if (source !== null) offsets[s] = source / 8 + i32[side.columns / 4 + start + s] * k;
    }
    return ratings.length;
  };

  return {
    normalEquations(side, source, start, end, ata, atb) {
      const count = constantsOf(side, start, end, null);
      const a = f64.subarray(ata / 8, ata / 8 + packedSize(k));
      const b = f64.subarray(atb / 8, atb / 8 + k);
      b.fill(0);
      const columns = i32.subarray(side.columns / 4 + start, side.columns / 4 + end);
      const factors = f64.subarray(source / 8);
      const explicit = !state.implicitPrefs;
      addObservations(a, b, k, factors, columns, explicit ? null : weights, targets, 0, count);
    },
    gram(factors, start, end, out) {
      const partial = new Float64Array(packedSize(k));
      const rows = f64.subarray(factors / 8 + start * k, factors / 8 + end * k);
      gramMatrix(rows, end - start, k, partial);
      for (let t = 0; t < partial.length; t++) f64[out / 8 + t] += partial[t];
    },
    conjugateGradient(side, source, start, end, x, ridge, _scratch, wantLoss) {
      const count = constantsOf(side, start, end, source.factors);
      const observations: CgObservations = { count, offsets, weights, targets };
      let gram: Float64Array | null = null;
      if (state.implicitPrefs) {
        const packed = f64.subarray(source.gram / 8, source.gram / 8 + packedSize(k));
        full.set(unpack(packed, k));
        gram = full;
      }
      const row = f64.subarray(x / 8, x / 8 + k);
      const steps = state.cgSteps;
      const term = conjugateGradientRow(row, k, f64, observations, gram, ridge, steps, workspace);
      return wantLoss ? term : 0;
    },
  };
}

/** The kernels a thread uses for this state. */
export function kernelsFor(state: AlsState, views: StateViews): RowKernels {
  return state.module !== null ? wasmKernels(state) : typeScriptKernels(state, views);
}
