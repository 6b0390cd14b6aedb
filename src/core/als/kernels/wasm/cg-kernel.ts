import { Code, f32, f64, i32, v128 } from './assembler';

/**
 * Generates the Wasm conjugate-gradient solve of one ALS row, unrolled for rank k:
 *
 *   cgExplicit / cgImplicit(mirror, columns, ratings, start, end, alpha, x, gram, ridge,
 *                           steps, scratch, wantLoss) → f64
 *
 * A few CG steps on A x = b, warm-started from the row's current factor x (Takács, Pilászy &
 * Tikk, "Applications of the conjugate gradient method for implicit feedback collaborative
 * filtering", RecSys 2011; the `implicit` library's solver), without ever forming A:
 *   A v = G v + ridge·v + Σ_s c_s (y_s·v) y_s,   b = Σ_s β_s y_s
 * with G = YᵀY (implicit; absent for explicit), c and β as in normal-kernel.ts. Each step
 * costs one sweep over the row's observations at 4k flops each, instead of the k² per
 * observation of forming A, which is what makes rank 50 affordable.
 *
 * Like the `implicit` library, it computes in 32-bit floats, four lanes per SIMD register:
 * the sweeps are bound by instruction throughput, and f32x4 halves it (measured at rank 50:
 * 2× faster than f64x2). The inputs are 32-bit copies: `mirror` holds the source factors at
 * a row stride of kp = k rounded up to a multiple of 4 (zero padded), `gram` YᵀY as a full
 * kp×kp matrix; x is read from and written back to the f64 factors. CG's scalars (norms,
 * step lengths) stay in f64. The result is within f32 rounding (about 1e-6 relative) of
 * the same steps in f64 (kernels/cg.ts), far below what 3 steps leave of the exact solve.
 *
 * `scratch` holds five kp-vectors of f32, a 16-byte record per observation, and room for
 * the gathered rows of a long row. The loss term returned, x·b + x·r + ridge·|x|² (r the
 * final residual b − A x), gives the row's data loss as Σ c·p² minus it; wantLoss = 0 skips
 * accumulating b and returns 0.
 */

/** Bytes per observation record: i32 address of y_s, then f32 c, β and t. */
export const CG_RECORD_BYTES = 16;

/**
 * Rows whose observations' factors take this many bytes or more are gathered into scratch
 * first (see writeRecords), so that each sweep streams contiguous memory instead of jumping
 * between factor rows that no longer fit in L2.
 */
export const GATHER_FROM_BYTES = 256 * 1024;

/** Lanes of a factor row in the 32-bit mirror: the rank rounded up to a multiple of 4. */
export const mirrorStride = (k: number) => 4 * Math.ceil(k / 4);

/** Scratch bytes per observation: its record and room for its gathered factor row. */
export const cgBytesPerObservation = (k: number) => CG_RECORD_BYTES + 4 * mirrorStride(k);

/** Offsets of the scratch vectors, in bytes from `scratch`. */
export function cgScratchLayout(k: number) {
  const vectorBytes = 4 * mirrorStride(k);
  return {
    x: 0,
    residual: vectorBytes,
    direction: 2 * vectorBytes,
    product: 3 * vectorBytes,
    rhs: 4 * vectorBytes,
    records: 5 * vectorBytes,
  };
}

/** Registers one dense chunk keeps its part of the output vector in. */
const CHUNK_QUADS = 12;

type VectorName = keyof ReturnType<typeof cgScratchLayout>;

class CgEmitter {
  readonly code = new Code([i32, i32, i32, i32, i32, f64, i32, i32, f64, i32, i32, i32], [f64]);
  readonly p = {
    mirror: 0,
    columns: 1,
    ratings: 2,
    start: 3,
    end: 4,
    alpha: 5,
    x: 6,
    gram: 7,
    ridge: 8,
    steps: 9,
    scratch: 10,
    wantLoss: 11,
  };
  readonly quads: number;
  private readonly stride: number;
  private readonly cursor: number;
  private readonly recordsStart: number;
  private readonly recordsEnd: number;
  private readonly row: number;
  private readonly scalar: number;
  private readonly registers: number[];
  private readonly partial: number[];
  private readonly splat: number;
  /** c·(y·v) while β − c·(y·v) is formed. */
  private readonly dotTimesWeight: number;
  private readonly layout: ReturnType<typeof cgScratchLayout>;

