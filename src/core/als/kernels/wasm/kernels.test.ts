import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random';
import { conjugateGradientRow, createCgWorkspace } from '../cg';
import { solveCholesky } from '../cholesky';
import { addObservations, gramMatrix } from '../normal-equations';
import { addToDiagonal, packedSize, unpack } from '../packed';
import { assembleModule } from './assembler';
import { cgScratchLayout, conjugateGradientCode, mirrorStride } from './cg-kernel';
import { gramCode, normalEquationsCode, RECORD_BYTES } from './normal-kernel';
import { laneTarget, pairsOf, planPasses } from './tiles';

/**
 * The Wasm kernels against the plain TypeScript ones, on random data laid out in a Wasm
 * memory the way a training lays it out: factors, CSR columns, ratings, scratch.
 */
function fixture(k: number, ratingBytes: 4 | 8, seed: number) {
  const random = new SeededRandom(seed);
  const rows = 40;
  const observations = 37;
  const memory = new WebAssembly.Memory({ initial: 4 });
  const f64 = new Float64Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const f32 = new Float32Array(memory.buffer);
  const factorsAt = 0;
  const columnsAt = 8 * rows * k + 16;
  const ratingsAt = columnsAt + 4 * observations + 12;
  const scratchAt = ratingsAt + 8 * observations + 16;
  for (let i = 0; i < rows * k; i++) f64[i] = random.nextGaussian();
  const columns = Int32Array.from({ length: observations }, () => random.nextInt(rows));
  const ratings = Float64Array.from({ length: observations }, () => random.nextInt(11) - 4);
  i32.set(columns, columnsAt / 4);
  if (ratingBytes === 4) f32.set(ratings, ratingsAt / 4);
  else f64.set(ratings, ratingsAt / 8);
  return {
    memory,
    f64,
    rows,
    observations,
    factorsAt,
    columnsAt,
    ratingsAt,
    scratchAt,
    columns,
    ratings,
  };
}

function instance(memory: WebAssembly.Memory, functions: Parameters<typeof assembleModule>[0]) {
  const module = new WebAssembly.Module(assembleModule(functions, false));
  // biome-ignore lint/suspicious/noExplicitAny: the exports are the functions just assembled
  return new WebAssembly.Instance(module, { env: { memory } }).exports as any;
}

const largestDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let largest = 0;
  for (let i = 0; i < b.length; i++) largest = Math.max(largest, Math.abs(a[i] - b[i]));
  return largest;
};

