import type { Table } from 'apache-arrow';

/**
 * Bytes that can be read from the start more than once: the reader goes over the file twice
 * (types first, values second) so that it never holds the whole file as text.
 *
 * A browser `Blob` or `File` satisfies the object form; in Node, `csvSourceFromPath` in
 * `nodeSource.ts` adapts a file on disk.
 */
export type CsvSource =
  | Uint8Array
  | {
      /** Size in bytes, used as the denominator of progress. */
      size: number;
      /** A fresh stream of the bytes from the start, each time it is called. */
      stream(): ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
    };

/** The options of Read DataFrame, named as in Seahorse. */
export interface CsvOptions {
  /**
   * One or more characters between fields: `,`, `;`, `:`, ` `, `\t` (tab) or a custom string
   * such as MovieLens's `::`. It may not contain a double quote or a line break.
   * @default ','
   */
  separator: string;
  /**
   * Whether the first row holds column names. Without it, columns are named `_c0`, `_c1`, …
   * @default true
   */
  namesIncluded: boolean;
  /**
   * Whether columns whose values are all `true`/`false`/`0`/`1` (any case) or empty are read
   * as boolean. Without it such columns are integer (0/1) or string (true/false).
   * @default false
   */
  convertToBoolean: boolean;
}

/** Read DataFrame's defaults, as in Seahorse. */
export const defaultCsvOptions: CsvOptions = {
  separator: ',',
  namesIncluded: true,
  convertToBoolean: false,
};

/** What the caller of `readCsv` may observe and control. */
export interface CsvReadHooks {
  /**
   * Called about once per MiB read, and once at the end with `bytesRead === totalBytes`.
   * `totalBytes` is the file's size, until the reader finds it must read the file a second
   * time (a column became text after holding numbers, booleans or dates): then it doubles, and
   * `bytesRead / totalBytes` drops to one half and climbs again.
   */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops the read with an `AbortedError` soon after it fires. */
  signal?: AbortSignal;
}

export interface CsvReadResult {
  /** One record batch; columns are Int32, Float64, Bool, TimestampMillisecond or Utf8. */
  table: Table;
  /** Things the user should know that did not stop the read, such as renamed columns. */
  warnings: string[];
  /** Rows of data, not counting the header. */
  rowCount: number;
}
