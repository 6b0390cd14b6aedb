/**
 * Limits that turn a wrong file or wrong separator into a clear error instead of an
 * out-of-memory tab. Real CSV rows are far below them.
 */

/**
 * The longest row accepted, in bytes, line break included. A longer row almost always means
 * the file is not a CSV file (no line breaks) or a quote is never closed.
 */
export const MAX_ROW_BYTES = 1024 * 1024;

/** How `MAX_ROW_BYTES` reads in a message. */
export const MAX_ROW_TEXT = '1 MiB';

/** The most columns accepted; Spark's default `maxColumns` is 20,480, Excel's 16,384. */
export const MAX_COLUMNS = 10_000;

/** The most bytes of text one column may hold: Arrow Utf8 offsets are signed 32-bit. */
export const MAX_COLUMN_TEXT_BYTES = 2 ** 31 - 1;
