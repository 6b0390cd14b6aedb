import { packedRowStart, packedSize } from '../packed';
import { Code, f64, i32 } from './assembler';

/**
 * Generates `choleskyRows`, which solves a range of ALS rows exactly, all in Wasm:
 *
 *   choleskyRows(y, columns, ratings, rowStarts, counts, energies, losses, factors, gram,
 *                first, last, regParam, alpha, scratch) → i32
 *
 * For each row r in [first, last): A := YᵀY (packed, at `gram`; 0 for explicit feedback),
 * then the normal-equation kernel (function `normalIndex`) adds r's observations and writes
 * b; A += λ·n_r·I; Cholesky A = UᵀU; Uᵀz = b, U x = z; x goes to row r of `factors`, and
 * with `losses` ≠ 0 the row's data loss Σc·p² − xᵀb − λn|x|² goes to losses[r]. Returns −1,
 * or the first row whose A is not positive definite, which the caller reports.
 *
 * The factorisation and the substitutions perform the operations of cholesky.ts in the same
 * order, so they give the same bits as the TypeScript path. Loops over i and j are unrolled;
 * the innermost one is too up to rank 16, a loop above (k³/6 statements would not fit).
 */

/** Offsets in a thread's scratch area (bytes), from engine/state.ts. */
export interface CholeskyScratch {
  ata: number;
  atb: number;
  rhs: number;
  records: number;
}

const UNROLL_UP_TO = 16;
/** cholesky.ts's PIVOT_TOLERANCE. */
const PIVOT_TOLERANCE = 1e-12;

