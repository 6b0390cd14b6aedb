import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { csvSourceFromPath } from '../../core/csv/nodeSource.ts';
import { RecflowError } from '../../core/errors.ts';
import type { FileStore, StoredFile } from '../../core/operation.ts';
import { readDataFrame } from '../../core/operations/readDataFrame.ts';
import type { Workflow, WorkflowNode } from '../../core/workflow/model.ts';
import { UsageError } from '../command.ts';

/**
 * Which file on disk each Read DataFrame reads. In the browser a Read DataFrame names an
 * uploaded file; on the command line that name, or the node's name, is looked up in this
 * order:
 *
 * 1. `--data NAME=PATH` where NAME is the node's name (its label), its id, or the file name
 *    in its "CSV file" parameter (a node's name or id wins over a file name);
 * 2. a file of that name in the workflow file's folder, so a workflow kept beside its data
 *    runs from anywhere;
 * 3. a file of that name in the current folder.
 *
 * Only a plain file name (no folder, not `..`) is looked for in 2 and 3, so a workflow file
 * cannot make recflow read a file elsewhere without a --data that says so.
 */

/** How one Read DataFrame's file was found. */
export interface DataBinding {
  node: WorkflowNode;
  path: string;
  foundBy: 'flag' | "workflow file's folder" | 'current folder';
}

export interface BoundData {
  /** The workflow with each Read DataFrame's "CSV file" set to the key of its file. */
  workflow: Workflow;
  files: FileStore;
  bindings: DataBinding[];
}

/** `--data NAME=PATH` values by NAME; the first `=` separates them. */
export function parseDataFlags(values: readonly string[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals <= 0 || equals === value.length - 1) {
      throw new UsageError(
        `--data takes NAME=PATH, e.g. --data ratings.csv=data/ratings.csv; got \`${value}\`.`,
      );
    }
    const name = value.slice(0, equals);
    if (byName.has(name)) throw new UsageError(`--data ${name}=… is given twice; give it once.`);
    byName.set(name, value.slice(equals + 1));
  }
  return byName;
}

const isPlainFileName = (name: string) =>
  name !== '.' && name !== '..' && !/[/\\]/.test(name) && !isAbsolute(name);

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/** The file name a Read DataFrame names, or null when it names none. */
function fileNameOf(node: WorkflowNode): string | null {
  const value = node.params['CSV file'];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Read DataFrame `ratings` (node 3f2a…)", or without a name when it has none. */
export function readerName(node: WorkflowNode): string {
  const label = node.label.trim();
  return `Read DataFrame ${label === '' ? '' : `\`${label}\` `}(node ${node.id})`;
}

function missingFileMessage(node: WorkflowNode, fileName: string | null, folders: string[]) {
  const named = readerName(node);
  const key = node.label.trim() || node.id;
  if (fileName === null) {
    return `${named} has no CSV file; pass --data ${key}=PATH.`;
  }
  if (!isPlainFileName(fileName)) {
    return `${named} reads \`${fileName}\`; pass --data ${fileName}=PATH to say where it is.`;
  }
  const where = [...new Set(folders)].map((folder) => `\`${folder}\``).join(' or ');
  return `${named} reads \`${fileName}\`, which is not in ${where}; pass --data ${fileName}=PATH.`;
}

/**
 * Finds the file of every Read DataFrame; throws one error listing every node whose file
 * is missing, and a usage error for a --data that matches no node.
 */
export async function bindDataFiles(
  workflow: Workflow,
  dataFlags: ReadonlyMap<string, string>,
  folders: { workflowFolder: string; currentFolder: string },
): Promise<BoundData> {
  const readers = workflow.nodes.filter((node) => node.operationId === readDataFrame.id);
  const usedFlags = new Set<string>();
  const bindings: DataBinding[] = [];
  const missing: string[] = [];

  for (const node of readers) {
    const fileName = fileNameOf(node);
    const keys = [node.label.trim(), node.id, fileName ?? ''].filter((key) => key !== '');
    const flag = keys.find((key) => dataFlags.has(key));
    if (flag !== undefined) {
      usedFlags.add(flag);
      const path = resolve(folders.currentFolder, dataFlags.get(flag)!);
      if (!(await isFile(path))) {
        missing.push(
          `${readerName(node)}: --data ${flag}=${dataFlags.get(flag)}: ` +
            `\`${path}\` is not a file; check the path.`,
        );
      }
      bindings.push({ node, path, foundBy: 'flag' });
      continue;
    }

    const candidates =
      fileName !== null && isPlainFileName(fileName)
        ? ([
            [join(folders.workflowFolder, fileName), "workflow file's folder"],
            [join(folders.currentFolder, fileName), 'current folder'],
          ] as const)
        : [];
    let found = false;
    for (const [path, foundBy] of candidates) {
      if (await isFile(path)) {
        bindings.push({ node, path: resolve(path), foundBy });
        found = true;
        break;
      }
    }
    if (!found) {
      const searched = [folders.workflowFolder, folders.currentFolder];
      missing.push(missingFileMessage(node, fileName, searched));
    }
  }

  const unused = [...dataFlags.keys()].filter((name) => !usedFlags.has(name));
  if (unused.length > 0) {
    const known = readers.flatMap((node) => [node.label.trim(), fileNameOf(node) ?? '']);
    const choices = [...new Set(known.filter((key) => key !== ''))].map((key) => `\`${key}\``);
    throw new UsageError(
      `--data ${unused.join(', ')}: no Read DataFrame reads or is named that` +
        (choices.length > 0 ? ` (they are ${choices.join(', ')}).` : '; the workflow has none.'),
    );
  }
  if (missing.length > 0) throw new RecflowError(missing.join('\n'));

  const files = new Map<string, StoredFile>();
  for (const { path } of bindings) {
    const [source, stats] = await Promise.all([csvSourceFromPath(path), stat(path)]);
    if (source instanceof Uint8Array) throw new Error('csvSourceFromPath returned bytes.');
    files.set(path, {
      name: basename(path),
      size: source.size,
      fingerprint: `${source.size}:${stats.mtimeMs}`,
      stream: source.stream,
    });
  }
  const pathOf = new Map(bindings.map(({ node, path }) => [node.id, path]));
  const bound: Workflow = {
    ...workflow,
    nodes: workflow.nodes.map((node) =>
      pathOf.has(node.id)
        ? { ...node, params: { ...node.params, 'CSV file': pathOf.get(node.id) } }
        : node,
    ),
  };
  return { workflow: bound, files: { get: (name) => files.get(name) }, bindings };
}
