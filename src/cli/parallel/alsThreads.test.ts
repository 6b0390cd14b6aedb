import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRatings } from '../../core/bench/synthetic.ts';
import { runMain } from '../testing/runCli.ts';

let folder: string;
const path = (name: string) => join(folder, name);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'recflow-threads-'));
  const ratings = syntheticRatings({ users: 200, items: 120, ratings: 4000 }, 2);
  const lines = Array.from(
    ratings.users,
    (user, i) => `${user},${ratings.items[i]},${ratings.ratings[i]}`,
  );
  await writeFile(path('train.csv'), `user,item,rating\n${lines.join('\n')}\n`);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('recflow als on worker threads', () => {
  it('writes the same predictions with --threads 2 as with --threads 1', async () => {
    const predictions = async (threads: string, extra: string[]) => {
      const out = path(`predictions-${threads}-${extra.length}.csv`);
      const args = ['als', '--train', path('train.csv'), '--threads', threads, '--rank', '6'];
      const { code, stderr } = await runMain([...args, ...extra, '--predictions', out]);
      expect(stderr).not.toMatch(/error/i);
      expect(code).toBe(0);
      return readFile(out, 'utf8');
    };
    for (const extra of [[], ['--implicit', '--solver', 'cg', '--cg-steps', '4']]) {
      expect(await predictions('2', extra)).toBe(await predictions('1', extra));
    }
  });

  it.each([
    [['--solver', 'lu'], '--solver must be cholesky or cg; got lu.'],
    [['--cg-steps', '0'], '--cg-steps must be a whole number from 1 to 50; got 0.'],
    [['--threads', '1.5'], '--threads must be a whole number from 1 to 256; got 1.5.'],
    [['--solver', 'cg', '--nonnegative'], '--solver cg cannot keep factors non-negative'],
  ])('refuses %j', async (extra, message) => {
    const { code, stderr } = await runMain(['als', '--train', path('train.csv'), ...extra]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
