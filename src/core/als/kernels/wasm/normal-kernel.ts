import { Code, f64, i32, v128 } from './assembler';
import { type Accumulator, laneTarget, type Pass, pairsOf, planPasses } from './tiles';

/**
 * Generates the Wasm functions that build one ALS row's normal equations, unrolled for one
 * rank k (every offset a constant, every accumulator a register):
 *
 *   normalExplicit / normalImplicit(a, b, y, columns, ratings, start, end, alpha, records)
 *     A (packed upper, at byte offset `a`) += Σ_s c_s·y_s y_sᵀ and b := Σ_s β_s·y_s over the
 *     observations s ∈ [start, end) of a CSR layout, y_s the factor row `columns[s]` of the
 *     k-column matrix at `y`; explicit c = 1, β = r; implicit c = alpha·|r|, β = 1 + c if
 *     r > 0 else 0. First one sweep writes a 24-byte record per observation (the address of
 *     y_s, c, β) at `records`; then each pass of `planPasses` sweeps the records.
 *   gram(a, y, start, end)
 *     A += Σ_j y_j y_jᵀ over the dense rows j ∈ [start, end): YᵀY, one chunk of it.
 *
 * Lanes are added in a fixed order, so the results are a pure function of the inputs.
 */

/** Bytes per observation record: i32 address, 4 bytes padding, f64 c, f64 β. */
export const RECORD_BYTES = 24;

export interface NormalKernelShape {
  k: number;
  /** 4 for Float32 ratings, 8 for Float64. */
  ratingBytes: 4 | 8;
  /** Registers per pass; see planPasses. */
  capacity: number;
  stripRows: number;
  /** Observations per loop iteration. */
  unroll: number;
  /** Multiply-add with relaxed SIMD's f64x2.relaxed_madd instead of f64x2.mul + add. */
  fma: boolean;
  /** Splat one row of c·y at a time and load pairs where used (fewer live registers). */
  rowByRow?: boolean;
}

/** Adds every accumulator lane into its entry of A (or stores it into b). */
function flush(
  code: Code,
  accumulators: Accumulator[],
  locals: number[],
  k: number,
  a: number,
  b: number,
) {
  const pairs = pairsOf(k);
  accumulators.forEach((acc, i) => {
    for (const lane of [0, 1] as const) {
      const target = laneTarget(acc, lane, k, pairs);
      if (target < 0) continue;
      if (acc.row === 'b') {
        code
          .get(b)
          .get(locals[i])
          .f64x2ExtractLane(lane)
          .f64Store(8 * target);
      } else {
        code
          .get(a)
          .get(a)
          .f64Load(8 * target);
        code
          .get(locals[i])
          .f64x2ExtractLane(lane)
          .f64Add()
          .f64Store(8 * target);
      }
    }
  });
}

interface SweepLocals {
  accumulators: number[];
  /** Per unrolled observation: splats of c·y_row, loaded pairs, the β splat, row, c. */
  lanes: {
    splats: number[];
    loaded: number[];
    rhsSplat: number;
    row: number;
    weight: number;
  }[];
  cursor: number;
  end: number;
}

function sweepLocals(code: Code, passes: Pass[], k: number, unroll: number): SweepLocals {
  const most = (count: (pass: Pass) => number) => Math.max(...passes.map(count));
  const locals = (count: number, type: typeof v128) =>
    Array.from({ length: count }, () => code.local(type));
  return {
    accumulators: locals(
      most((pass) => pass.accumulators.length),
      v128,
    ),
    lanes: Array.from({ length: unroll }, () => ({
      splats: locals(k, v128),
      loaded: locals(pairsOf(k).length, v128),
      rhsSplat: code.local(v128),
      row: code.local(i32),
      weight: code.local(f64),
    })),
    cursor: code.local(i32),
    end: code.local(i32),
  };
}

/** How a sweep walks its observations: records of RECORD_BYTES, or dense factor rows. */
interface Walk {
  /** Bytes from one observation to the next. */
  stride: number;
  weighted: boolean;
  fma: boolean;
  rowByRow: boolean;
  /** Emits: load observation `j` (at cursor + j·stride) into `lane` (row address, c, β). */
  load: (lane: SweepLocals['lanes'][number], j: number, needsRhs: boolean) => void;
}

