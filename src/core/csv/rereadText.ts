import type { Data } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import { TextBuilder } from './textBuilder.ts';
import type { CsvRecord } from './tokenizer.ts';

/**
 * The second pass, needed only when a column became text after holding other values: reads
 * the text of just those columns again, every cell exactly as written.
 */
export class TextRereader {
  private readonly columns: number[];
  private readonly builders: TextBuilder[];
  private readonly rowCount: number;
  private readonly fieldCount: number;
  private skipHeader: boolean;
  private row = 0;

  /**
   * `columns`: the indexes to read among `names`; `rowCount`: the data rows the first pass
   * found; `namesIncluded`: whether the first row is a header to skip.
   */
  constructor(names: string[], columns: number[], rowCount: number, namesIncluded: boolean) {
    this.columns = columns;
    this.builders = columns.map((column) => new TextBuilder(names[column]));
    this.rowCount = rowCount;
    this.fieldCount = names.length;
    this.skipHeader = namesIncluded;
  }

  onRecord(record: CsvRecord): void {
    if (this.skipHeader) {
      this.skipHeader = false;
      return;
    }
    const row = this.row++;
    if (row >= this.rowCount || record.fieldCount !== this.fieldCount) {
      throw changedFileError(record.line);
    }
    const { bytes, starts, ends, kinds } = record;
    this.columns.forEach((column, index) => {
      this.builders[index].append(bytes, starts[column], ends[column], kinds[column], row);
    });
  }

  /** The text columns, in the order of `columns`. */
  finish(): Data[] {
    if (this.row !== this.rowCount) throw changedFileError(undefined);
    return this.builders.map((builder) => builder.finish(this.rowCount));
  }
}

function changedFileError(row: number | undefined): RecflowError {
  const where = row === undefined ? '' : ` (at row ${row})`;
  return new RecflowError(
    `the file changed while it was being read${where}; wait until nothing writes to it ` +
      'and read it again.',
    row === undefined ? {} : { row },
  );
}
