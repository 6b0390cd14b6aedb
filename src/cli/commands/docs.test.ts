import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain } from '../testing/runCli.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'recflow-docs-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('recflow docs', () => {
  it('writes a page per operation and an index, and removes pages of unknown ones', async () => {
    await writeFile(join(folder, 'retired-operation.md'), '# Retired\n');

    const { code, stdout } = await runMain(['docs', '--dir', folder]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^recflow docs: wrote \d+ files to /);
    const files = await readdir(folder);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'als.md', 'read-dataframe.md']));
    expect(files).not.toContain('retired-operation.md');
    expect(await readFile(join(folder, 'README.md'), 'utf8')).toContain('[ALS](als.md)');
  });

  it('lists stale, missing and extra files with --check, changing nothing', async () => {
    await runMain(['docs', '--dir', folder]);
    await writeFile(join(folder, 'als.md'), 'edited by hand\n');
    await rm(join(folder, 'fit.md'));
    await writeFile(join(folder, 'retired-operation.md'), '# Retired\n');

    const { code, stderr } = await runMain(['docs', '--check', '--dir', folder]);

    expect(code).toBe(1);
    expect(stderr).toMatch(/3 file\(s\) in .* are out of date:/);
    expect(stderr).toMatch(/^ {2}als\.md \(differs\)$/m);
    expect(stderr).toMatch(/^ {2}fit\.md \(missing\)$/m);
    expect(stderr).toMatch(/^ {2}retired-operation\.md \(no such operation any more\)$/m);
    expect(stderr).toMatch(/Run `node bin\/recflow\.mjs docs` to regenerate them/);
    expect(await readFile(join(folder, 'als.md'), 'utf8')).toBe('edited by hand\n');
  });
});