/**
 * One pass: zero its registers, then sweep the observations between `locals.cursor` and
 * `locals.end` (`unroll` at a time, then one at a time), splatting the pass's rows of c·y,
 * loading its pairs of y and multiply-adding; finally add the registers into A (or b).
 */
function emitPass(
  code: Code,
  pass: Pass,
  locals: SweepLocals,
  k: number,
  walk: Walk,
  start: number,
  unroll: number,
  target: { a: number; b: number },
) {
  const pairs = pairsOf(k);
  const fma = walk.fma;
  const uses = new Map<number, number>();
  for (const acc of pass.accumulators) uses.set(acc.pair, (uses.get(acc.pair) ?? 0) + 1);
  const needsRhs = pass.accumulators.some((acc) => acc.row === 'b');

  /**
   * Row by row: one splat live at a time and every pair loaded where it is used (x64 folds
   * the load into the multiply), so the accumulators alone fill the registers.
   */
  const rowByRow = () => {
    const lane = locals.lanes[0];
    walk.load(lane, 0, needsRhs);
    const rows: (number | 'b')[] = [...pass.rows];
    if (needsRhs) rows.push('b');
    for (const row of rows) {
      if (row !== 'b') {
        code.get(lane.row).f64Load(8 * row);
        if (walk.weighted) code.get(lane.weight).f64Mul();
        code.f64x2Splat().set(lane.splats[0]);
      }
      const splat = row === 'b' ? lane.rhsSplat : lane.splats[0];
      pass.accumulators.forEach((acc, i) => {
        if (acc.row !== row) return;
        const register = locals.accumulators[i];
        code
          .get(register)
          .get(splat)
          .get(lane.row)
          .v128Load(8 * pairs[acc.pair].column);
        code.f64x2Mul().f64x2Add().set(register);
      });
    }
    code.get(locals.cursor).i32Const(walk.stride).i32Add().set(locals.cursor);
  };

  const body = (count: number) => {
    if (walk.rowByRow && count === 1) return rowByRow();
    for (let j = 0; j < count; j++) {
      const lane = locals.lanes[j];
      walk.load(lane, j, needsRhs);
      for (const row of pass.rows) {
        code.get(lane.row).f64Load(8 * row);
        if (walk.weighted) code.get(lane.weight).f64Mul();
        code.f64x2Splat().set(lane.splats[row]);
      }
      for (const pair of pass.pairs) {
        if ((uses.get(pair) ?? 0) < 2) continue;
        code
          .get(lane.row)
          .v128Load(8 * pairs[pair].column)
          .set(lane.loaded[pair]);
      }
    }
    pass.accumulators.forEach((acc, i) => {
      const register = locals.accumulators[i];
      if (!fma) code.get(register);
      for (let j = 0; j < count; j++) {
        const lane = locals.lanes[j];
        code.get(acc.row === 'b' ? lane.rhsSplat : lane.splats[acc.row]);
        if ((uses.get(acc.pair) ?? 0) < 2) {
          code.get(lane.row).v128Load(8 * pairs[acc.pair].column);
        } else {
          code.get(lane.loaded[acc.pair]);
        }
        if (!fma) code.f64x2Mul().f64x2Add();
        else if (j === 0) code.get(register).f64x2RelaxedMadd();
        else code.f64x2RelaxedMadd();
      }
      code.set(register);
    });
    code
      .get(locals.cursor)
      .i32Const(count * walk.stride)
      .i32Add()
      .set(locals.cursor);
  };

  pass.accumulators.forEach((_, i) => {
    code.v128Zero().set(locals.accumulators[i]);
  });
  code.get(start).set(locals.cursor);
  if (unroll > 1) {
    // while cursor + (unroll − 1)·stride < end
    const ahead = (unroll - 1) * walk.stride;
    code.block().loop();
    code.get(locals.cursor).i32Const(ahead).i32Add().get(locals.end).i32GeU().brIf(1);
    body(unroll);
    code.br(0).end().end();
  }
  code.block().loop();
  code.get(locals.cursor).get(locals.end).i32GeU().brIf(1);
  body(1);
  code.br(0).end().end();
  flush(code, pass.accumulators, locals.accumulators, k, target.a, target.b);
}

