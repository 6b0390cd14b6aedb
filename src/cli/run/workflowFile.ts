import { readFile } from 'node:fs/promises';
import { RecflowError } from '../../core/errors.ts';
import { parseWorkflow } from '../../core/workflow/format.ts';
import type { Workflow } from '../../core/workflow/model.ts';

/** Reads and validates a workflow file; errors name the file and say what to fix. */
export async function readWorkflowFile(path: string): Promise<Workflow> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder'
          : `cannot be read (${code ?? String(error)})`;
    throw new RecflowError(
      `the workflow file \`${path}\` ${reason}; give the path of a workflow exported from recflow.`,
      { cause: error },
    );
  }

  try {
    return parseWorkflow(text);
  } catch (error) {
    if (!(error instanceof RecflowError)) throw error;
    throw new RecflowError(`${path}: ${error.message}`, { cause: error });
  }
}
