import type { AlsCase, BaselineTiming, FastTiming } from './alsCase.ts';
import type { CsvThroughput } from './csvThroughput.ts';
import { megabytes } from './memory.ts';

/** What NumPy/OpenBLAS batched normal-equation solves take per iteration on the 1m shape here. */
export const numpyTargetSeconds = 0.03;

export interface CaseResult {
  alsCase: AlsCase;
  fast: FastTiming;
  /** null when the baseline was skipped, with the reason. */
  baseline: BaselineTiming | null;
  baselineSkipped?: string;
}

const perSecond = (value: number) =>
  value >= 1e6 ? `${(value / 1e6).toFixed(2)} M` : `${(value / 1e3).toFixed(0)} k`;

/** The table of ALS results, one row per case, under 100 characters wide. */
export function alsTable(results: CaseResult[], ratings: number): string {
  const header = [
    'case',
    's/iter',
    'ratings/s',
    'setup s',
    'RSS MB',
    'ArrayBuf MB',
    'baseline s/iter',
    'speed-up',
  ];
  const rows = results.map(({ alsCase, fast, baseline, baselineSkipped }) => [
    alsCase.name,
    fast.secondsPerIteration.toFixed(3),
    perSecond(ratings / fast.secondsPerIteration),
    fast.setupSeconds.toFixed(2),
    megabytes(fast.memory.rss).toFixed(0),
    megabytes(fast.memory.arrayBuffers).toFixed(0),
    baseline === null
      ? baselineSkipped === undefined
        ? 'skipped'
        : 'skipped*'
      : `${baseline.secondsPerIteration.toFixed(3)} (${baseline.iterations} it)`,
    baseline === null
      ? '–'
      : `${(baseline.secondsPerIteration / fast.secondsPerIteration).toFixed(1)}×`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) =>
        column === 0 ? text.padEnd(widths[column]) : text.padStart(widths[column]),
      )
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Notes under the table: what the columns mean, how the baseline was timed, what was skipped. */
export function baselineNotes(results: CaseResult[]): string[] {
  const measured = results.filter((result) => result.baseline !== null);
  const notes = [
    'RSS MB, ArrayBuf MB: peaks of process.memoryUsage() sampled while fitAls trains;',
    '  setup s: the first iteration minus the median, i.e. indexing the ratings.',
  ];
  if (measured.length > 0) {
    notes.push(
      'baseline: fitAlsReference, the plain reference implementation, on the same data;',
      '  s/iter = (time with n iterations - time with 0 iterations) / n, for the n shown.',
      '  It runs synchronously, so its memory is read only right after it:',
      ...measured.map(({ alsCase, baseline }) => {
        const rss = megabytes(baseline!.memoryAfter.rss).toFixed(0);
        return `  ${alsCase.name}: RSS ${rss} MB, setup ${baseline!.setupSeconds.toFixed(2)} s`;
      }),
    );
  }
  for (const { alsCase, baselineSkipped } of results) {
    if (baselineSkipped !== undefined)
      notes.push(`* ${alsCase.name}: baseline skipped, ${baselineSkipped}.`);
  }
  return notes;
}

/** How far explicit rank 10 is from what NumPy/OpenBLAS batched solves take on this machine. */
export function targetLine(explicit: CaseResult | undefined, shape: string): string | null {
  if (explicit === undefined) return null;
  const targetMs = numpyTargetSeconds * 1000;
  const target = `${targetMs} ms per iteration of NumPy/OpenBLAS batched solves on 2 threads`;
  if (shape !== '1m') return `The ${target}\n  is for the 1m shape; run --shape 1m to compare.`;

  const milliseconds = explicit.fast.secondsPerIteration * 1000;
  const ratio = milliseconds / targetMs;
  const verdict =
    ratio <= 1
      ? `${(1 / ratio).toFixed(1)}× faster than`
      : `${ratio.toFixed(1)}× (${(milliseconds - targetMs).toFixed(0)} ms) slower than`;
  return (
    `explicit rank 10: ${milliseconds.toFixed(0)} ms per iteration, ${verdict}\n` +
    `  the ${target}.`
  );
}

export function csvLine(csv: CsvThroughput): string {
  const size = `${(csv.bytes / 1e6).toFixed(1)} MB`;
  const runs = csv.runs === 1 ? '1 run' : `${csv.runs} runs`;
  const speed = `${csv.megabytesPerSecond.toFixed(1)} MB/s (${perSecond(csv.rowsPerSecond)}rows/s)`;
  return (
    `CSV → Arrow, readCsv from memory, ${csv.format.name}: ${size}, ` +
    `${csv.rows.toLocaleString('en-US')} rows\n  median of ${runs} ` +
    `${csv.seconds.toFixed(2)} s = ${speed}`
  );
}