  constructor(
    readonly k: number,
    readonly ratingBytes: 4 | 8,
    readonly implicit: boolean,
    readonly gatherFromBytes: number,
  ) {
    this.stride = mirrorStride(k);
    this.quads = this.stride / 4;
    this.layout = cgScratchLayout(k);
    const c = this.code;
    this.cursor = c.local(i32);
    this.recordsStart = c.local(i32);
    this.recordsEnd = c.local(i32);
    this.row = c.local(i32);
    this.scalar = c.local(f64);
    this.registers = Array.from({ length: CHUNK_QUADS }, () => c.local(v128));
    this.partial = Array.from({ length: 4 }, () => c.local(v128));
    this.splat = c.local(v128);
    this.dotTimesWeight = c.local(f32);
  }

  /** Pushes the address of scratch vector `name`. */
  vector(name: VectorName): void {
    this.code.get(this.p.scratch);
    if (this.layout[name] !== 0) this.code.i32Const(this.layout[name]).i32Add();
  }

  /**
   * Records: address of y_s in the mirror, c_s, β_s; `start` doubles as the counter. Long
   * rows are gathered: each y_s is copied after the records and the record points there.
   */
  writeRecords(): void {
    const { code: c, p } = this;
    const gather = c.local(i32);
    const copyTo = c.local(i32);
    const weight = c.local(f64);
    const rowBytes = 4 * this.stride;
    this.vector('records');
    c.tee(this.recordsStart).set(this.cursor);
    const gatherFrom = Math.ceil(this.gatherFromBytes / rowBytes);
    c.get(p.end).get(p.start).i32Sub().i32Const(gatherFrom).i32GeU().set(gather);
    c.get(this.recordsStart).get(p.end).get(p.start).i32Sub().i32Const(CG_RECORD_BYTES).i32Mul();
    c.i32Add().tee(copyTo).set(this.recordsEnd);

    c.block().loop();
    c.get(p.start).get(p.end).i32GeU().brIf(1);
    c.get(p.mirror).get(p.columns).get(p.start).i32Const(2).i32Shl().i32Add().i32Load();
    c.i32Const(rowBytes).i32Mul().i32Add().set(this.row);
    c.get(gather).if();
    for (let q = 0; q < this.quads; q++)
      c.get(copyTo)
        .get(this.row)
        .v128Load(16 * q)
        .v128Store(16 * q);
    c.get(copyTo).set(this.row);
    c.get(copyTo).i32Const(rowBytes).i32Add().set(copyTo);
    c.end();
    c.get(this.cursor).get(this.row).i32Store(0);

    c.get(p.ratings)
      .get(p.start)
      .i32Const(this.ratingBytes === 4 ? 2 : 3)
      .i32Shl()
      .i32Add();
    if (this.ratingBytes === 4) c.f32Load().f64PromoteF32();
    else c.f64Load();
    c.set(this.scalar);
    if (this.implicit) {
      // c = alpha·|r|, β = 1 + c if r > 0 else 0, computed in f64 and stored rounded
      c.get(p.alpha).get(this.scalar).f64Abs().f64Mul().set(weight);
      c.get(this.cursor).get(weight).f32DemoteF64().f32Store(4);
      c.get(this.cursor).f64Const(1).get(weight).f64Add().f64Const(0);
      c.get(this.scalar).f64Const(0).f64Gt().select().f32DemoteF64().f32Store(8);
    } else {
      c.get(this.cursor).f64Const(1).f32DemoteF64().f32Store(4);
      c.get(this.cursor).get(this.scalar).f32DemoteF64().f32Store(8);
    }
    c.get(this.cursor).i32Const(CG_RECORD_BYTES).i32Add().set(this.cursor);
    c.get(p.start).i32Const(1).i32Add().set(p.start);
    c.br(0).end().end();
  }

  /** Pushes the f32 sum of the lanes of the v128 on the stack (kept in partial[0]). */
  horizontalSum(): void {
    const c = this.code;
    const sum = this.partial[0];
    c.set(sum);
    c.get(sum).f32x4ExtractLane(0).get(sum).f32x4ExtractLane(1).f32Add();
    c.get(sum).f32x4ExtractLane(2).get(sum).f32x4ExtractLane(3).f32Add().f32Add();
  }

