import type { Data } from 'apache-arrow';
import { Field, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { throwIfAborted } from '../errors.ts';
import { TextRereader } from './rereadText.ts';
import { separatorBytes } from './separator.ts';
import { forEachPiece, PIECE_BYTES, sourceSize } from './sourceChunks.ts';
import { TableBuilder } from './tableBuilder.ts';
import { CsvTokenizer } from './tokenizer.ts';
import type { CsvOptions, CsvReadHooks, CsvReadResult, CsvSource } from './types.ts';

/**
 * Reads a CSV file into an Arrow table, the way Seahorse's Read DataFrame does (see
 * `types.ts` for the options, `columnTypes.ts` for type inference and `parseTimestamp.ts` for
 * the dates accepted).
 *
 * The file is never held whole, as bytes or as text. One pass checks the encoding and the
 * shape of every row and parses every cell straight into typed column storage, inferring
 * each column's type on the way. Only when a column turns out to be text after holding
 * numbers, booleans or dates is the file read a second time, for that column's text.
 *
 * Memory while reading is about the finished table (columns grow in blocks, see
 * `blockArray.ts`) plus a few MiB of file chunks; finishing copies each column's blocks into
 * one array, so for a moment one column is held twice.
 *
 * Problems the user can fix, such as a row with the wrong number of fields, throw a
 * `RecflowError` naming the row (its line in the file, the header being line 1); a fired
 * `signal` throws an `AbortedError`.
 */
export async function readCsv(
  source: CsvSource,
  options: CsvOptions,
  hooks: CsvReadHooks = {},
): Promise<CsvReadResult> {
  const { signal } = hooks;
  const tokenizerOptions = {
    separator: options.separator,
    separatorBytes: separatorBytes(options.separator),
    checkText: true,
  };
  throwIfAborted(signal);
  const progress = new ByteProgress(sourceSize(source), hooks.onProgress);

  const firstPass = new CsvTokenizer(tokenizerOptions, (record) => builder.onRecord(record));
  const builder = new TableBuilder(options, (names) => {
    // A row may have more fields than the header; those have no name yet.
    firstPass.columnLabel = (index) =>
      index < names.length ? `column \`${names[index]}\`` : `column ${index + 1}`;
  });
  await readPass(source, firstPass, progress, signal);
  const { names, rowCount, warnings, data } = builder.finish();

  const missing = data.flatMap((columnData, column) => (columnData ? [] : [column]));
  if (missing.length > 0) {
    progress.startSecondPass();
    const rereader = new TextRereader(names, missing, rowCount, options.namesIncluded);
    const secondPass = new CsvTokenizer(tokenizerOptions, (record) => rereader.onRecord(record));
    secondPass.columnLabel = firstPass.columnLabel;
    await readPass(source, secondPass, progress, signal);
    const reread = rereader.finish();
    missing.forEach((column, index) => {
      data[column] = reread[index];
    });
  }

  progress.finish();
  const table = tableOf(names, data as Data[], rowCount);
  return { table, warnings, rowCount };
}

async function readPass(
  source: CsvSource,
  tokenizer: CsvTokenizer,
  progress: ByteProgress,
  signal: AbortSignal | undefined,
): Promise<void> {
  const onPiece = (piece: Uint8Array) => {
    tokenizer.push(piece);
    progress.add(piece.length);
  };
  await forEachPiece(source, onPiece, signal);
  tokenizer.finish();
}

/** One record batch holding the columns. */
function tableOf(names: string[], columns: Data[], rowCount: number): Table {
  const fields = columns.map((data, column) => new Field(names[column], data.type, true));
  const schema = new Schema(fields);
  const struct = makeData({
    type: new Struct(fields),
    length: rowCount,
    nullCount: 0,
    children: columns,
  });
  return new Table([new RecordBatch(schema, struct)]);
}

/**
 * Counts bytes and tells `onProgress` when at least a piece's worth has passed since it last
 * did, and once at the end: a 500 MB file makes about 500 calls.
 */
class ByteProgress {
  private totalBytes: number;
  private readonly onProgress: CsvReadHooks['onProgress'];
  private bytesRead = 0;
  private reported = 0;

  constructor(totalBytes: number, onProgress: CsvReadHooks['onProgress']) {
    this.totalBytes = totalBytes;
    this.onProgress = onProgress;
  }

  add(bytes: number): void {
    this.bytesRead += bytes;
    if (this.onProgress && this.bytesRead - this.reported >= PIECE_BYTES) {
      this.reported = this.bytesRead;
      this.onProgress(this.bytesRead, this.totalBytes);
    }
  }

  /** The file is read again: the total doubles, and progress continues from the first pass. */
  startSecondPass(): void {
    this.totalBytes *= 2;
  }

  finish(): void {
    this.onProgress?.(this.totalBytes, this.totalBytes);
  }
}
