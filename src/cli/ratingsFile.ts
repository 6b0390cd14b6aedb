import { ratingsFromTable } from '../core/als/index.ts';
import type { Ratings } from '../core/als/types.ts';
import { RecflowError } from '../core/errors.ts';
import { pickColumn, type RatingRole } from './columns.ts';
import type { ProgressBar } from './progress.ts';
import { readTableFile, type TableFile } from './tableFile.ts';

/** A CSV file of ratings as read for ALS: the table, the columns used, the checked ratings. */
export interface RatingsFile {
  file: TableFile;
  columns: Record<RatingRole, string>;
  ratings: Ratings;
}

export interface RatingsFileOptions {
  separator: string;
  /** true or false when the user said so; undefined to decide from the first row. */
  header: boolean | undefined;
  /** What the user chose with --user-column, --item-column and --rating-column. */
  columns: Record<RatingRole, string | undefined>;
  progress: ProgressBar;
  /** Tells the user something on stderr (header detection, reader warnings). */
  note(line: string): void;
}

/**
 * Reads a ratings CSV, finds its user, item and rating columns, and checks the values as ALS
 * does; every error names the file, so that a training and a test file can be told apart.
 */
export async function readRatingsFile(
  path: string,
  role: string,
  options: RatingsFileOptions,
): Promise<RatingsFile> {
  const file = await readTableFile(path, { role, ...options });
  for (const line of file.notes) options.note(line);

  const columns = {
    user: pickColumn(file, 'user', options.columns.user),
    item: pickColumn(file, 'item', options.columns.item),
    rating: pickColumn(file, 'rating', options.columns.rating),
  };
  try {
    return { file, columns, ratings: ratingsFromTable(file.table, columns) };
  } catch (error) {
    if (error instanceof RecflowError) {
      throw new RecflowError(`${path}: ${error.message}`, { row: error.row, cause: error });
    }
    throw error;
  }
}