  /**
   * One sweep over the records, two observations at a time (they share the loads of v and
   * out): t_s = c_s·(y_s·v), or with `fromTarget` t_s = β_s − c_s·(y_s·v); then
   * out += t_s·y_s, and with `alsoRhs` b += β_s·y_s. y_s is read once from memory and again
   * from L1 by the update.
   */
  sweep(pushVector: () => void, out: VectorName, fromTarget: boolean, alsoRhs: boolean): void {
    const { code: c } = this;
    const vectorAt = c.local(i32);
    const outAt = c.local(i32);
    const rhsAt = c.local(i32);
    const second = c.local(i32);
    const splats = [c.local(v128), c.local(v128)];
    const rhsSplats = [c.local(v128), c.local(v128)];
    pushVector();
    c.set(vectorAt);
    this.vector(out);
    c.set(outAt);
    if (alsoRhs) {
      this.vector('rhs');
      c.set(rhsAt);
    }
    const partialsOf = [this.partial.slice(0, 2), this.partial.slice(2, 4)];

    const body = (count: 1 | 2) => {
      const rows = [this.row, second];
      for (let j = 0; j < count; j++)
        c.get(this.cursor)
          .i32Load(j * CG_RECORD_BYTES)
          .set(rows[j]);
      // dots: two partial sums per observation hide the latency of the adds
      for (let q = 0; q < this.quads; q++) {
        c.get(vectorAt)
          .v128Load(16 * q)
          .set(this.splat);
        for (let j = 0; j < count; j++) {
          const acc = partialsOf[j][q % 2];
          c.get(rows[j])
            .v128Load(16 * q)
            .get(this.splat)
            .f32x4Mul();
          if (q >= 2) c.get(acc).f32x4Add();
          c.set(acc);
        }
      }
      for (let j = 0; j < count; j++) {
        const record = j * CG_RECORD_BYTES;
        const [first, next] = partialsOf[j];
        c.get(first);
        if (this.quads >= 2) c.get(next).f32x4Add();
        this.horizontalSum();
        c.get(this.cursor)
          .f32Load(record + 4)
          .f32Mul();
        if (fromTarget) {
          c.set(this.dotTimesWeight);
          c.get(this.cursor)
            .f32Load(record + 8)
            .get(this.dotTimesWeight)
            .f32Sub();
        }
        c.f32x4Splat().set(splats[j]);
        if (alsoRhs)
          c.get(this.cursor)
            .v128Load32Splat(record + 8)
            .set(rhsSplats[j]);
      }
      // updates: out += t·y (and b += β·y), y now in L1
      const targets: [number, number[]][] = [[outAt, splats]];
      if (alsoRhs) targets.push([rhsAt, rhsSplats]);
      for (const [target, weightSplats] of targets) {
        for (let q = 0; q < this.quads; q++) {
          c.get(target)
            .get(target)
            .v128Load(16 * q);
          for (let j = 0; j < count; j++) {
            c.get(weightSplats[j])
              .get(rows[j])
              .v128Load(16 * q)
              .f32x4Mul()
              .f32x4Add();
          }
          c.v128Store(16 * q);
        }
      }
      c.get(this.cursor)
        .i32Const(count * CG_RECORD_BYTES)
        .i32Add()
        .set(this.cursor);
    };

    c.get(this.recordsStart).set(this.cursor);
    c.block().loop();
    c.get(this.cursor).i32Const(CG_RECORD_BYTES).i32Add().get(this.recordsEnd).i32GeU().brIf(1);
    body(2);
    c.br(0).end().end();
    c.get(this.cursor).get(this.recordsEnd).i32LtU().if();
    body(1);
    c.end();
  }

  /** out = sign·(G v + ridge·v), G the padded full Gram matrix (implicit) or absent. */
  dense(out: VectorName, input: VectorName, negate: boolean): void {
    const { code: c, k, p } = this;
    const outAt = c.local(i32);
    const vectorAt = c.local(i32);
    this.vector(out);
    c.set(outAt);
    this.vector(input);
    c.set(vectorAt);
    for (let first = 0; first < this.quads; first += CHUNK_QUADS) {
      const last = Math.min(this.quads, first + CHUNK_QUADS);
      c.get(p.ridge).f32DemoteF64().f32x4Splat().set(this.splat);
      for (let q = first; q < last; q++) {
        c.get(vectorAt)
          .v128Load(16 * q)
          .get(this.splat)
          .f32x4Mul()
          .set(this.registers[q - first]);
      }
      if (this.implicit) {
        for (let b = 0; b < k; b++) {
          c.get(vectorAt)
            .v128Load32Splat(4 * b)
            .set(this.splat);
          for (let q = first; q < last; q++) {
            const register = this.registers[q - first];
            c.get(register).get(this.splat);
            c.get(p.gram)
              .v128Load(4 * (b * this.stride + 4 * q))
              .f32x4Mul()
              .f32x4Add()
              .set(register);
          }
        }
      }
      for (let q = first; q < last; q++) {
        c.get(outAt);
        if (negate)
          c.v128Zero()
            .get(this.registers[q - first])
            .f32x4Sub();
        else c.get(this.registers[q - first]);
        c.v128Store(16 * q);
      }
    }
  }

