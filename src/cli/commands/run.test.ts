import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRatingsFile,
  evaluateAndRecommendDemo,
  trainAndScoreDemo,
} from '../../core/workflow/demos.ts';
import { serializeWorkflow } from '../../core/workflow/format.ts';
import type { Workflow } from '../../core/workflow/model.ts';
import { repoRoot, runCli, runMain } from '../testing/runCli.ts';

const ratings = join(repoRoot, 'public', 'data', demoRatingsFile);
const data = ['--data', `${demoRatingsFile}=${ratings}`];
let folder: string;
const path = (...names: string[]) => join(folder, ...names);

/** Rows of a CSV file as arrays of cells (the files here have no quoted cells). */
async function csvRows(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const [header, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
  return { header: header.split(','), rows: rows.map((row) => row.split(',')) };
}

/** Saves a workflow as the editor's Export does, into the test folder. */
async function saved(name: string, workflow: Workflow): Promise<string> {
  const file = path(name);
  await writeFile(file, serializeWorkflow(workflow));
  return file;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'recflow-run-'));
  await mkdir(path('beside'));
  await mkdir(path('empty'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('recflow run', () => {
  it('runs the Train and score demo as exported and writes the scored ratings', async () => {
    const workflow = await saved('train-and-score.json', trainAndScoreDemo());

    const { code, stdout, stderr } = await runCli([
      'run',
      workflow,
      ...data,
      '--out',
      path('scored'),
    ]);

    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^Fit: completed in \d+\.\d s$/m);
    expect(stdout).toContain(`demo-transform-0: 1,501 rows, columns user, item, rating`);
    const { header, rows } = await csvRows(path('scored', 'demo-transform-0.csv'));
    expect(header).toEqual(['user', 'item', 'rating', 'timestamp', 'prediction']);
    expect(rows).toHaveLength(1501);
    for (const row of rows) expect(Number.isFinite(Number(row[4])), row.join()).toBe(true);
    expect(JSON.parse(await readFile(path('scored', 'metrics.json'), 'utf8'))).toEqual({});
  });

  it('runs the Evaluate and recommend demo: a finite RMSE and ten items per user', async () => {
    const workflow = await saved('evaluate-and-recommend.json', evaluateAndRecommendDemo());

    const { code, stdout, stderr } = await runCli([
      'run',
      workflow,
      ...data,
      '--out',
      path('evaluated'),
    ]);

    expect(code, stderr).toBe(0);
    const metrics = JSON.parse(await readFile(path('evaluated', 'metrics.json'), 'utf8'));
    expect(Object.keys(metrics)).toEqual(['demo-evaluate']);
    expect(metrics['demo-evaluate'].rmse).toBeGreaterThan(0);
    expect(metrics['demo-evaluate'].rmse).toBeLessThan(3);
    expect(stdout).toContain(`demo-evaluate: rmse = ${metrics['demo-evaluate'].rmse}`);

    const { header, rows } = await csvRows(path('evaluated', 'demo-recommend-0.csv'));
    expect(header).toEqual(['user', 'item', 'rank', 'score']);
    expect(rows).toHaveLength(30 * 10);
    expect(rows.slice(0, 10).map((row) => row[2])).toEqual(
      Array.from({ length: 10 }, (_, rank) => String(rank + 1)),
    );
    for (const row of rows) expect(Number.isFinite(Number(row[3])), row.join()).toBe(true);
  });

  it('trains on worker threads to the same predictions as on one thread', async () => {
    const workflow = await saved('threads.json', trainAndScoreDemo());
    const predictions = async (threads: string) => {
      const out = path(`threads-${threads}`);
      const args = ['run', workflow, ...data, '--out', out, '--threads', threads];
      const { code, stderr } = await runCli(args);
      expect(code, stderr).toBe(0);
      const onThreads = 'recflow run: ALS trains on 2 threads';
      if (threads === '2') expect(stderr).toContain(onThreads);
      else expect(stderr).not.toContain(onThreads);
      return (await csvRows(join(out, 'demo-transform-0.csv'))).rows.map((row) => row[4]);
    };
    const [one, two] = await Promise.all([predictions('1'), predictions('2')]);
    expect(one).toHaveLength(1501);
    expect(two).toEqual(one);
  });

  it('refuses --threads that is not a whole number from 1, with exit code 2', async () => {
    const workflow = await saved('threads-zero.json', trainAndScoreDemo());
    const { code, stderr } = await runCli(['run', workflow, ...data, '--threads', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--threads must be a whole number from 1 to 256; got 0.');
  });

  it('prints one JSON object with --json', async () => {
    const workflow = await saved('json.json', trainAndScoreDemo());

    const { code, stdout } = await runCli(['run', workflow, ...data, '--json']);

    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.status).toBe('completed');
    expect(summary.nodes.map((node: { status: string }) => node.status)).toEqual(
      Array(4).fill('completed'),
    );
    expect(summary.outputs).toEqual([
      {
        node: 'demo-transform',
        port: 0,
        name: 'demo-transform-0',
        rows: 1501,
        columns: ['user', 'item', 'rating', 'timestamp', 'prediction'],
        file: null,
      },
    ]);
  });

  it('finds a file named by Read DataFrame beside the workflow file, without --data', async () => {
    const workflow = join(folder, 'beside', 'workflow.json');
    await writeFile(workflow, serializeWorkflow(trainAndScoreDemo()));
    await copyFile(ratings, join(folder, 'beside', demoRatingsFile));

    const { code, stderr } = await runCli(['run', workflow], path('empty'));

    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      `Read DataFrame (node demo-read-ratings) reads ${join(folder, 'beside', demoRatingsFile)}, ` +
        "found in the workflow file's folder",
    );
  });

  it('matches --data to a Read DataFrame by its node name', async () => {
    const workflow = trainAndScoreDemo();
    const reader = workflow.nodes[0];
    workflow.nodes[0] = { ...reader, label: 'ratings', params: { 'CSV file': 'gone.csv' } };
    const file = await saved('by-name.json', workflow);

    const { code, stderr } = await runCli(['run', file, '--data', `ratings=${ratings}`]);

    expect(code, stderr).toBe(0);
  });

  it('fails, naming the node and the flag to pass, when a file is not found', async () => {
    const workflow = await saved('no-data.json', trainAndScoreDemo());

    const { code, stdout, stderr } = await runCli(['run', workflow], path('empty'));

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'recflow run: Read DataFrame (node demo-read-ratings) reads ' +
        `\`${demoRatingsFile}\`, which is not in \`${folder}\` or \`${path('empty')}\`; ` +
        `pass --data ${demoRatingsFile}=PATH.\n`,
    );
  });

  it('exits 1 with the failing node’s message; the nodes after it do not run', async () => {
    const workflow = evaluateAndRecommendDemo();
    const alsNode = workflow.nodes.find((node) => node.id === 'demo-als')!;
    alsNode.params = { ...alsNode.params, 'user column': { type: 'column', value: 'person' } };
    const file = await saved('failing.json', workflow);

    const { code, stderr } = await runCli(['run', file, ...data, '--out', path('failed')]);

    expect(code).toBe(1);
    expect(stderr).toMatch(/^Fit: failed after \d+\.\d s$/m);
    expect(stderr).toMatch(/^Recommend: not run, a node it needs failed$/m);
    expect(stderr).toMatch(
      /recflow run: Fit: user column: Column `person` does not exist in the input DataFrame/,
    );
    expect(JSON.parse(await readFile(path('failed', 'metrics.json'), 'utf8'))).toEqual({});
  });

  it('refuses a --data that matches no Read DataFrame, with exit code 2', async () => {
    const workflow = await saved('typo.json', trainAndScoreDemo());

    const { code, stderr } = await runMain(['run', workflow, '--data', `ratngs.csv=${ratings}`]);

    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--data ratngs\.csv: no Read DataFrame reads or is named that \(they are `sample_movielens_/,
    );
  });

  it.each([
    [[], /give the workflow file to use/],
    [['a.json', 'b.json'], /give one workflow file; got `a\.json`, `b\.json`/],
    [['a.json', '--data', 'no-equals'], /--data takes NAME=PATH/],
  ])('refuses the command line %j with exit code 2', async (args, message) => {
    const { code, stderr } = await runMain(['run', ...args]);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a file that is not a workflow, naming it', async () => {
    await writeFile(path('not-a-workflow.json'), '{"nodes": []}');

    const { code, stderr } = await runMain(['run', path('not-a-workflow.json')]);

    expect(code).toBe(1);
    expect(stderr).toContain(
      `${path('not-a-workflow.json')}: This is not a workflow file recflow can open: it has ` +
        'no "workflow" object.',
    );
  });
});
