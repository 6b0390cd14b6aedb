import { RecflowError } from '../core/errors.ts';
import type { TableFile } from './tableFile.ts';

/** The three columns ALS reads, by the role they play. */
export type RatingRole = 'user' | 'item' | 'rating';

/** Spark's default column names, and their positions in a file without a header. */
const defaults: Record<RatingRole, { name: string; index: number }> = {
  user: { name: 'user', index: 0 },
  item: { name: 'item', index: 1 },
  rating: { name: 'rating', index: 2 },
};

/**
 * The name of the column that holds a role. `chosen` is the value of `--<role>-column`: a
 * column name, or a whole number that is not a column name, taken as a 0-based index.
 * Without it a file with a header uses Spark's names (`user`, `item`, `rating`) and a file
 * without one the positions 0, 1 and 2.
 */
export function pickColumn(file: TableFile, role: RatingRole, chosen: string | undefined): string {
  const names = file.table.schema.fields.map((field) => field.name);
  const flag = `--${role}-column`;

  let index: number;
  if (chosen !== undefined) {
    if (names.includes(chosen)) return chosen;
    if (!/^\d+$/.test(chosen)) {
      throw columnError(file, names, `has no column \`${chosen}\` (${flag})`, flag);
    }
    index = Number(chosen);
  } else if (file.hasHeader) {
    const { name } = defaults[role];
    if (names.includes(name)) return name;
    throw columnError(file, names, `has no column \`${name}\` for the ${role}s`, flag);
  } else {
    index = defaults[role].index;
  }

  if (index >= names.length) {
    const given =
      chosen === undefined
        ? `needs a column at index ${index}`
        : `has no column at index ${index} (${flag})`;
    throw columnError(file, names, `${given} for the ${role}s`, flag);
  }
  return names[index];
}

function columnError(file: TableFile, names: string[], problem: string, flag: string) {
  const listed = names.map((name, index) => `${index}: \`${name}\``).join(', ');
  const hint = file.separatorHint === undefined ? '' : ` Note: ${file.separatorHint}.`;
  return new RecflowError(
    `${file.path} ${problem}; its columns are ${listed}. Choose one with ${flag} NAME or ` +
      `${flag} INDEX (0-based).${hint}`,
  );
}
