import { stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { predict, recommendForAllUsers, transformTable } from '../core/als/index.ts';
import type { AlsModel, Ratings } from '../core/als/types.ts';
import { csvChunks } from '../core/csv/index.ts';
import { messageOf, RecflowError } from '../core/errors.ts';
import type { TableFile } from './tableFile.ts';

/** Fails before training, not after it, when an output file could not be written. */
export async function checkOutputFolder(path: string | undefined, flag: string): Promise<void> {
  if (path === undefined) return;
  const folder = dirname(path);
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new RecflowError(
      `--${flag} ${path}: the folder \`${folder}\` does not exist; create it or choose ` +
        'another path.',
    );
  }
}

/** Root mean squared error over the ratings whose user and item were both seen in training. */
export interface RmseResult {
  /** null when no rating could be scored. */
  rmse: number | null;
  scored: number;
  /** Ratings of a user or item the model has no factors for (cold start), left out. */
  dropped: number;
}

export function rmseOn(model: AlsModel, ratings: Ratings): RmseResult {
  const predictions = predict(model, ratings.users, ratings.items);
  let squares = 0;
  let scored = 0;
  for (let row = 0; row < predictions.length; row++) {
    if (Number.isNaN(predictions[row])) continue;
    const error = predictions[row] - ratings.ratings[row];
    squares += error * error;
    scored++;
  }
  return {
    rmse: scored > 0 ? Math.sqrt(squares / scored) : null,
    scored,
    dropped: predictions.length - scored,
  };
}

/**
 * Writes the rows of a file with a `prediction` column added; rows with an unseen user or
 * item are kept with the prediction `NaN`, as Spark's cold start strategy `nan` does.
 */
export async function writePredictions(
  outPath: string,
  model: AlsModel,
  file: TableFile,
  columns: { user: string; item: string },
  separator: string,
): Promise<number> {
  const predictionColumn = 'prediction';
  if (file.table.schema.fields.some((field) => field.name === predictionColumn)) {
    throw new RecflowError(
      `${file.path} already has a column \`${predictionColumn}\`; rename it so that the ` +
        'predictions can be added.',
    );
  }
  const scored = transformTable(model, file.table, {
    userColumn: columns.user,
    itemColumn: columns.item,
    predictionColumn,
    coldStartStrategy: 'nan',
  });
  await writeText(outPath, csvChunks(scored, { separator }));
  return scored.numRows;
}

/**
 * Writes the top k items of every user as `user,item,rank,score`, rank 1 being the best.
 * Items the user already rated are not left out (Spark's behaviour).
 */
export async function writeRecommendations(
  outPath: string,
  model: AlsModel,
  k: number,
): Promise<{ users: number; perUser: number }> {
  const recommendations = recommendForAllUsers(model, k);
  const { ids, recommendedIds, scores } = recommendations;
  const perUser = recommendations.k;

  function* lines(): Generator<string> {
    yield 'user,item,rank,score\n';
    let block = '';
    for (let row = 0; row < ids.length; row++) {
      for (let place = 0; place < perUser; place++) {
        const at = row * perUser + place;
        block += `${ids[row]},${recommendedIds[at]},${place + 1},${scores[at]}\n`;
      }
      if (block.length > 1 << 16) {
        yield block;
        block = '';
      }
    }
    yield block;
  }
  await writeText(outPath, lines());
  return { users: ids.length, perUser };
}

/** Writes text pieces to a file as they are produced. */
async function writeText(outPath: string, pieces: Iterable<string>): Promise<void> {
  try {
    await writeFile(outPath, pieces);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    throw new RecflowError(`cannot write \`${outPath}\` (${reason}); check the path.`, {
      cause: error,
    });
  }
}
