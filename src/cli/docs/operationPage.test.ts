import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { als } from '../../core/operations/als.ts';
import { operations } from '../../core/operations/catalog.ts';
import { readDataFrame } from '../../core/operations/readDataFrame.ts';
import { defaultDocsFolder } from '../commands/docs.ts';
import { kebabName, operationDocs, operationPage } from './operationPage.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const seedPath = join(repoRoot, '..', 'shared', 'spec', 'seed-als-operation.md');
const seedPresent = existsSync(seedPath);

/** [name, type] of each row of the seed's HTML parameters table. */
function seedParameters(html: string): [string, string][] {
  const table = html.slice(html.indexOf('## Parameters'));
  const rows = [
    ...table.matchAll(/<tr>\s*<td><code>(.*?)<\/code><\/td>\s*<td><code><a[^>]*>(.*?)<\/a>/g),
  ];
  return rows.map((row) => [row[1], row[2]]);
}

/** [name, type] of each row of a generated page's parameters table. */
function pageParameters(markdown: string): [string, string][] {
  const table = markdown.slice(markdown.indexOf('## Parameters'));
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((line) => {
    const [name, type] = line.split(' | ');
    return [name.replace(/^\| `|`$/g, ''), type];
  });
}

describe('operation docs', () => {
  it.skipIf(!seedPresent)(
    seedPresent
      ? "lists ALS's parameters with the seed docs' names, types and order"
      : `lists ALS's parameters as the seed does (SKIPPED: ${seedPath} is absent)`,
    () => {
      const seed = seedParameters(readFileSync(seedPath, 'utf8'));
      const generated = pageParameters(operationPage(als));

      expect(seed).toHaveLength(14);
      expect(generated.slice(0, 14)).toEqual(seed);
      // After the seed's fourteen come recflow's own additions (nested rows aside).
      const added = generated.slice(14).map(([name]) => name);
      expect(added.filter((name) => !name.includes(' › '))).toEqual([
        'cold start strategy',
        'solver',
      ]);
    },
  );

  it('names files in kebab case', () => {
    expect(kebabName('Read DataFrame')).toBe('read-dataframe');
    expect(kebabName('Fit + Transform')).toBe('fit-transform');
    expect(kebabName('ALS')).toBe('als');
  });

  it('shows the Seahorse id, the ports and each parameter with its default and rule', () => {
    const page = operationPage(als);

    expect(page).toContain('# ALS\n');
    expect(page).toContain('`5a9e4883-b653-418e-bc51-a42fde476a63`');
    expect(page).toContain('| 0 | Estimator | an estimator that Fit trains on ratings |');
    expect(page).toContain('| `rank` | Numeric | ');
    expect(page).toContain('| 10 | 1 <= rank <= 1000, rank is an integer |');
    expect(page).toContain('| `cold start strategy` | Choice (nan, drop) |');
  });

  it("lists a choice's nested parameters under it", () => {
    const page = operationPage(readDataFrame);

    expect(page).toMatch(/\| `separator › custom separator` \| String \| Only with `custom`\./);
  });

  it('are committed and current (otherwise run `node bin/recflow.mjs docs`)', () => {
    const wanted = operationDocs(operations);
    const committed = readdirSync(defaultDocsFolder).filter((name) => name.endsWith('.md'));

    expect(committed.sort()).toEqual([...wanted.keys()].sort());
    for (const [name, content] of wanted) {
      expect(readFileSync(join(defaultDocsFolder, name), 'utf8'), name).toBe(content);
    }
  });
});
