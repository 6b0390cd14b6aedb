/**
 * CSV in and out of Arrow tables. Browser-safe: the Node file adapter, `csvSourceFromPath`,
 * lives in `nodeSource.ts` and is imported from there by the CLI.
 */
export { formatDouble, neutraliseFormula } from './formatCell.ts';
export { MAX_COLUMNS, MAX_ROW_BYTES } from './limits.ts';
export { readCsv } from './readCsv.ts';
export type { CsvOptions, CsvReadHooks, CsvReadResult, CsvSource } from './types.ts';
export { defaultCsvOptions } from './types.ts';
export type { CsvWriteOptions } from './writeCsv.ts';
export { csvChunks, writeCsv } from './writeCsv.ts';
