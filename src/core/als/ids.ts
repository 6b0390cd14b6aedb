/**
 * Dense indexing of user and item ids: training works on positions 0 … n−1 into sorted
 * distinct ids, so factor row r belongs to id `ids[r]` and models list ids ascending.
 */

/** A lookup table costs one Int32 per id in [min, max]; use it while that stays this small. */
const TABLE_SLOTS_PER_VALUE = 4;
const TABLE_MIN_SLOTS = 1 << 16;

/** The sorted distinct ids of a column and, for each of its rows, the id's position. */
export interface IdIndex {
  ids: Int32Array;
  positions: Int32Array;
}

function valueRange(values: Int32Array): { min: number; max: number } {
  let min = 2147483647;
  let max = -2147483648;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

function fitsTable(span: number, count: number): boolean {
  return span <= Math.max(TABLE_MIN_SLOTS, TABLE_SLOTS_PER_VALUE * count);
}

/** Binary search: position of `id` in the ascending `sortedIds`, or -1. */
export function findId(sortedIds: Int32Array, id: number): number {
  let low = 0;
  let high = sortedIds.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = sortedIds[middle];
    if (candidate < id) low = middle + 1;
    else if (candidate > id) high = middle - 1;
    else return middle;
  }
  return -1;
}

/**
 * Indexes a column of ids. Ids spread over a narrow range (the usual case) go through a
 * direct lookup table, O(n + range); others are sorted, O(n log n).
 */
export function indexIds(values: Int32Array): IdIndex {
  if (values.length === 0) return { ids: new Int32Array(0), positions: new Int32Array(0) };
  const { min, max } = valueRange(values);
  const span = max - min + 1;

  if (fitsTable(span, values.length)) {
    const slot = new Int32Array(span).fill(-1);
    for (let i = 0; i < values.length; i++) slot[values[i] - min] = 0;
    let distinct = 0;
    for (let s = 0; s < span; s++) if (slot[s] === 0) slot[s] = ++distinct;
    const ids = new Int32Array(distinct);
    for (let s = 0; s < span; s++) if (slot[s] > 0) ids[slot[s] - 1] = min + s;
    const positions = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) positions[i] = slot[values[i] - min] - 1;
    return { ids, positions };
  }

  const sorted = values.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  }
  const ids = sorted.slice(0, distinct);
  const positions = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) positions[i] = findId(ids, values[i]);
  return { ids, positions };
}

/** For every query, its position in the ascending `sortedIds`, or -1 when absent. */
export function lookupPositions(sortedIds: Int32Array, queries: Int32Array): Int32Array {
  const positions = new Int32Array(queries.length);
  if (sortedIds.length === 0) return positions.fill(-1);

  const min = sortedIds[0];
  const span = sortedIds[sortedIds.length - 1] - min + 1;
  if (!fitsTable(span, sortedIds.length + queries.length)) {
    for (let i = 0; i < queries.length; i++) positions[i] = findId(sortedIds, queries[i]);
    return positions;
  }

  const slot = new Int32Array(span).fill(-1);
  for (let r = 0; r < sortedIds.length; r++) slot[sortedIds[r] - min] = r;
  for (let i = 0; i < queries.length; i++) {
    const offset = queries[i] - min;
    positions[i] = offset >= 0 && offset < span ? slot[offset] : -1;
  }
  return positions;
}

/**
 * Splits factor rows into blocks as Spark partitions ids: block = non-negative id mod n.
 * Blocks are only units of work (each row is solved independently), so they never change
 * the result. Rows stay ascending within a block.
 */
export function rowsByBlock(ids: Int32Array, numBlocks: number): Int32Array[] {
  const blockOf = (id: number) => ((id % numBlocks) + numBlocks) % numBlocks;
  const sizes = new Int32Array(numBlocks);
  for (let r = 0; r < ids.length; r++) sizes[blockOf(ids[r])]++;

  const blocks = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(numBlocks);
  for (let r = 0; r < ids.length; r++) {
    const block = blockOf(ids[r]);
    blocks[block][filled[block]++] = r;
  }
  return blocks;
}
