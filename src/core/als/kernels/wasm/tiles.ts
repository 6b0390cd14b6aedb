import { packedIndex } from '../packed';

/**
 * How the Wasm kernels cut the upper triangle of a k×k normal-equation matrix into register
 * tiles. A SIMD register holds two f64 lanes, here two neighbouring columns of one row of A:
 * the "pair" starting at an even column. Row a of A += c·y yᵀ then reads
 *   A[a][col..col+1] += (c·y_a) · y[col..col+1]
 * one splat of c·y_a times one 16-byte load of y per pair. For odd k the last pair starts
 * at k−2 and overlaps the one before it; its first lane is ignored.
 */

/** A 16-byte slice of a factor row: the columns `column` and `column + 1`. */
export interface Pair {
  column: number;
  /** False for a lane another pair already covers (the overlap of the last pair, odd k). */
  lanes: readonly [boolean, boolean];
}

export function pairsOf(k: number): Pair[] {
  if (k < 2) throw new Error(`the SIMD kernels need rank 2 or more, not ${k}`);
  const pairs: Pair[] = [];
  for (let column = 0; column + 1 < k; column += 2) pairs.push({ column, lanes: [true, true] });
  if (k % 2 === 1) pairs.push({ column: k - 2, lanes: [false, true] });
  return pairs;
}

/** One register: row `row` of A (or of b, when row is 'b') over the columns of `pair`. */
export interface Accumulator {
  row: number | 'b';
  pair: number;
}

/** Accumulators updated in one sweep over a row's observations. */
export interface Pass {
  /** Rows of A whose c·y_row is splatted in this pass, in order. */
  rows: number[];
  /** Pairs loaded from y in this pass, in order. */
  pairs: number[];
  accumulators: Accumulator[];
}

/** Where an accumulator lane goes: a packed entry of A (or b), or nowhere. */
export function laneTarget(acc: Accumulator, lane: 0 | 1, k: number, pairs: Pair[]) {
  const pair = pairs[acc.pair];
  const column = pair.column + lane;
  if (!pair.lanes[lane]) return -1;
  if (acc.row === 'b') return column;
  return column >= acc.row ? packedIndex(acc.row, column, k) : -1;
}

/**
 * The accumulators of A's upper triangle (and of b when `withRhs`), grouped into passes of
 * at most `capacity` registers: strips of `stripRows` rows, each strip's pairs in chunks,
 * small tiles merged while they fit. More passes re-read the observations; bigger passes
 * spill registers (x64 has 16 of them).
 */
export function planPasses(
  k: number,
  withRhs: boolean,
  capacity: number,
  stripRows: number,
): Pass[] {
  const pairs = pairsOf(k);
  const needed = (row: number, pair: number) =>
    laneTarget({ row, pair }, 0, k, pairs) >= 0 || laneTarget({ row, pair }, 1, k, pairs) >= 0;

  const tiles: Accumulator[][] = [];
  for (let first = 0; first < k; first += stripRows) {
    const rows = Array.from({ length: Math.min(stripRows, k - first) }, (_, i) => first + i);
    const strip = pairs.map((_, pair) => pair).filter((pair) => rows.some((r) => needed(r, pair)));
    const perTile = Math.max(1, Math.floor(capacity / rows.length));
    for (let start = 0; start < strip.length; start += perTile) {
      const tile: Accumulator[] = [];
      for (const pair of strip.slice(start, start + perTile)) {
        for (const row of rows) if (needed(row, pair)) tile.push({ row, pair });
      }
      tiles.push(tile);
    }
  }
  if (withRhs) {
    for (let start = 0; start < pairs.length; start += capacity) {
      tiles.push(
        pairs
          .slice(start, start + capacity)
          .map((_, i) => ({ row: 'b' as const, pair: start + i })),
      );
    }
  }

  const passes: Accumulator[][] = [];
  for (const tile of tiles) {
    const open = passes.find((pass) => pass.length + tile.length <= capacity);
    if (open) open.push(...tile);
    else passes.push([...tile]);
  }
  return passes.map((accumulators) => ({
    accumulators,
    rows: [...new Set(accumulators.flatMap((acc) => (acc.row === 'b' ? [] : [acc.row])))],
    pairs: [...new Set(accumulators.map((acc) => acc.pair))],
  }));
}