  /** Pushes u·v over the padded vectors, as f64. */
  dot(u: VectorName, v: VectorName): void {
    const c = this.code;
    const used = Math.min(4, this.quads);
    for (let q = 0; q < this.quads; q++) {
      const acc = this.partial[q % used];
      this.vector(u);
      c.v128Load(16 * q);
      this.vector(v);
      c.v128Load(16 * q).f32x4Mul();
      if (q >= used) c.get(acc).f32x4Add();
      c.set(acc);
    }
    c.get(this.partial[0]);
    for (let i = 1; i < used; i++) c.get(this.partial[i]).f32x4Add();
    this.horizontalSum();
    c.f64PromoteF32();
  }

  /** target = target + scale·v, or with `scaleTarget` target = v + scale·target. */
  update(target: VectorName, v: VectorName, scale: number, scaleTarget = false): void {
    const c = this.code;
    c.get(scale).f32DemoteF64().f32x4Splat().set(this.splat);
    for (let q = 0; q < this.quads; q++) {
      this.vector(target);
      if (scaleTarget) {
        this.vector(v);
        c.v128Load(16 * q);
        this.vector(target);
        c.v128Load(16 * q)
          .get(this.splat)
          .f32x4Mul();
      } else {
        this.vector(target);
        c.v128Load(16 * q);
        this.vector(v);
        c.v128Load(16 * q)
          .get(this.splat)
          .f32x4Mul();
      }
      c.f32x4Add().v128Store(16 * q);
    }
  }

  /** Zeroes a scratch vector. */
  clear(name: VectorName): void {
    for (let q = 0; q < this.quads; q++) {
      this.vector(name);
      this.code.v128Zero().v128Store(16 * q);
    }
  }

  copyVector(from: VectorName, to: VectorName): void {
    for (let q = 0; q < this.quads; q++) {
      this.vector(to);
      this.vector(from);
      this.code.v128Load(16 * q).v128Store(16 * q);
    }
  }
}

/** cgExplicit or cgImplicit for rank k; see the file comment. */
export function conjugateGradientCode(
  k: number,
  ratingBytes: 4 | 8,
  implicit: boolean,
  gatherFromBytes = GATHER_FROM_BYTES,
): Code {
  const e = new CgEmitter(k, ratingBytes, implicit, gatherFromBytes);
  const { code: c, p } = e;
  const oldNorm = c.local(f64);
  const newNorm = c.local(f64);
  const step = c.local(f64);
  const loss = c.local(f64);
  const counter = c.local(i32);

  e.writeRecords();
  // x in f32, zero padded
  e.clear('x');
  for (let a = 0; a < k; a++) {
    e.vector('x');
    c.get(p.x)
      .f64Load(8 * a)
      .f32DemoteF64()
      .f32Store(4 * a);
  }

  // r = b − A x = −(G x + ridge·x) + Σ (β − c·y·x) y, and b = Σ β y for the loss;  p = r
  e.dense('residual', 'x', true);
  e.clear('rhs');
  c.get(p.wantLoss).if();
  e.sweep(() => e.vector('x'), 'residual', true, true);
  c.else();
  e.sweep(() => e.vector('x'), 'residual', true, false);
  c.end();
  e.copyVector('residual', 'direction');
  e.dot('residual', 'residual');
  c.set(oldNorm);

  c.block().loop();
  c.get(counter).get(p.steps).i32GeU().brIf(1);
  c.get(oldNorm).f64Const(1e-20).f64Lt().brIf(1);
  // A p
  e.dense('product', 'direction', false);
  e.sweep(() => e.vector('direction'), 'product', false, false);
  // α = |r|² / pᵀAp; stop when pᵀAp is not positive (A singular along p)
  e.dot('direction', 'product');
  c.set(step);
  c.get(step).f64Const(0).f64Gt().i32Eqz().brIf(1);
  c.get(oldNorm).get(step).f64Div().set(step);
  e.update('x', 'direction', step);
  c.get(step).f64Neg().set(step);
  e.update('residual', 'product', step);
  e.dot('residual', 'residual');
  c.set(newNorm);
  c.get(counter).i32Const(1).i32Add().set(counter);
  c.get(newNorm).f64Const(1e-20).f64Lt().brIf(1);
  // p = r + (|r_new|² / |r_old|²)·p
  c.get(newNorm).get(oldNorm).f64Div().set(step);
  e.update('direction', 'residual', step, true);
  c.get(newNorm).set(oldNorm);
  c.br(0).end().end();

  for (let a = 0; a < k; a++) {
    c.get(p.x);
    e.vector('x');
    c.f32Load(4 * a)
      .f64PromoteF32()
      .f64Store(8 * a);
  }

  // loss term x·b + x·r + ridge·|x|²
  c.get(p.wantLoss).if();
  e.dot('x', 'rhs');
  e.dot('x', 'residual');
  c.f64Add();
  e.dot('x', 'x');
  c.get(p.ridge).f64Mul().f64Add().set(loss);
  c.end();
  c.get(loss);
  return c;
}
