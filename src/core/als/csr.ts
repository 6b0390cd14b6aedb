/**
 * Ratings grouped by one side in compressed sparse rows: the observations of row r are
 * [rowStart[r], rowStart[r+1]), each naming the other side's row in `columns`.
 * Within a row the observations keep their input order (the sort is stable).
 */
export interface RatingRows {
  rowStart: Int32Array;
  columns: Int32Array;
  ratings: Float64Array;
}

/**
 * Groups ratings by `rowOf` with a counting sort, straight from the typed arrays:
 * count per row, prefix-sum into offsets, then scatter. O(n + rows), no per-rating objects.
 */
export function groupRatings(
  rowOf: Int32Array,
  columnOf: Int32Array,
  ratings: ArrayLike<number>,
  numRows: number,
): RatingRows {
  const rowStart = new Int32Array(numRows + 1);
  for (let i = 0; i < rowOf.length; i++) rowStart[rowOf[i] + 1]++;
  for (let r = 0; r < numRows; r++) rowStart[r + 1] += rowStart[r];

  const next = rowStart.slice(0, numRows);
  const columns = new Int32Array(rowOf.length);
  const grouped = new Float64Array(rowOf.length);
  for (let i = 0; i < rowOf.length; i++) {
    const p = next[rowOf[i]]++;
    columns[p] = columnOf[i];
    grouped[p] = ratings[i];
  }
  return { rowStart, columns, ratings: grouped };
}

/**
 * The same ratings grouped the other way round (a CSR transpose, again a counting sort).
 * Rows of the result list their columns in ascending order, because the input is walked
 * row by row; factor rows are then read in memory order, which the cache rewards.
 */
export function transposeRows(rows: RatingRows, numColumns: number): RatingRows {
  const { rowStart, columns, ratings } = rows;
  const transposedStart = new Int32Array(numColumns + 1);
  for (let s = 0; s < columns.length; s++) transposedStart[columns[s] + 1]++;
  for (let c = 0; c < numColumns; c++) transposedStart[c + 1] += transposedStart[c];

  const next = transposedStart.slice(0, numColumns);
  const transposedColumns = new Int32Array(columns.length);
  const transposedRatings = new Float64Array(columns.length);
  for (let r = 0; r + 1 < rowStart.length; r++) {
    for (let s = rowStart[r]; s < rowStart[r + 1]; s++) {
      const p = next[columns[s]]++;
      transposedColumns[p] = r;
      transposedRatings[p] = ratings[s];
    }
  }
  return { rowStart: transposedStart, columns: transposedColumns, ratings: transposedRatings };
}

/** Ratings grouped by one side, with the ratings kept in the precision they came in. */
export interface RatedRows {
  rowStart: Int32Array;
  columns: Int32Array;
  ratings: Float32Array | Float64Array;
}

/**
 * Groups ratings by column into `out` (preallocated, `out.rowStart` of numColumns + 1
 * entries) with each group's rows ascending: a counting sort of the observations by row
 * first (only a permutation is kept), then a scatter by column in that order. The same
 * layout as grouping by row and transposing, with one Int32 per rating less in flight.
 */
export function groupByColumnInto(
  rowOf: Int32Array,
  columnOf: Int32Array,
  ratings: ArrayLike<number>,
  numRows: number,
  out: RatedRows,
): void {
  const count = rowOf.length;
  const rowNext = new Int32Array(numRows + 1);
  for (let i = 0; i < count; i++) rowNext[rowOf[i] + 1]++;
  for (let r = 0; r < numRows; r++) rowNext[r + 1] += rowNext[r];
  const inRowOrder = new Int32Array(count);
  for (let i = 0; i < count; i++) inRowOrder[rowNext[rowOf[i]]++] = i;

  const { rowStart, columns } = out;
  const numColumns = rowStart.length - 1;
  rowStart.fill(0);
  for (let i = 0; i < count; i++) rowStart[columnOf[i] + 1]++;
  for (let c = 0; c < numColumns; c++) rowStart[c + 1] += rowStart[c];
  const next = rowStart.slice(0, numColumns);
  for (let n = 0; n < count; n++) {
    const i = inRowOrder[n];
    const p = next[columnOf[i]]++;
    columns[p] = rowOf[i];
    out.ratings[p] = ratings[i];
  }
}

/** `transposeRows` into preallocated arrays (`out.rowStart` has numColumns + 1 entries). */
export function transposeRowsInto(rows: RatedRows, out: RatedRows): void {
  const { rowStart, columns, ratings } = rows;
  const numColumns = out.rowStart.length - 1;
  const transposedStart = out.rowStart;
  transposedStart.fill(0);
  for (let s = 0; s < columns.length; s++) transposedStart[columns[s] + 1]++;
  for (let c = 0; c < numColumns; c++) transposedStart[c + 1] += transposedStart[c];

  const next = transposedStart.slice(0, numColumns);
  for (let r = 0; r + 1 < rowStart.length; r++) {
    for (let s = rowStart[r]; s < rowStart[r + 1]; s++) {
      const p = next[columns[s]]++;
      out.columns[p] = r;
      out.ratings[p] = ratings[s];
    }
  }
}
