import { availableParallelism } from 'node:os';
import { fitAls } from '../../core/als/index.ts';
import {
  type AlsModel,
  type AlsParams,
  type Ratings,
  sparkAlsDefaults,
} from '../../core/als/types.ts';
import { als } from '../../core/operations/als.ts';
import type { NumericParamSpec } from '../../core/params/spec.ts';
import {
  checkOutputFolder,
  rmseOn,
  writePredictions,
  writeRecommendations,
} from '../alsResults.ts';
import { printSummary } from '../alsSummary.ts';
import type { RatingRole } from '../columns.ts';
import { type Command, exitCodes, UsageError } from '../command.ts';
import { type Flags, numberFlag, paramFlag, parseFlags, wholeNumberFlag } from '../flags.ts';
import { startThreadPool } from '../parallel/threadPool.ts';
import { type ProgressBar, progressBar } from '../progress.ts';
import { type RatingsFile, readRatingsFile } from '../ratingsFile.ts';

const flagKinds = {
  train: 'value',
  test: 'value',
  rank: 'value',
  iterations: 'value',
  reg: 'value',
  implicit: 'switch',
  alpha: 'value',
  nonnegative: 'switch',
  seed: 'value',
  solver: 'value',
  'cg-steps': 'value',
  threads: 'value',
  'user-column': 'value',
  'item-column': 'value',
  'rating-column': 'value',
  separator: 'value',
  header: 'switch',
  'no-header': 'switch',
  predictions: 'value',
  recommend: 'value',
  recommendations: 'value',
  json: 'switch',
} as const;

type AlsFlags = Flags<typeof flagKinds>;

const usage = `Usage: recflow als --train FILE.csv [options]

Trains an ALS recommendation model (Spark ML's semantics) on a CSV of ratings and reports
its fit, on worker threads that solve users and items in parallel (the model is the same
bits on any number of threads). Defaults are Spark ML's; its block counts are not options
because they never change the model.

Data:
  --train FILE.csv         ratings to train on (required)
  --test FILE.csv          ratings to measure the test RMSE on; rows whose user or item is
                           not in the training file are left out (cold start)
  --separator S            field separator, e.g. ',' (default), ';', '::', tab or '\\t'
  --header | --no-header   whether the first row names the columns; by default a first row
                           of numbers only is taken as data (columns _c0, _c1, …)
  --user-column C          column of user ids: a name, or a 0-based index
                           (default \`user\`, or index 0 without a header)
  --item-column C          column of item ids (default \`item\`, or index 1)
  --rating-column C        column of ratings (default \`rating\`, or index 2)

Model:
  --rank N                 length of the factor vectors (default 10)
  --iterations N           alternating iterations (default 10)
  --reg X                  regularization param λ (default 0.1)
  --implicit               ratings are implicit feedback (views, clicks)
  --alpha X                confidence scale of implicit feedback (default 1)
  --nonnegative            constrain factors to be non-negative
  --seed N                 random seed of the initial factors (default 1994790107)
  --solver S               cholesky (exact, the default) or cg: a few conjugate-gradient
                           steps per user and item from their previous factors, much faster
                           at high rank, within 1% of the exact ranking quality on implicit
                           feedback; not with --nonnegative
  --cg-steps N             conjugate-gradient steps per half-iteration, 1 to 50 (default 3)
  --threads N              threads to train on (default: one per core from 50,000 ratings,
                           below that 1, where starting threads costs more than it saves)

Output:
  --predictions OUT.csv    the test file (or the training file) with a \`prediction\` column
                           (NaN for a user or item not seen in training)
  --recommend K            with --recommendations, the top K items of every user
  --recommendations OUT.csv  where to write them, as user,item,rank,score
  --json                   print one JSON object instead of the summary: ratings, users,
                           items, secondsPerIteration, trainRmse, testRmse (null without --test)

Example (Spark's MovieLens sample, no header, fields separated by ::):
  recflow als --train sample_movielens_ratings.txt --separator '::'`;

/** `recflow als`: train on a CSV file and report ratings, speed and RMSE. */
export const alsCommand: Command = {
  name: 'als',
  summary: 'Train ALS on a CSV of ratings; report RMSE, write predictions and recommendations',
  usage,
  async run(args) {
    const options = checkOptions(parseFlags(args, flagKinds));
    await checkOutputFolder(options.predictionsPath, 'predictions');
    await checkOutputFolder(options.recommendationsPath, 'recommendations');
    const progress = progressBar();

    const reading = { ...options, progress, note };
    const train = await readRatingsFile(options.trainPath, 'training file', reading);
    const test =
      options.testPath === undefined
        ? undefined
        : await readRatingsFile(options.testPath, 'test file', reading);
    const { model, iterationSeconds } = await trainWithProgress(
      train.ratings,
      options.params,
      progress,
      options.threads,
    );

    printSummary(
      {
        ratings: train.ratings.users.length,
        users: model.userIds.length,
        items: model.itemIds.length,
        iterationSeconds,
        train: rmseOn(model, train.ratings),
        test: test === undefined ? null : rmseOn(model, test.ratings),
        implicitPrefs: options.params.implicitPrefs,
      },
      options.json,
    );
    await writeOutputs(model, test ?? train, options);
    return exitCodes.ok;
  },
};

/** Ratings from which a pool of threads pays for its start (about 0.3 s per thread). */
const POOL_FROM_RATINGS = 50_000;

/**
 * Trains with a progress bar, timing each iteration from one progress report to the next,
 * on a pool of `threads` worker threads (undefined: one per core for large enough data).
 */
