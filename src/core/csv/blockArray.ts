/**
 * Growable storage for one column while the file is read, in blocks of rows, so that growing
 * never copies what is already stored. The finished column is copied once into a single array
 * of the exact length; at that moment a column needs twice its size, one column at a time.
 */

export type NumberArray = Int32Array | Float64Array | Uint8Array;

/** Rows per block after the first. */
export const BLOCK_ROWS = 1 << 16;
/**
 * The first block starts this small and doubles up to `BLOCK_ROWS`, so that a file with
 * thousands of columns and a few rows stays small.
 */
const FIRST_BLOCK_ROWS = 1 << 10;

export class BlockArray<A extends NumberArray> {
  private readonly create: (length: number) => A;
  private blocks: (A | undefined)[] = [];

  /** `create`: a zero-filled array of a length, such as `(n) => new Int32Array(n)`. */
  constructor(create: (length: number) => A) {
    this.create = create;
  }

  /**
   * The block that holds `index`, created or grown as needed. The block's first index is
   * `index & ~(BLOCK_ROWS - 1)`; indexes never written read as 0.
   */
  blockAt(index: number): A {
    const which = Math.floor(index / BLOCK_ROWS);
    const block = this.blocks[which];
    if (which > 0) {
      if (block !== undefined) return block;
      while (this.blocks.length < which) this.blocks.push(undefined);
      const created = this.create(BLOCK_ROWS);
      this.blocks[which] = created;
      return created;
    }
    if (block !== undefined && index < block.length) return block;
    let length = block === undefined ? FIRST_BLOCK_ROWS : block.length;
    while (length <= index) length *= 2;
    const grown = this.create(Math.min(length, BLOCK_ROWS));
    if (block !== undefined) grown.set(block);
    this.blocks[0] = grown;
    return grown;
  }

  /** The same values in another array type (Int32 to Float64, bytes to Int32, …). */
  convert<B extends NumberArray>(create: (length: number) => B): BlockArray<B> {
    const converted = new BlockArray(create);
    converted.blocks = this.blocks.map((block) => {
      if (block === undefined) return undefined;
      const copy = create(block.length);
      copy.set(block);
      return copy;
    });
    this.blocks = [];
    return converted;
  }

  /** Indexes `[0, length)` in one array; the blocks are dropped. */
  toArray(length: number): A {
    const result = this.create(length);
    this.blocks.forEach((block, which) => {
      if (block === undefined) return;
      const start = which * BLOCK_ROWS;
      const count = Math.min(block.length, length - start);
      if (count > 0) result.set(block.subarray(0, count), start);
    });
    this.blocks = [];
    return result;
  }
}

/** The rows of a column that are null, in increasing order. */
export class NullRows {
  private readonly rows = new BlockArray((length) => new Int32Array(length));
  private block: Int32Array = new Int32Array(0);
  private blockStart = 0;
  count = 0;

  add(row: number): void {
    const at = this.count;
    if (at - this.blockStart >= this.block.length) {
      this.block = this.rows.blockAt(at);
      this.blockStart = at - (at % BLOCK_ROWS);
    }
    this.block[at - this.blockStart] = row;
    this.count++;
  }

  /** Adds the rows `[0, end)`, for a column whose first value comes on row `end`. */
  addUpTo(end: number): void {
    for (let row = 0; row < end; row++) this.add(row);
  }

  /** Arrow's validity bitmap for `length` rows (bit set = valid), or undefined without nulls. */
  toValidity(length: number): Uint8Array | undefined {
    if (this.count === 0) return undefined;
    const bitmap = new Uint8Array(Math.ceil(length / 8)).fill(0xff);
    const rows = this.rows.toArray(this.count);
    for (const row of rows) bitmap[row >> 3] &= ~(1 << (row & 7));
    return bitmap;
  }
}
