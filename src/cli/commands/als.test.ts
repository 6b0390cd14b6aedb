import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRatings } from '../../core/bench/synthetic.ts';
import { repoRoot, runCli, runMain } from '../testing/runCli.ts';

const sparkSample = join(repoRoot, '..', 'shared', 'data', 'sample_movielens_ratings.txt');
const fast = ['--rank', '4', '--iterations', '3'];
let folder: string;
const path = (name: string) => join(folder, name);

/**
 * 40 users, 50 items, 1,000 ratings: every fifth row is a test rating, the rest train. The
 * test file has one more row whose user was never seen in training.
 */
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'recflow-als-'));
  const { users, items, ratings } = syntheticRatings({ users: 40, items: 50, ratings: 1_000 }, 5);
  const rows = Array.from(users, (user, row) => [user, items[row], ratings[row], 1e9 + row]);
  const train = rows.filter((_, row) => row % 5 !== 0);
  const test = [...rows.filter((_, row) => row % 5 === 0), [9_999, 1, 3, 1e9]];
  const lines = (table: number[][], separator: string) =>
    table.map((row) => row.join(separator)).join('\n');

  await writeFile(path('train.csv'), `user,item,rating,timestamp\n${lines(train, ',')}\n`);
  await writeFile(path('test.csv'), `user,item,rating,timestamp\n${lines(test, ',')}\n`);
  await writeFile(path('train.dat'), `${lines(train, '::')}\n`);
  const reordered = train.map(([user, item, rating, time]) => [time, rating, item, user]);
  await writeFile(path('reordered.csv'), `stamp,score,movie,person\n${lines(reordered, ',')}\n`);
  await writeFile(path('fractional.csv'), 'user,item,rating\n1,2,3\n1.5,2,4\n');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('recflow als', () => {
  it('trains on a CSV with a header and prints ratings, users, items, speed and RMSE', async () => {
    const { code, stdout, stderr } = await runCli([
      'als',
      '--train',
      path('train.csv'),
      '--test',
      path('test.csv'),
      ...fast,
    ]);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ratings +800$/m);
    expect(stdout).toMatch(/^users +40$/m);
    expect(stdout).toMatch(/^items +50$/m);
    expect(stdout).toMatch(/^seconds per iteration +\d+\.\d{4}$/m);
    const trainRmse = Number(stdout.match(/^training RMSE +([\d.]+)$/m)?.[1]);
    expect(trainRmse).toBeGreaterThan(0);
    expect(trainRmse).toBeLessThan(1);
    expect(stdout).toMatch(/^test RMSE +[\d.]+ \(on 200 of 201 ratings; 1 with a user or item/m);
  });

  it('prints exactly one JSON object with --json, testRmse null without a test file', async () => {
    const [withoutTest, withTest] = await Promise.all([
      runCli(['als', '--train', path('train.csv'), ...fast, '--json']),
      runCli(['als', '--train', path('train.csv'), '--test', path('test.csv'), ...fast, '--json']),
    ]);

    const summary = JSON.parse(withoutTest.stdout);
    expect(Object.keys(summary)).toEqual([
      'ratings',
      'users',
      'items',
      'secondsPerIteration',
      'trainRmse',
      'testRmse',
    ]);
    expect(summary).toMatchObject({ ratings: 800, users: 40, items: 50, testRmse: null });
    expect(summary.secondsPerIteration).toBeGreaterThan(0);
    expect(JSON.parse(withTest.stdout).testRmse).toBeGreaterThan(summary.trainRmse);
  });

  it("reads a headerless '::' file like Spark's, and says that it found no header", async () => {
    const { code, stdout, stderr } = await runCli([
      'als',
      '--train',
      path('train.dat'),
      '--separator',
      '::',
      ...fast,
      '--json',
    ]);

    expect(code).toBe(0);
    expect(stderr).toMatch(/first row holds only numbers, so it is read as data/);
    expect(JSON.parse(stdout)).toMatchObject({ ratings: 800, users: 40, items: 50 });
  });

  it('reads the first row as names with --header, then asks for the user column', async () => {
    const { code, stderr } = await runCli([
      'als',
      '--train',
      path('train.dat'),
      '--separator',
      '::',
      '--header',
    ]);

    expect(code).toBe(1);
    expect(stderr).toMatch(/has no column `user` for the users; its columns are 0: `\d+`/);
    expect(stderr).toMatch(/Choose one with --user-column NAME or --user-column INDEX/);
  });

  it('picks columns by name or by 0-based index, giving the same model', async () => {
    const [byDefault, chosen] = await Promise.all([
      runCli(['als', '--train', path('train.csv'), ...fast, '--json']),
      runCli([
        'als',
        '--train',
        path('reordered.csv'),
        '--user-column',
        'person',
        '--item-column',
        '2',
        '--rating-column',
        'score',
        ...fast,
        '--json',
      ]),
    ]);

    expect(chosen.stderr).toBe('');
    expect(JSON.parse(chosen.stdout).trainRmse).toBe(JSON.parse(byDefault.stdout).trainRmse);
  });

  it('writes the test file with predictions, and the top K items of every user', async () => {
    const { code, stderr } = await runCli([
      'als',
      '--train',
      path('train.csv'),
      '--test',
      path('test.csv'),
      ...fast,
      '--predictions',
      path('predictions.csv'),
      '--recommend',
      '3',
      '--recommendations',
      path('recommendations.csv'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote 201 rows of .*test\.csv with predictions/);

    const predictions = (await readFile(path('predictions.csv'), 'utf8')).trim().split('\n');
    expect(predictions[0]).toBe('user,item,rating,timestamp,prediction');
    expect(predictions).toHaveLength(202);
    expect(Number(predictions[1].split(',')[4])).toBeGreaterThan(0);
    const coldStart = predictions[201].split(',');
    expect(coldStart[0]).toBe('9999');
    expect(['', 'NaN']).toContain(coldStart[4]);

    const lines = (await readFile(path('recommendations.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('user,item,rank,score');
    expect(lines).toHaveLength(1 + 40 * 3);
    const firstUser = lines.slice(1, 4).map((line) => line.split(',').map(Number));
    expect(firstUser.map(([, , place]) => place)).toEqual([1, 2, 3]);
    expect(firstUser[0][3]).toBeGreaterThanOrEqual(firstUser[1][3]);
    expect(firstUser[1][3]).toBeGreaterThanOrEqual(firstUser[2][3]);
  });

  it('refuses a missing file in a child process with exit code 1, without a stack', async () => {
    const { code, stdout, stderr } = await runCli(['als', '--train', 'nope.csv']);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'recflow als: the training file `nope.csv` does not exist; check the path.\n',
    );
  });

  it('refuses a bad option value in a child process with exit code 2 and a hint', async () => {
    const { code, stderr } = await runCli(['als', '--train', 'x.csv', '--rank', '0']);

    expect(code).toBe(2);
    expect(stderr).toBe(
      'recflow als: --rank: rank must satisfy 1 <= rank <= 1000, rank is an integer; got 0.\n' +
        'Run `recflow als --help` for the options.\n',
    );
  });

  it.for([
    [['--train', 'x.csv', '--reg', 'lots'], /--reg must be a number; got `lots`/],
    [['--train', 'x.csv', '--alpha', '-1'], /--alpha: alpha must satisfy 0 <= alpha; got -1/],
    [['--train', 'x.csv', '--seed', '1.5'], /seed is an integer; got 1\.5/],
    [
      ['--train', 'x.csv', '--iteratons', '3'],
      /unknown option --iteratons\. Did you mean --iterations\?/,
    ],
    [['--rank', '3'], /--train FILE\.csv is required/],
    [['--train', 'x.csv', '--recommend', '5'], /--recommend K and --recommendations OUT\.csv go/],
    [['--train', 'x.csv', '--recommend', '0', '--recommendations', 'r.csv'], /at least 1; got 0/],
    [['--train', 'x.csv', '--header', '--no-header'], /contradict each other/],
    [['--train', 'x.csv', '--separator', ''], /--separator is empty/],
  ] as const)('refuses the options %j with exit code 2 and a message', async ([args, message]) => {
    const { code, stdout, stderr } = await runMain(['als', ...args]);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses bad data, a wrong separator and a missing output folder', async () => {
    const [fractional, commas, noFolder] = await Promise.all([
      runCli(['als', '--train', path('fractional.csv')]),
      runCli(['als', '--train', path('train.dat')]),
      runCli(['als', '--train', path('train.csv'), '--predictions', path('missing/out.csv')]),
    ]);

    expect(fractional.code).toBe(1);
    expect(fractional.stderr).toMatch(/fractional\.csv: column `user` holds 1\.5 in row 2/);
    expect(commas.code).toBe(1);
    expect(commas.stderr).toMatch(/it looks like --separator '::'/);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/the folder `.*missing` does not exist; create it/);
  });

  it.skipIf(!existsSync(sparkSample))(
    existsSync(sparkSample)
      ? "trains on Spark's sample_movielens_ratings.txt as it is"
      : `trains on Spark's sample (SKIPPED: ${sparkSample} is absent)`,
    async () => {
      const { code, stdout, stderr } = await runCli([
        'als',
        '--train',
        '../shared/data/sample_movielens_ratings.txt',
        '--separator',
        '::',
        '--json',
      ]);

      expect(code).toBe(0);
      expect(stderr).toMatch(/read as data, not a header/);
      const summary = JSON.parse(stdout);
      expect(summary).toMatchObject({ ratings: 1_501, users: 30, items: 100, testRmse: null });
      expect(summary.trainRmse).toBeGreaterThan(0.1);
      expect(summary.trainRmse).toBeLessThan(1);
    },
  );
});
