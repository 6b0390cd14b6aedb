import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { csvSourceFromPath } from './nodeSource.ts';
import { readCsv } from './readCsv.ts';
import { rejectionOf, valuesOf } from './testHelpers.ts';
import { defaultCsvOptions } from './types.ts';

describe('csvSourceFromPath', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'recflow-csv-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a file from disk, twice when a column needs it', async () => {
    const path = join(folder, 'ratings.csv');
    await writeFile(path, 'user,item,rating\n1,10,4.5\n2,20,n/a\n');
    const source = await csvSourceFromPath(path);
    expect(source).toMatchObject({ size: 35 });
    const { table } = await readCsv(source, defaultCsvOptions);
    expect(valuesOf(table)).toEqual({ user: [1, 2], item: [10, 20], rating: ['4.5', 'n/a'] });
  });

  it('refuses a missing path and a folder', async () => {
    const missing = await rejectionOf(csvSourceFromPath(join(folder, 'nope.csv')));
    expect(missing).toBeInstanceOf(RecflowError);
    expect(missing.message).toMatch(/^cannot open `.*nope\.csv`; check that the file exists/);
    const directory = await rejectionOf(csvSourceFromPath(folder));
    expect(directory.message).toMatch(/is not a file; give the path of a CSV file\.$/);
  });
});
