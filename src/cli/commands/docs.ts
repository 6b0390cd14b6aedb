import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecflowError } from '../../core/errors.ts';
import { operations } from '../../core/operations/catalog.ts';
import { type Command, exitCodes } from '../command.ts';
import { operationDocs } from '../docs/operationPage.ts';
import { parseFlags } from '../flags.ts';

/** docs/operations of this repository, wherever the command is run from. */
export const defaultDocsFolder = fileURLToPath(
  new URL('../../../docs/operations', import.meta.url),
);

const usage = `Usage: recflow docs [--check] [--dir FOLDER]

Writes one Markdown page per operation of the catalog (title, description, Seahorse id,
ports, and a parameters table: Name, Type, Description, Default, Constraint) and an index,
README.md, from the operation descriptors. Pages of operations no longer in the catalog
are removed.

Options:
  --check        write nothing; exit 1 and list the files that differ from what would be
                 generated (the test script runs this)
  --dir FOLDER   where the pages go (default: docs/operations of this repository)`;

/** `recflow docs`: the operation reference pages, generated from the catalog. */
export const docsCommand: Command = {
  name: 'docs',
  summary: 'Write docs/operations/*.md from the operation catalog, or --check they are current',
  usage,
  async run(args) {
    const flags = parseFlags(args, { check: 'switch', dir: 'value' });
    const folder = flags.dir ?? defaultDocsFolder;
    const shown = relative(process.cwd(), folder) || '.';
    const wanted = operationDocs(operations);
    const present = await markdownFiles(folder);

    const stale: string[] = [];
    for (const [name, content] of wanted) {
      const current = present.has(name) ? await readFile(join(folder, name), 'utf8') : undefined;
      if (current === undefined) stale.push(`${name} (missing)`);
      else if (current !== content) stale.push(`${name} (differs)`);
    }
    const orphans = [...present].filter((name) => !wanted.has(name));
    stale.push(...orphans.map((name) => `${name} (no such operation any more)`));

    if (flags.check) {
      if (stale.length === 0) {
        process.stdout.write(`recflow docs: the ${wanted.size} files in ${shown} are current.\n`);
        return exitCodes.ok;
      }
      throw new RecflowError(
        `${stale.length} file(s) in ${shown} are out of date:\n` +
          stale.map((entry) => `  ${entry}\n`).join('') +
          'Run `node bin/recflow.mjs docs` to regenerate them, and commit the result.',
      );
    }

    await mkdir(folder, { recursive: true });
    for (const [name, content] of wanted) await writeFile(join(folder, name), content);
    for (const name of orphans) await rm(join(folder, name));
    const changed = stale.length === 0 ? 'none changed' : `${stale.length} changed`;
    process.stdout.write(`recflow docs: wrote ${wanted.size} files to ${shown} (${changed}).\n`);
    return exitCodes.ok;
  },
};

/** The .md files of a folder; none when it does not exist yet. */
async function markdownFiles(folder: string): Promise<Set<string>> {
  try {
    const names = await readdir(folder);
    return new Set(names.filter((name) => name.endsWith('.md')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}