describe('the register tiling of the normal equations', () => {
  it.each([2, 3, 10, 11, 50])('covers every entry of A and b exactly once at rank %i', (k) => {
    const passes = planPasses(k, true, 12, 2);
    const pairs = pairsOf(k);
    const covered = new Map<string, number>();
    for (const acc of passes.flatMap((pass) => pass.accumulators)) {
      for (const lane of [0, 1] as const) {
        const target = laneTarget(acc, lane, k, pairs);
        if (target < 0) continue;
        const key = `${acc.row === 'b' ? 'b' : 'A'}${target}`;
        covered.set(key, (covered.get(key) ?? 0) + 1);
      }
    }
    expect(passes.every((pass) => pass.accumulators.length <= 12)).toBe(true);
    expect(covered.size).toBe(packedSize(k) + k);
    expect([...covered.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('the Wasm normal-equation kernels', () => {
  const shapes = [2, 3, 5, 10, 11, 16, 50].flatMap((k) =>
    ([4, 8] as const).flatMap((ratingBytes) =>
      [false, true].map((implicit) => ({ k, ratingBytes, implicit })),
    ),
  );

  it.each(shapes)(
    'build A and b like addObservations (rank $k, $ratingBytes-byte ratings, implicit $implicit)',
    ({ k, ratingBytes, implicit }) => {
      const data = fixture(k, ratingBytes, k);
      const shape = { k, ratingBytes, capacity: 12, stripRows: 2, unroll: 1, fma: false };
      const { normal } = instance(data.memory, [
        { name: 'normal', code: normalEquationsCode(shape, implicit) },
      ]);
      const alpha = 1.5;
      const ata = data.scratchAt;
      const atb = ata + 8 * packedSize(k) + 16;
      const records = atb + 8 * k + 16;
      const start = 3;
      data.f64.fill(0.25, ata / 8, ata / 8 + packedSize(k));
      normal(
        ata,
        atb,
        data.factorsAt,
        data.columnsAt,
        data.ratingsAt,
        start,
        data.observations,
        alpha,
        records,
      );

      const expectedA = new Float64Array(packedSize(k)).fill(0.25);
      const expectedB = new Float64Array(k);
      const weights = implicit ? data.ratings.map((r) => alpha * Math.abs(r)) : null;
      const targets = implicit
        ? data.ratings.map((r) => (r > 0 ? 1 + alpha * Math.abs(r) : 0))
        : data.ratings;
      const factors = data.f64.subarray(0, data.rows * k);
      addObservations(
        expectedA,
        expectedB,
        k,
        factors,
        data.columns,
        weights,
        targets,
        start,
        data.observations,
      );

      expect(largestDifference(data.f64.subarray(ata / 8), expectedA)).toBeLessThan(1e-12);
      expect(largestDifference(data.f64.subarray(atb / 8), expectedB)).toBeLessThan(1e-12);
      expect(RECORD_BYTES * data.observations).toBeLessThan(
        data.memory.buffer.byteLength - records,
      );
    },
  );

  it.each([2, 3, 10, 11, 50])('give the same bits in any tiling and loop order (rank %i)', (k) => {
    const data = fixture(k, 4, 50 + k);
    const ata = data.scratchAt;
    const atb = ata + 8 * packedSize(k) + 16;
    const records = atb + 8 * k + 16;
    const shapes = [
      { capacity: 12, stripRows: 2, unroll: 1, rowByRow: false },
      { capacity: 12, stripRows: 2, unroll: 1, rowByRow: true },
      { capacity: 8, stripRows: 3, unroll: 2, rowByRow: false },
      { capacity: 16, stripRows: 1, unroll: 1, rowByRow: true },
    ];
    const results = shapes.map((tiling) => {
      const shape = { k, ratingBytes: 4 as const, fma: false, ...tiling };
      const { normal } = instance(data.memory, [
        { name: 'normal', code: normalEquationsCode(shape, true) },
      ]);
      data.f64.fill(0.5, ata / 8, ata / 8 + packedSize(k));
      normal(
        ata,
        atb,
        data.factorsAt,
        data.columnsAt,
        data.ratingsAt,
        0,
        data.observations,
        2,
        records,
      );
      return [
        ...data.f64.subarray(ata / 8, ata / 8 + packedSize(k)),
        ...data.f64.subarray(atb / 8, atb / 8 + k),
      ];
    });
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });

  it.each([2, 3, 10, 50])('sum YᵀY of a range of rows like gramMatrix (rank %i)', (k) => {
    const data = fixture(k, 8, 100 + k);
    const shape = { k, ratingBytes: 8 as const, capacity: 12, stripRows: 2, unroll: 1, fma: false };
    const { gram } = instance(data.memory, [{ name: 'gram', code: gramCode(shape) }]);
    gram(data.scratchAt, data.factorsAt, 5, 33);
    const expected = new Float64Array(packedSize(k));
    gramMatrix(data.f64.subarray(5 * k, 33 * k), 28, k, expected);
    expect(largestDifference(data.f64.subarray(data.scratchAt / 8), expected)).toBeLessThan(1e-12);
  });
});

describe('the Wasm conjugate-gradient kernel', () => {
  const shapes = [2, 3, 10, 11, 50].flatMap((k) =>
    [false, true].map((implicit) => ({ k, implicit })),
  );

  /**
   * The fixture's factors and YᵀY as the kernel reads them (f32, rows of mirrorStride lanes),
   * and A (as for Cholesky) and b of its observations.
   */
  function system(
    data: ReturnType<typeof fixture>,
    k: number,
    implicit: boolean,
    alpha: number,
    ridge: number,
  ) {
    const factors = data.f64.subarray(0, data.rows * k);
    const gram = new Float64Array(packedSize(k));
    gramMatrix(factors, data.rows, k, gram);
    const ata = implicit ? gram.slice() : new Float64Array(packedSize(k));
    const atb = new Float64Array(k);
    const weights = implicit ? data.ratings.map((r) => alpha * Math.abs(r)) : null;
    const targets = implicit
      ? data.ratings.map((r) => (r > 0 ? 1 + alpha * Math.abs(r) : 0))
      : data.ratings;
    addObservations(ata, atb, k, factors, data.columns, weights, targets, 0, data.observations);
    addToDiagonal(ata, k, ridge);

    const stride = mirrorStride(k);
    const f32 = new Float32Array(data.memory.buffer);
    const mirrorAt = data.scratchAt;
    const gramAt = mirrorAt + 4 * stride * data.rows;
    const xAt = gramAt + 4 * stride * stride;
    const scratchAt = xAt + 8 * k + 16;
    const full = unpack(gram, k);
    for (let row = 0; row < data.rows; row++) {
      for (let a = 0; a < k; a++) f32[mirrorAt / 4 + row * stride + a] = factors[row * k + a];
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) f32[gramAt / 4 + a * stride + b] = full[a * k + b];
    }
    return { ata, atb, gram: full, weights, targets, mirrorAt, gramAt, xAt, scratchAt };
  }

  const closeTo = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) => {
    let scale = 1;
    for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
    expect(largestDifference(actual, expected)).toBeLessThan(tolerance * scale);
  };

  it.each(shapes)(
    'takes the steps of the TypeScript CG to f32 rounding (rank $k, implicit $implicit)',
    ({ k, implicit }) => {
      const data = fixture(k, 8, 200 + k);
      const { cg } = instance(data.memory, [
        { name: 'cg', code: conjugateGradientCode(k, 8, implicit) },
      ]);
      const alpha = 0.8;
      const ridge = 0.5;
      const at = system(data, k, implicit, alpha, ridge);
      const start = Float64Array.from({ length: k }, (_, a) => Math.cos(a));
      data.f64.set(start, at.xAt / 8);
      expect(cgScratchLayout(k).records).toBeGreaterThan(0);

      const args = [at.mirrorAt, data.columnsAt, data.ratingsAt, 0, data.observations, alpha];
      const term = cg(...args, at.xAt, at.gramAt, ridge, 3, at.scratchAt, 1);

      const x = start.slice();
      const expectedTerm = conjugateGradientRow(
        x,
        k,
        data.f64.subarray(0, data.rows * k),
        {
          count: data.observations,
          offsets: data.columns.map((column) => column * k),
          weights: at.weights ?? new Float64Array(data.observations).fill(1),
          targets: at.targets,
        },
        implicit ? at.gram : null,
        ridge,
        3,
        createCgWorkspace(k),
      );
      closeTo(data.f64.subarray(at.xAt / 8, at.xAt / 8 + k), x, 1e-4);
      expect(Math.abs(term - expectedTerm)).toBeLessThan(
        1e-4 * Math.max(1, Math.abs(expectedTerm)),
      );
    },
  );

  it.each(shapes)(
    'gives the same bits when it gathers long rows first (rank $k, implicit $implicit)',
    ({ k, implicit }) => {
      const data = fixture(k, 8, 400 + k);
      const at = system(data, k, implicit, 1, 0.3);
      const results = [2 ** 30, 0].map((gatherFromBytes) => {
        const { cg } = instance(data.memory, [
          { name: 'cg', code: conjugateGradientCode(k, 8, implicit, gatherFromBytes) },
        ]);
        data.f64.fill(0.5, at.xAt / 8, at.xAt / 8 + k);
        const args = [at.mirrorAt, data.columnsAt, data.ratingsAt, 0, data.observations, 1];
        const term = cg(...args, at.xAt, at.gramAt, 0.3, 3, at.scratchAt, 1);
        return [term, ...data.f64.subarray(at.xAt / 8, at.xAt / 8 + k)];
      });
      expect(results[1]).toEqual(results[0]);
    },
  );

  it.each(shapes)(
    'reaches the Cholesky solution given enough steps (rank $k, implicit $implicit)',
    ({ k, implicit }) => {
      const data = fixture(k, 4, 300 + k);
      const { cg } = instance(data.memory, [
        { name: 'cg', code: conjugateGradientCode(k, 4, implicit) },
      ]);
      const at = system(data, k, implicit, 2, 0.7);
      const exact = solveCholesky(at.ata.slice(), at.atb.slice(), k);
      const args = [at.mirrorAt, data.columnsAt, data.ratingsAt, 0, data.observations, 2];
      cg(...args, at.xAt, at.gramAt, 0.7, 3 * k, at.scratchAt, 0);
      closeTo(data.f64.subarray(at.xAt / 8, at.xAt / 8 + k), exact, 1e-4);
    },
  );
});