/** normalExplicit or normalImplicit for the given shape; see the file comment. */
export function normalEquationsCode(shape: NormalKernelShape, implicit: boolean): Code {
  const { k, ratingBytes } = shape;
  // parameters
  const [a, b, y, columns, ratings, start, end, alpha, records] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const code = new Code([i32, i32, i32, i32, i32, i32, i32, f64, i32], []);
  const passes = planPasses(k, true, shape.capacity, shape.stripRows);
  const locals = sweepLocals(code, passes, k, shape.unroll);
  const rating = code.local(f64);
  const weight = locals.lanes[0].weight;

  // The records: address of y_s, c_s, β_s. `start` doubles as the loop counter.
  code.get(records).set(locals.cursor);
  code.block().loop();
  code.get(start).get(end).i32GeU().brIf(1);
  code.get(locals.cursor).get(y);
  code.get(columns).get(start).i32Const(2).i32Shl().i32Add().i32Load();
  code
    .i32Const(8 * k)
    .i32Mul()
    .i32Add()
    .i32Store(0);
  code
    .get(ratings)
    .get(start)
    .i32Const(ratingBytes === 4 ? 2 : 3)
    .i32Shl()
    .i32Add();
  if (ratingBytes === 4) code.f32Load().f64PromoteF32();
  else code.f64Load();
  code.set(rating);
  if (implicit) {
    code.get(locals.cursor).get(alpha).get(rating).f64Abs().f64Mul().tee(weight).f64Store(8);
    code.get(locals.cursor).f64Const(1).get(weight).f64Add().f64Const(0);
    code.get(rating).f64Const(0).f64Gt().select().f64Store(16);
  } else {
    code.get(locals.cursor).get(rating).f64Store(16);
  }
  code.get(locals.cursor).i32Const(RECORD_BYTES).i32Add().set(locals.cursor);
  code.get(start).i32Const(1).i32Add().set(start);
  code.br(0).end().end();
  code.get(locals.cursor).set(locals.end);

  const walk: Walk = {
    stride: RECORD_BYTES,
    weighted: implicit,
    fma: shape.fma,
    rowByRow: shape.rowByRow ?? false,
    load: (lane, j, needsRhs) => {
      const at = j * RECORD_BYTES;
      code.get(locals.cursor).i32Load(at).set(lane.row);
      if (implicit)
        code
          .get(locals.cursor)
          .f64Load(at + 8)
          .set(lane.weight);
      if (needsRhs)
        code
          .get(locals.cursor)
          .v128Load64Splat(at + 16)
          .set(lane.rhsSplat);
    },
  };
  for (const pass of passes) {
    emitPass(code, pass, locals, k, walk, records, shape.unroll, { a, b });
  }
  return code;
}

/** gram(a, y, start, end): A += Σ y_j y_jᵀ over dense rows [start, end) of the matrix at y. */
export function gramCode(shape: NormalKernelShape): Code {
  const { k } = shape;
  const [a, y, start, end] = [0, 1, 2, 3];
  const code = new Code([i32, i32, i32, i32], []);
  const passes = planPasses(k, false, shape.capacity, shape.stripRows);
  const locals = sweepLocals(code, passes, k, shape.unroll);
  const first = code.local(i32);
  code
    .get(y)
    .get(start)
    .i32Const(8 * k)
    .i32Mul()
    .i32Add()
    .set(first);
  code
    .get(y)
    .get(end)
    .i32Const(8 * k)
    .i32Mul()
    .i32Add()
    .set(locals.end);

  const walk: Walk = {
    stride: 8 * k,
    weighted: false,
    fma: shape.fma,
    rowByRow: shape.rowByRow ?? false,
    load: (lane, j) => {
      code
        .get(locals.cursor)
        .i32Const(j * 8 * k)
        .i32Add()
        .set(lane.row);
    },
  };
  for (const pass of passes)
    emitPass(code, pass, locals, k, walk, first, shape.unroll, { a, b: a });
  return code;
}
