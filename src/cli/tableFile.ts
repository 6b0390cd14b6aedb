import { open, stat } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { readCsv } from '../core/csv/index.ts';
import { csvSourceFromPath } from '../core/csv/nodeSource.ts';
import { RecflowError } from '../core/errors.ts';
import type { ProgressBar } from './progress.ts';

/** How to read one CSV file given on the command line. */
export interface TableFileOptions {
  /** What the file is for, in messages: "training file", "test file". */
  role: string;
  separator: string;
  /** true or false when the user said so; undefined to decide from the first row. */
  header: boolean | undefined;
  progress: ProgressBar;
}

export interface TableFile {
  path: string;
  table: Table;
  hasHeader: boolean;
  /** Things to tell the user on stderr: header detection, the reader's warnings. */
  notes: string[];
  /** Set when the separator never occurs in the first row: which one probably does. */
  separatorHint: string | undefined;
}

/** The first line looked at to decide whether there is a header; longer lines are cut. */
const firstLineBytes = 64 * 1024;
const decimalNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const likelySeparators = ['::', ',', '\t', ';', '|', ' '];

/**
 * Reads a CSV file into an Arrow table. Unless told, a file whose first row holds only numbers
 * is taken to have no header (columns `_c0`, `_c1`, …), as Spark's MovieLens sample has none.
 */
export async function readTableFile(path: string, options: TableFileOptions): Promise<TableFile> {
  const size = await fileSize(path, options.role);
  const line = await firstLine(path);
  if (size === 0 || line.trim() === '') {
    throw new RecflowError(
      `the ${options.role} \`${path}\` is empty or starts with a blank line; give a file ` +
        'whose first line is a header or a rating.',
    );
  }

  const notes: string[] = [];
  const firstRowIsData = line
    .split(options.separator)
    .every((field) => decimalNumber.test(field.trim()));
  const hasHeader = options.header ?? !firstRowIsData;
  if (options.header === undefined && !hasHeader) {
    notes.push(
      `${path}: the first row holds only numbers, so it is read as data, not a header; ` +
        'columns are _c0, _c1, …  (--header reads it as column names)',
    );
  }

  const { table, warnings } = await readCsv(
    await csvSourceFromPath(path),
    { separator: options.separator, namesIncluded: hasHeader, convertToBoolean: false },
    {
      onProgress: (bytesRead, totalBytes) =>
        options.progress.update({
          label: `reading ${path}`,
          fraction: totalBytes > 0 ? bytesRead / totalBytes : 1,
        }),
    },
  );
  options.progress.finish();
  notes.push(...warnings.map((warning) => `${path}: ${warning}`));
  const separatorHint = line.includes(options.separator)
    ? undefined
    : hintSeparator(line, options.separator);
  return { path, table, hasHeader, notes, separatorHint };
}

async function fileSize(path: string, role: string): Promise<number> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) {
      throw new RecflowError(`the ${role} \`${path}\` is not a file; give the path of a CSV file.`);
    }
    return stats.size;
  } catch (error) {
    if (error instanceof RecflowError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new RecflowError(`the ${role} \`${path}\` ${reason}; check the path.`, { cause: error });
  }
}

/** The first line of a file as text, without its line break or a byte order mark. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(firstLineBytes);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = new TextDecoder().decode(buffer.subarray(0, bytesRead));
    return text.split(/\r?\n/, 1)[0].replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

function hintSeparator(line: string, separator: string): string {
  const likely = likelySeparators.find((candidate) => line.includes(candidate));
  const shown = separator === '\t' ? 'tab' : `\`${separator}\``;
  const suggestion = likely === undefined ? '' : `; it looks like --separator '${likely}'`;
  return `the separator ${shown} does not occur in the first row${suggestion}`;
}
