import type { Table } from 'apache-arrow';
import { columnTypeOf } from '../frame/schema.ts';
import { cellFormatter, neutraliseFormula } from './formatCell.ts';
import { separatorBytes } from './separator.ts';

/** How `writeCsv` writes. */
export interface CsvWriteOptions {
  /**
   * Between fields; any string without a double quote or a line break.
   * @default ','
   */
  separator?: string;
}

/** Every character a number, boolean or ISO date can be written with. */
const NON_TEXT_CHARACTERS = /[0-9.+\-eEINaftiynrulsTZ:]/;

/** Rows per string that `csvChunks` yields. */
const ROWS_PER_CHUNK = 10_000;

/**
 * A table as CSV text (RFC 4180), in pieces of about 10,000 rows, so that a large table can go
 * into a `Blob` or a file without ever being one string: `new Blob([...csvChunks(table)])`.
 *
 * The first line names the columns. Lines end with LF (`\n`), which every spreadsheet and CSV
 * reader accepts, the last one included. A cell is quoted when it contains the separator, a
 * double quote, CR or LF, and its quotes are doubled. Null is an empty cell: CSV cannot tell
 * it from empty text. See `formatCell.ts` for how each type is written; text that looks like
 * a spreadsheet formula gets a leading `'`, in the header too.
 */
export function* csvChunks(table: Table, options: CsvWriteOptions = {}): Generator<string> {
  const separator = options.separator ?? ',';
  separatorBytes(separator);
  const names = table.schema.fields.map((field) => field.name);
  // With one column, an empty cell would make a blank line, which readers skip.
  const emptyCell = names.length === 1 ? '""' : '';
  const quote = (text: string) => quoteCell(text, separator, emptyCell);
  // Numbers, booleans and dates need quotes only with a separator made of their characters.
  const quoteAll = emptyCell !== '' || NON_TEXT_CHARACTERS.test(separator);
  const quoted = table.schema.fields.map(
    (field) => quoteAll || columnTypeOf(field.type) === 'string',
  );

  yield `${names.map((name) => quote(neutraliseFormula(name))).join(separator)}\n`;

  let rowOffset = 0;
  for (const batch of table.batches) {
    const cells = names.map((name, column) => {
      const format = cellFormatter(batch.getChildAt(column)!, name, rowOffset);
      return quoted[column] ? (row: number) => quote(format(row)) : format;
    });
    for (let first = 0; first < batch.numRows; first += ROWS_PER_CHUNK) {
      const last = Math.min(batch.numRows, first + ROWS_PER_CHUNK);
      let text = '';
      for (let row = first; row < last; row++) {
        let line = cells[0](row);
        for (let column = 1; column < cells.length; column++) {
          line += separator + cells[column](row);
        }
        text += `${line}\n`;
      }
      yield text;
    }
    rowOffset += batch.numRows;
  }
}

/** The whole table as one CSV string; see `csvChunks` for the format. */
export function writeCsv(table: Table, options: CsvWriteOptions = {}): string {
  return Array.from(csvChunks(table, options)).join('');
}

/**
 * Quotes a cell when a reader would otherwise split or change it. With a separator of several
 * characters, a cell whose end and the separator together contain an earlier copy of it (`a:`
 * before `::`) is quoted too, or a reader would cut the cell short.
 */
function quoteCell(text: string, separator: string, emptyCell: string): string {
  if (text.length === 0) return emptyCell;
  const needsQuotes =
    text.includes(separator) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    (separator.length > 1 && `${text}${separator}`.indexOf(separator) < text.length);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
