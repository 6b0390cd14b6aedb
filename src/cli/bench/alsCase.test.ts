import { describe, expect, it } from 'vitest';
import { syntheticRatings } from '../../core/bench/synthetic.ts';
import { runMain } from '../testing/runCli.ts';
import { alsCases, timeFitAls, timeReference } from './alsCase.ts';
import { csvFormats, measureCsvThroughput } from './csvThroughput.ts';
import { alsTable, targetLine } from './report.ts';

const tiny = syntheticRatings({ users: 30, items: 40, ratings: 600 }, 1);
const explicit = alsCases[0];

describe('bench measurements', () => {
  it('times each fitAls iteration and samples its memory', async () => {
    const seen: number[] = [];
    const timing = await timeFitAls(tiny, explicit, 3, (iteration) => seen.push(iteration));

    expect(seen).toEqual([1, 2, 3]);
    expect(timing.iterationSeconds).toHaveLength(3);
    expect(timing.secondsPerIteration).toBeGreaterThan(0);
    expect(timing.memory.rss).toBeGreaterThan(0);
  });

  it('times the reference per iteration, apart from its setup', () => {
    const timing = timeReference(tiny, explicit, 2);

    expect(timing.iterations).toBe(2);
    expect(timing.secondsPerIteration).toBeGreaterThanOrEqual(0);
    expect(timing.setupSeconds).toBeGreaterThan(0);
  });

  it('reads every generated row back when measuring CSV throughput, in both formats', async () => {
    for (const format of csvFormats) {
      const throughput = await measureCsvThroughput(tiny, format, 1);

      expect(throughput.rows).toBe(600);
      expect(throughput.megabytesPerSecond).toBeGreaterThan(0);
    }
  });

  it('compares explicit rank 10 with 30 ms only on the 1m shape', async () => {
    const fast = await timeFitAls(tiny, explicit, 2, () => {});
    const result = { alsCase: explicit, fast, baseline: timeReference(tiny, explicit, 1) };

    expect(targetLine(result, '1m')).toMatch(/^explicit rank 10: \d+ ms per iteration, /);
    expect(targetLine(result, '100k')).toMatch(/is for the 1m shape/);
    expect(alsTable([result], 600)).toMatch(/^explicit rank 10 +\d+\.\d{3} /m);
  });
});

describe('recflow bench', () => {
  it('prints one JSON report with the machine, every case and the CSV speeds', async () => {
    const { code, stdout } = await runMain([
      'bench',
      '--shape',
      '100k',
      '--iterations',
      '2',
      '--baseline-iterations',
      '0',
      '--csv-runs',
      '0',
      '--json',
    ]);

    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.shape).toMatchObject({ name: '100k', ratings: 100_000 });
    expect(report.cases.map((entry: { name: string }) => entry.name)).toEqual([
      'explicit rank 10',
      'implicit rank 10',
      'implicit rank 50',
      'explicit rank 50',
    ]);
    expect(report.cases[0].baselineSkipped).toBe('--baseline-iterations 0');
    expect(report.csv).toEqual([]);
  });
});
