/**
 * NODE ONLY: imports `node:fs`. Not exported from `index.ts`, which must stay browser-safe;
 * the CLI imports it from here.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RecflowError } from '../errors.ts';
import { PIECE_BYTES } from './sourceChunks.ts';
import type { CsvSource } from './types.ts';

/** Bytes read ahead: enough that the next chunk is ready while the reader parses one. */
const READ_AHEAD_BYTES = 4 * PIECE_BYTES;

/**
 * A file on disk as a `CsvSource`: each `stream()` opens the file anew and reads it in 4 MiB
 * chunks. Throws a `RecflowError` when the path is missing or not a file.
 */
export async function csvSourceFromPath(path: string): Promise<CsvSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new RecflowError(`\`${path}\` is not a file; give the path of a CSV file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof RecflowError) throw error;
    throw new RecflowError(`cannot open \`${path}\`; check that the file exists and is readable.`, {
      cause: error,
    });
  }
  return {
    size,
    stream: () => createReadStream(path, { highWaterMark: READ_AHEAD_BYTES }),
  };
}