export function choleskyRowsCode(k: number, normalIndex: number, at: CholeskyScratch): Code {
  const [y, columns, ratings, rowStarts, counts, energies, losses, factors, gram] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8,
  ];
  const [first, last, regParam, alpha, scratch] = [9, 10, 11, 12, 13];
  const code = new Code(
    [i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, f64, f64, i32],
    [i32],
  );
  const row = code.local(i32);
  const a = code.local(i32);
  const b = code.local(i32);
  const rhs = code.local(i32);
  const x = code.local(i32);
  const cursor = code.local(i32);
  const stop = code.local(i32);
  const ridge = code.local(f64);
  const tolerance = code.local(f64);
  const value = code.local(f64);
  const other = code.local(f64);
  const size = packedSize(k);
  const rowOf = (index: number) => packedRowStart(index, k);

  code.get(scratch).i32Const(at.ata).i32Add().set(a);
  code.get(scratch).i32Const(at.atb).i32Add().set(b);
  code.get(scratch).i32Const(at.rhs).i32Add().set(rhs);
  code.get(first).set(row);
  code.block().loop();
  code.get(row).get(last).i32GeU().brIf(1);

  // A := YᵀY, or 0 for explicit feedback
  code.get(gram).if();
  for (let t = 0; t < size; t++)
    code
      .get(a)
      .get(gram)
      .f64Load(8 * t)
      .f64Store(8 * t);
  code.else();
  for (let t = 0; t < size; t++)
    code
      .get(a)
      .f64Const(0)
      .f64Store(8 * t);
  code.end();

  // A += Σ c y yᵀ, b := Σ β y over the row's observations
  code.get(a).get(b).get(y).get(columns).get(ratings);
  code.get(rowStarts).get(row).i32Const(2).i32Shl().i32Add().tee(cursor).i32Load(0);
  code.get(cursor).i32Load(4);
  code.get(alpha);
  code.get(scratch).i32Const(at.records).i32Add();
  code.call(normalIndex);

  // A += λn·I; keep b for the loss, since the substitution overwrites it with x
  code.get(regParam).get(counts).get(row).i32Const(2).i32Shl().i32Add().i32Load(0);
  code.f64ConvertI32S().f64Mul().set(ridge);
  for (let d = 0; d < k; d++) {
    code
      .get(a)
      .get(a)
      .f64Load(8 * rowOf(d))
      .get(ridge)
      .f64Add()
      .f64Store(8 * rowOf(d));
  }
  for (let d = 0; d < k; d++)
    code
      .get(rhs)
      .get(b)
      .f64Load(8 * d)
      .f64Store(8 * d);

  // choleskyFactor: a pivot not above 1e-12 × the largest diagonal entry fails the row
  code.f64Const(0).set(value);
  for (let d = 0; d < k; d++)
    code
      .get(value)
      .get(a)
      .f64Load(8 * rowOf(d))
      .f64Max()
      .set(value);
  code.f64Const(PIVOT_TOLERANCE).get(value).f64Mul().set(tolerance);
  for (let i = 0; i < k; i++) {
    const rowI = rowOf(i);
    code
      .get(a)
      .f64Load(8 * rowI)
      .tee(value)
      .get(tolerance)
      .f64Gt()
      .i32Eqz()
      .if();
    code.get(row).return();
    code.end();
    // U_ii = √A_ii; U_ij = A_ij · (1 / U_ii)
    code
      .get(a)
      .get(value)
      .f64Sqrt()
      .tee(value)
      .f64Store(8 * rowI);
    code.f64Const(1).get(value).f64Div().set(value);
    for (let j = 1; j < k - i; j++) {
      code
        .get(a)
        .get(a)
        .f64Load(8 * (rowI + j))
        .get(value)
        .f64Mul()
        .f64Store(8 * (rowI + j));
    }
    // A_jl −= U_ij · U_il for i < j ≤ l
    for (let j = i + 1; j < k; j++) {
      const rowJ = rowOf(j);
      code
        .get(a)
        .f64Load(8 * (rowI + (j - i)))
        .set(value);
      if (k <= UNROLL_UP_TO) {
        for (let column = j; column < k; column++) {
          const target = 8 * (rowJ + (column - j));
          code.get(a).get(a).f64Load(target).get(value);
          code
            .get(a)
            .f64Load(8 * (rowI + (column - i)))
            .f64Mul()
            .f64Sub()
            .f64Store(target);
        }
      } else {
        // cursor walks A[j][j..k) while stop − cursor walks A[i][j..k) in step
        code
          .get(a)
          .i32Const(8 * rowJ)
          .i32Add()
          .set(cursor);
        code
          .get(a)
          .i32Const(8 * (rowJ + (k - j)))
          .i32Add()
          .set(stop);
        const shift = 8 * (rowI + (j - i)) - 8 * rowJ;
        code.block().loop();
        code.get(cursor).get(stop).i32GeU().brIf(1);
        code.get(cursor).get(cursor).f64Load(0).get(value);
        code.get(cursor).i32Const(shift).i32Add().f64Load(0).f64Mul().f64Sub().f64Store(0);
        code.get(cursor).i32Const(8).i32Add().set(cursor);
        code.br(0).end().end();
      }
    }
  }

  // choleskySubstitute: Uᵀz = b forwards, then U x = z backwards, in place in b
  for (let i = 0; i < k; i++) {
    const rowI = rowOf(i);
    code
      .get(b)
      .get(b)
      .f64Load(8 * i)
      .get(a)
      .f64Load(8 * rowI)
      .f64Div()
      .tee(value);
    code.f64Store(8 * i);
    for (let j = i + 1; j < k; j++) {
      code
        .get(b)
        .get(b)
        .f64Load(8 * j)
        .get(a)
        .f64Load(8 * (rowI + (j - i)))
        .get(value);
      code
        .f64Mul()
        .f64Sub()
        .f64Store(8 * j);
    }
  }
  for (let i = k - 1; i >= 0; i--) {
    const rowI = rowOf(i);
    code
      .get(b)
      .f64Load(8 * i)
      .set(value);
    for (let j = i + 1; j < k; j++) {
      code
        .get(value)
        .get(a)
        .f64Load(8 * (rowI + (j - i)))
        .get(b)
        .f64Load(8 * j);
      code.f64Mul().f64Sub().set(value);
    }
    code
      .get(b)
      .get(value)
      .get(a)
      .f64Load(8 * rowI)
      .f64Div()
      .f64Store(8 * i);
  }

  // x to the factors
  code
    .get(factors)
    .get(row)
    .i32Const(8 * k)
    .i32Mul()
    .i32Add()
    .set(x);
  for (let d = 0; d < k; d++)
    code
      .get(x)
      .get(b)
      .f64Load(8 * d)
      .f64Store(8 * d);

  // loss: Σc·p² − xᵀb − λn·|x|², summed as engine/kind.ts does
  code.get(losses).if();
  code.f64Const(0).set(value);
  code.f64Const(0).set(other);
  for (let d = 0; d < k; d++) {
    code
      .get(value)
      .get(b)
      .f64Load(8 * d)
      .get(rhs)
      .f64Load(8 * d)
      .f64Mul()
      .f64Add()
      .set(value);
    code
      .get(other)
      .get(b)
      .f64Load(8 * d)
      .get(b)
      .f64Load(8 * d)
      .f64Mul()
      .f64Add()
      .set(other);
  }
  code.get(losses).get(row).i32Const(3).i32Shl().i32Add();
  code.get(energies).get(row).i32Const(3).i32Shl().i32Add().f64Load(0);
  code.get(value).f64Sub().get(ridge).get(other).f64Mul().f64Sub().f64Store(0);
  code.end();

  code.get(row).i32Const(1).i32Add().set(row);
  code.br(0).end().end();
  code.i32Const(-1);
  return code;
}
