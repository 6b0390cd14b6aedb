import type { Ratings } from '../../core/als/types.ts';
import { ratingsCsv } from '../../core/bench/syntheticCsv.ts';
import { readCsv } from '../../core/csv/index.ts';
import { median } from '../stats.ts';
import { collectGarbage } from './memory.ts';

/** How the ratings are written: plain CSV, or MovieLens's own `ratings.dat` layout. */
export interface CsvFormat {
  name: string;
  separator: string;
  header: boolean;
}

export const csvFormats: CsvFormat[] = [
  { name: 'CSV with a header, comma', separator: ',', header: true },
  { name: "MovieLens .dat, '::', no header", separator: '::', header: false },
];

export interface CsvThroughput {
  format: CsvFormat;
  bytes: number;
  rows: number;
  runs: number;
  /** Median over the runs. */
  seconds: number;
  megabytesPerSecond: number;
  rowsPerSecond: number;
}

/**
 * How fast `readCsv` turns CSV bytes into an Arrow table: the ratings written as
 * `user,item,rating,timestamp` (22 to 26 bytes a row for the 1m shape), read from memory so
 * that the disk does not count. The median of `runs` reads.
 */
export async function measureCsvThroughput(
  ratings: Ratings,
  format: CsvFormat,
  runs: number,
): Promise<CsvThroughput> {
  const bytes = ratingsCsv(ratings, { separator: format.separator, header: format.header });
  const options = {
    separator: format.separator,
    namesIncluded: format.header,
    convertToBoolean: false,
  };

  const seconds: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const started = performance.now();
    const { rowCount } = await readCsv(bytes, options);
    seconds.push((performance.now() - started) / 1000);
    rows = rowCount;
  }

  const typical = median(seconds) ?? Number.NaN;
  return {
    format,
    bytes: bytes.length,
    rows,
    runs,
    seconds: typical,
    megabytesPerSecond: bytes.length / 1e6 / typical,
    rowsPerSecond: rows / typical,
  };
}
