import type { Data } from 'apache-arrow';
import { makeData, Utf8 } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import { BLOCK_ROWS, BlockArray } from './blockArray.ts';
import { copyFieldValue } from './fieldText.ts';
import { MAX_COLUMN_TEXT_BYTES } from './limits.ts';

const FIRST_CHUNK_BYTES = 16 * 1024;
const LARGEST_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * A text column filled cell by cell: every cell exactly as written (not trimmed), so an empty
 * cell is the empty string, never null. Bytes go into chunks that double up to 4 MiB and are
 * joined once at the end; each row's length is kept, and the offsets computed from them.
 */
export class TextBuilder {
  private readonly name: string;
  private readonly lengths = new BlockArray((n) => new Int32Array(n));
  private lengthBlock = new Int32Array(0);
  private lengthBlockStart = 0;
  private chunks: Uint8Array[] = [];
  private chunk = new Uint8Array(0);
  private chunkUsed = 0;
  private totalBytes = 0;

  /** `name`: the column's, for the message when it outgrows Arrow's 2 GiB. */
  constructor(name: string) {
    this.name = name;
  }

  /** Appends `bytes[start, end)` as row `row`'s text; rows not appended are empty strings. */
  append(bytes: Uint8Array, start: number, end: number, kind: number, row: number): void {
    const size = end - start;
    if (this.chunkUsed + size > this.chunk.length) this.startChunk(size);
    const written =
      copyFieldValue(bytes, start, end, kind, this.chunk, this.chunkUsed) - this.chunkUsed;
    this.chunkUsed += written;
    this.totalBytes += written;
    if (this.totalBytes > MAX_COLUMN_TEXT_BYTES) {
      throw new RecflowError(
        `column \`${this.name}\` holds more than 2 GiB of text, more than one column can ` +
          'hold; split the file or remove columns you do not need.',
      );
    }

    if (row >= this.lengthBlockStart + this.lengthBlock.length) {
      this.lengthBlock = this.lengths.blockAt(row);
      this.lengthBlockStart = row - (row % BLOCK_ROWS);
    }
    this.lengthBlock[row - this.lengthBlockStart] = written;
  }

  finish(rowCount: number): Data {
    const lengths = this.lengths.toArray(rowCount);
    const valueOffsets = new Int32Array(rowCount + 1);
    for (let row = 0; row < rowCount; row++)
      valueOffsets[row + 1] = valueOffsets[row] + lengths[row];

    this.closeChunk();
    const data = new Uint8Array(this.totalBytes);
    let at = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    this.chunks = [];
    return makeData({ type: new Utf8(), length: rowCount, nullCount: 0, valueOffsets, data });
  }

  private startChunk(atLeast: number): void {
    const doubled = Math.min(
      LARGEST_CHUNK_BYTES,
      Math.max(FIRST_CHUNK_BYTES, this.chunk.length * 2),
    );
    this.closeChunk();
    this.chunk = new Uint8Array(Math.max(doubled, atLeast));
    this.chunkUsed = 0;
  }

  /** Keeps the used part of the current chunk (a view, so no copy until `finish`). */
  private closeChunk(): void {
    if (this.chunkUsed > 0) this.chunks.push(this.chunk.subarray(0, this.chunkUsed));
    this.chunk = new Uint8Array(0);
    this.chunkUsed = 0;
  }
}
