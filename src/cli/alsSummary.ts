import type { RmseResult } from './alsResults.ts';
import { median } from './stats.ts';

/** What `recflow als` reports after training. */
export interface TrainingSummary {
  ratings: number;
  users: number;
  items: number;
  /** Wall time of each iteration; the first includes indexing the ratings. */
  iterationSeconds: number[];
  train: RmseResult;
  /** null without a test file. */
  test: RmseResult | null;
  /** Implicit models predict preferences (about 0 to 1), so their RMSE against ratings is large. */
  implicitPrefs: boolean;
}

/**
 * Prints the summary on stdout: aligned lines for people, or with `json` exactly one object
 * with the keys ratings, users, items, secondsPerIteration, trainRmse and testRmse.
 */
export function printSummary(summary: TrainingSummary, json: boolean): void {
  const secondsPerIteration = median(summary.iterationSeconds);
  if (json) {
    const object = {
      ratings: summary.ratings,
      users: summary.users,
      items: summary.items,
      secondsPerIteration,
      trainRmse: summary.train.rmse,
      testRmse: summary.test?.rmse ?? null,
    };
    process.stdout.write(`${JSON.stringify(object)}\n`);
    return;
  }

  const count = (value: number) => value.toLocaleString('en-US');
  const rows: [string, string][] = [
    ['ratings', count(summary.ratings)],
    ['users', count(summary.users)],
    ['items', count(summary.items)],
    [
      'seconds per iteration',
      secondsPerIteration === null ? '– (no iterations)' : secondsPerIteration.toFixed(4),
    ],
    ['training RMSE', rmseText(summary.train)],
  ];
  if (summary.test !== null) rows.push(['test RMSE', rmseText(summary.test)]);

  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  process.stdout.write(rows.map(([label, value]) => `${label.padEnd(width)}${value}\n`).join(''));
  if (summary.implicitPrefs) {
    process.stdout.write(
      '(implicit feedback: predictions are preferences near 0 to 1, not ratings, so the RMSE\n' +
        ' against the ratings only compares runs with each other)\n',
    );
  }
}

function rmseText({ rmse, scored, dropped }: RmseResult): string {
  if (rmse === null) return '– (no rating has a user and an item seen in training)';
  if (dropped === 0) return rmse.toFixed(4);
  const total = (scored + dropped).toLocaleString('en-US');
  return (
    `${rmse.toFixed(4)} (on ${scored.toLocaleString('en-US')} of ${total} ratings; ` +
    `${dropped.toLocaleString('en-US')} with a user or item unseen in training left out)`
  );
}