async function trainWithProgress(
  ratings: Ratings,
  params: AlsParams,
  progress: ProgressBar,
  threads: number | undefined,
) {
  let iterationStarted = performance.now();
  const iterationSeconds: number[] = [];
  const count = threads ?? (ratings.users.length >= POOL_FROM_RATINGS ? availableParallelism() : 1);
  const pool = count > 1 ? startThreadPool(count) : undefined;
  const { model } = await fitAls(ratings, params, {
    runner: pool,
    onProgress({ iteration, maxIter, trainingLoss }) {
      const now = performance.now();
      iterationSeconds.push((now - iterationStarted) / 1000);
      iterationStarted = now;
      progress.update({
        label: 'training',
        fraction: iteration / maxIter,
        detail: `iteration ${iteration} of ${maxIter}, loss ${trainingLoss.toPrecision(4)}`,
      });
    },
  }).finally(() => pool?.terminate());
  progress.finish();
  return { model, iterationSeconds };
}

/** The predictions of the test file (or the training file) and the recommendations asked for. */
async function writeOutputs(model: AlsModel, scored: RatingsFile, options: AlsOptions) {
  const { predictionsPath, recommendationsPath, recommend } = options;
  if (predictionsPath !== undefined) {
    const { file, columns } = scored;
    const rows = await writePredictions(predictionsPath, model, file, columns, options.separator);
    note(`wrote ${rows} rows of ${file.path} with predictions to ${predictionsPath}`);
  }
  if (recommendationsPath !== undefined && recommend !== undefined) {
    const written = await writeRecommendations(recommendationsPath, model, recommend);
    note(
      `wrote the top ${written.perUser} items of ${written.users} users to ${recommendationsPath}`,
    );
  }
}

interface AlsOptions {
  trainPath: string;
  testPath: string | undefined;
  params: AlsParams;
  separator: string;
  header: boolean | undefined;
  /** The values of --user-column, --item-column and --rating-column. */
  columns: Record<RatingRole, string | undefined>;
  predictionsPath: string | undefined;
  recommend: number | undefined;
  recommendationsPath: string | undefined;
  json: boolean;
  /** --threads, or undefined for the default. */
  threads: number | undefined;
}

const paramSpec = (name: string) =>
  als.params.find((spec) => spec.name === name) as NumericParamSpec;

/** Checks every option before any file is read, so mistakes surface in milliseconds. */
function checkOptions(flags: AlsFlags): AlsOptions {
  if (flags.train === undefined) throw new UsageError('--train FILE.csv is required.');
  if (flags.header && flags['no-header']) {
    throw new UsageError('--header and --no-header contradict each other; give one of them.');
  }
  if ((flags.recommend === undefined) !== (flags.recommendations === undefined)) {
    throw new UsageError(
      '--recommend K and --recommendations OUT.csv go together: K says how many items per ' +
        'user, OUT.csv where to write them.',
    );
  }
  const recommend =
    flags.recommend === undefined ? undefined : numberFlag('recommend', flags.recommend);
  if (recommend !== undefined && (!Number.isInteger(recommend) || recommend < 1)) {
    throw new UsageError(
      `--recommend must be a whole number of at least 1; got ${flags.recommend}.`,
    );
  }

  const numeric = (flag: keyof AlsFlags, param: string, fallback: number) => {
    const text = flags[flag];
    return typeof text === 'string' ? paramFlag(flag, text, paramSpec(param)) : fallback;
  };
  const defaults = sparkAlsDefaults;
  const solver = flags.solver ?? 'cholesky';
  if (solver !== 'cholesky' && solver !== 'cg') {
    throw new UsageError(`--solver must be cholesky or cg; got ${flags.solver}.`);
  }
  const wholeFlag = (flag: 'cg-steps' | 'threads', min: number, max: number) => {
    const text = flags[flag];
    return text === undefined ? undefined : wholeNumberFlag(flag, text, min, max);
  };
  const params: AlsParams = {
    ...defaults,
    rank: numeric('rank', 'rank', defaults.rank),
    maxIter: numeric('iterations', 'max iterations', defaults.maxIter),
    regParam: numeric('reg', 'regularization param', defaults.regParam),
    alpha: numeric('alpha', 'alpha', defaults.alpha),
    seed: numeric('seed', 'seed', defaults.seed),
    implicitPrefs: flags.implicit === true,
    nonnegative: flags.nonnegative === true,
    solver,
    cgSteps: wholeFlag('cg-steps', 1, 50) ?? 3,
  };
  if (solver === 'cg' && params.nonnegative) {
    throw new UsageError(
      '--solver cg cannot keep factors non-negative; drop --nonnegative or use --solver cholesky.',
    );
  }
  const header = flags.header ? true : flags['no-header'] ? false : undefined;
  const columns = {
    user: flags['user-column'],
    item: flags['item-column'],
    rating: flags['rating-column'],
  };
  return {
    trainPath: flags.train,
    testPath: flags.test,
    params,
    separator: separatorOf(flags.separator),
    header,
    columns,
    predictionsPath: flags.predictions,
    recommend,
    recommendationsPath: flags.recommendations,
    json: flags.json === true,
    threads: wholeFlag('threads', 1, 256),
  };
}

/** `tab` and `\t` stand for a tab, which is awkward to type in a shell. */
function separatorOf(text: string | undefined): string {
  if (text === undefined) return ',';
  if (text === 'tab' || text === '\\t') return '\t';
  if (text === '') throw new UsageError("--separator is empty; give one such as ',' or '::'.");
  return text;
}

function note(line: string): void {
  process.stderr.write(`recflow als: ${line}\n`);
}
