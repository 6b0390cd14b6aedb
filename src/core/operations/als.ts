import type { Table } from 'apache-arrow';
import {
  type AlsModel,
  type AlsParams,
  type ColdStartStrategy,
  fitAls,
  ratingsFromTable,
  type TrainingSnapshot,
  transformTable,
} from '../als/index.ts';
import { RecflowError } from '../errors.ts';
import { type Schema, schemaOf } from '../frame/schema.ts';
import type {
  EstimatorKnowledge,
  EstimatorValue,
  ExecutionContext,
  OperationDescriptor,
  TransformerKnowledge,
  TransformerValue,
} from '../operation.ts';
import {
  type ColumnParamSpec,
  findColumn,
  fitInputColumn,
  newColumnName,
  type ParamSpec,
  type ResolvedParams,
  read,
} from '../params/index.ts';
import { configurable } from './configurable.ts';

/**
 * The parameters in the order of Seahorse's docs table, then recflow's additions. Defaults
 * are Spark ML's.
 */
const params: ParamSpec[] = [
  {
    name: 'alpha',
    kind: 'numeric',
    default: 1,
    min: 0,
    description: 'Confidence scale of the implicit preference formulation: c = 1 + alpha·|r|.',
  },
  {
    name: 'checkpoint interval',
    kind: 'numeric',
    default: 10,
    min: 1,
    integer: true,
    description: 'Every this many iterations training saves its factors so it can resume.',
  },
  {
    name: 'implicit prefs',
    kind: 'boolean',
    default: false,
    description:
      'Whether ratings are implicit feedback (views, clicks) rather than explicit scores.',
  },
  fitInputColumn('item column', 'item', 'Column for item ids: whole numbers in the 32-bit range.'),
  {
    name: 'max iterations',
    kind: 'numeric',
    default: 10,
    min: 0,
    integer: true,
    description: 'Number of alternating iterations; 0 returns the random initialisation.',
  },
  {
    name: 'nonnegative',
    kind: 'boolean',
    default: false,
    description: 'Whether to constrain every factor entry to be non-negative.',
  },
  {
    name: 'num item blocks',
    kind: 'numeric',
    default: 10,
    min: 1,
    max: 100000,
    integer: true,
    description: 'Number of item blocks: units of parallel work; they never change the result.',
  },
  {
    name: 'num user blocks',
    kind: 'numeric',
    default: 10,
    min: 1,
    max: 100000,
    integer: true,
    description: 'Number of user blocks: units of parallel work; they never change the result.',
  },
  {
    name: 'prediction column',
    kind: 'string',
    default: 'prediction',
    check: newColumnName,
    description: 'Name of the column of predicted ratings created when scoring.',
  },
  {
    name: 'rank',
    kind: 'numeric',
    default: 10,
    min: 1,
    // Far beyond what a browser tab can hold for real data; it stops typos such as 1e9.
    max: 1000,
    integer: true,
    description: 'Rank of the matrix factorization: the length of each factor vector.',
  },
  fitInputColumn(
    'rating column',
    'rating',
    'Column for ratings; required for implicit feedback too.',
  ),
  {
    name: 'regularization param',
    kind: 'numeric',
    default: 0.1,
    min: 0,
    description: 'Regularization λ, scaled by each user’s or item’s number of ratings.',
  },
  {
    name: 'seed',
    kind: 'numeric',
    default: 1994790107,
    min: -2147483648,
    max: 2147483647,
    integer: true,
    description: 'Random seed of the initial factors; the same seed gives the same model.',
  },
  fitInputColumn('user column', 'user', 'Column for user ids: whole numbers in the 32-bit range.'),
  {
    name: 'cold start strategy',
    kind: 'choice',
    default: 'nan',
    description:
      'What scoring does with users or items not seen in training: predict NaN, or drop the row.',
    options: [
      { name: 'nan', params: [] },
      { name: 'drop', params: [] },
    ],
  },
  {
    name: 'solver',
    kind: 'choice',
    default: 'cholesky',
    description:
      'How each user’s and item’s least-squares problem is solved: exactly (Cholesky, or ' +
      'non-negative least squares when nonnegative), or by a few conjugate-gradient steps ' +
      'from the previous factors, much faster at high rank for implicit feedback (not with ' +
      'nonnegative). Not a Spark parameter: Spark always solves exactly.',
    options: [
      { name: 'cholesky', params: [] },
      {
        name: 'cg',
        params: [
          {
            name: 'cg steps',
            kind: 'numeric',
            default: 3,
            min: 1,
            max: 50,
            integer: true,
            description: 'Conjugate-gradient steps per user and item in each half-iteration.',
          },
        ],
      },
    ],
  },
];

/**
 * ALS parameters of recflow's own, with no Spark ML equivalent: Spark always solves each
 * least-squares problem exactly, so a PySpark export leaves `solver` out (its script trains
 * as solver cholesky would).
 */
export const alsRecflowOnlyParams: readonly string[] = ['solver'];

/** Docs names of ALS's numeric and boolean parameters and the Spark ML names they map to. */
export const alsSparkNames = {
  alpha: 'alpha',
  'checkpoint interval': 'checkpointInterval',
  'implicit prefs': 'implicitPrefs',
  'item column': 'itemCol',
  'max iterations': 'maxIter',
  nonnegative: 'nonnegative',
  'num item blocks': 'numItemBlocks',
  'num user blocks': 'numUserBlocks',
  'prediction column': 'predictionCol',
  rank: 'rank',
  'rating column': 'ratingCol',
  'regularization param': 'regParam',
  seed: 'seed',
  'user column': 'userCol',
  'cold start strategy': 'coldStartStrategy',
} as const;

export function alsParamsOf(resolved: ResolvedParams): AlsParams {
  return {
    rank: read.number(resolved, 'rank'),
    maxIter: read.number(resolved, 'max iterations'),
    regParam: read.number(resolved, 'regularization param'),
    alpha: read.number(resolved, 'alpha'),
    implicitPrefs: read.boolean(resolved, 'implicit prefs'),
    nonnegative: read.boolean(resolved, 'nonnegative'),
    numUserBlocks: read.number(resolved, 'num user blocks'),
    numItemBlocks: read.number(resolved, 'num item blocks'),
    checkpointInterval: read.number(resolved, 'checkpoint interval'),
    seed: read.number(resolved, 'seed'),
    ...solverOf(resolved),
  };
}

/** The solver choice; workflows saved before it existed have none and solve exactly. */
function solverOf(resolved: ResolvedParams): Pick<AlsParams, 'solver' | 'cgSteps'> {
  const choice = read.choice(resolved, 'solver');
  if (choice?.option !== 'cg') return { solver: 'cholesky' };
  return { solver: 'cg', cgSteps: read.number(choice.params, 'cg steps') };
}

const columnParams = ['user column', 'item column', 'rating column'] as const;

/** Resolves the three column selectors against a schema; errors name what is missing. */
function selectColumns(resolved: ResolvedParams, schema: Schema, needRating: boolean) {
  const names: Record<string, string> = {};
  const errors: string[] = [];
  for (const name of columnParams) {
    if (name === 'rating column' && !needRating) continue;
    const spec = params.find((param) => param.name === name) as ColumnParamSpec;
    const found = findColumn(spec, read.column(resolved, name), schema);
    if ('error' in found) errors.push(found.error);
    else names[name] = found.column.name;
  }
  return { names, errors };
}

/** Scoring keeps every column and appends the prediction column. */
function scoredSchema(resolved: ResolvedParams): TransformerKnowledge {
  return {
    parameters: configurableAls(resolved, scoredSchema),
    transform(input) {
      const { errors } = selectColumns(resolved, input, false);
      const prediction = read.string(resolved, 'prediction column');
      if (input.columns.some((existing) => existing.name === prediction)) {
        errors.push(
          `prediction column: the input already has a column \`${prediction}\`; ` +
            'choose another name for the predictions.',
        );
      }
      const columns = [...input.columns, { name: prediction, type: 'double' as const }];
      return { schema: errors.length > 0 ? null : { columns }, errors };
    },
  };
}

/** ALS's parameters as something "Parameters of input …" can set otherwise. */
function configurableAls<T>(resolved: ResolvedParams, build: (resolved: ResolvedParams) => T) {
  return configurable('ALS', params, resolved, build);
}

function alsTransformer(
  model: AlsModel,
  resolved: ResolvedParams,
  history: number[],
  seconds: number,
  trainedOn: { userColumn: string; itemColumn: string },
): TransformerValue {
  return {
    type: 'Transformer',
    // Scoring-time settings (columns, prediction column, cold start) can be overridden; the
    // factors stay those that were trained.
    parameters: configurableAls(resolved, (again) =>
      alsTransformer(model, again, history, seconds, trainedOn),
    ),
    recommender: { model, ...trainedOn },
    async transform(table: Table) {
      const { names, errors } = selectColumns(resolved, schemaOf(table), false);
      if (errors.length > 0) throw new RecflowError(errors.join('\n'));
      return transformTable(model, table, {
        userColumn: names['user column'],
        itemColumn: names['item column'],
        predictionColumn: read.string(resolved, 'prediction column'),
        coldStartStrategy: read.choice(resolved, 'cold start strategy').option as ColdStartStrategy,
      });
    },
    report() {
      const iterations = history.length;
      return {
        title: 'ALS model',
        fields: [
          ['rank', String(model.rank)],
          ['users', model.userIds.length.toLocaleString('en-US')],
          ['items', model.itemIds.length.toLocaleString('en-US')],
          ['iterations', String(iterations)],
          ['seconds per iteration', iterations > 0 ? (seconds / iterations).toFixed(3) : '–'],
        ],
        lossHistory: history,
      };
    },
  };
}

function isTrainingSnapshot(value: unknown): value is TrainingSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<TrainingSnapshot>;
  return (
    typeof snapshot.iteration === 'number' &&
    snapshot.userFactors instanceof Float64Array &&
    snapshot.itemFactors instanceof Float64Array &&
    typeof snapshot.params === 'object'
  );
}

async function fitOnTable(
  resolved: ResolvedParams,
  table: Table,
  context: ExecutionContext,
): Promise<TransformerValue> {
  const { names, errors } = selectColumns(resolved, schemaOf(table), true);
  if (errors.length > 0) throw new RecflowError(errors.join('\n'));

  const ratings = ratingsFromTable(table, {
    user: names['user column'],
    item: names['item column'],
    rating: names['rating column'],
  });
  const started = performance.now();
  // A training interrupted by a reload or a crash goes on from its last checkpoint.
  const { checkpoints, cacheKey } = context;
  const saved = await checkpoints?.load(cacheKey);
  const { model, history } = await fitAls(ratings, alsParamsOf(resolved), {
    signal: context.signal,
    yieldToEvents: context.yieldToEvents,
    runner: context.rowRangeRunner,
    resumeFrom: isTrainingSnapshot(saved) ? saved : undefined,
    onCheckpoint: checkpoints && ((snapshot) => void checkpoints.save(cacheKey, snapshot)),
    onProgress: (progress) =>
      context.reportProgress({
        label: `iteration ${progress.iteration} of ${progress.maxIter}`,
        fraction: progress.maxIter > 0 ? progress.iteration / progress.maxIter : 1,
        elapsedMs: progress.elapsedMs,
        loss: progress.trainingLoss,
      }),
  });
  await checkpoints?.clear(cacheKey);
  const seconds = (performance.now() - started) / 1000;
  return alsTransformer(
    model,
    resolved,
    history.map((entry) => entry.trainingLoss),
    seconds,
    { userColumn: names['user column'], itemColumn: names['item column'] },
  );
}

function estimatorKnowledge(resolved: ResolvedParams): EstimatorKnowledge {
  return {
    parameters: configurableAls(resolved, estimatorKnowledge),
    fit(schema) {
      const { names, errors } = selectColumns(resolved, schema, true);
      const transformer = scoredSchema(resolved);
      if (errors.length === 0) {
        const [userColumn, itemColumn] = [names['user column'], names['item column']];
        transformer.recommender = { userColumn, itemColumn };
      }
      return { errors, transformer };
    },
  };
}

function estimatorValue(resolved: ResolvedParams): EstimatorValue {
  return {
    type: 'Estimator',
    operationName: 'ALS',
    params: resolved,
    parameters: configurableAls(resolved, estimatorValue),
    fit: (table, fitContext) => fitOnTable(resolved, table, fitContext),
  };
}

export const als: OperationDescriptor = {
  id: '5a9e4883-b653-418e-bc51-a42fde476a63',
  name: 'ALS',
  category: ['Machine learning', 'Recommendation'],
  description:
    'Creates an ALS recommendation model: alternating least squares matrix factorization of ' +
    'user–item ratings, as in Spark ML. Fit trains it on a DataFrame of ratings.',
  inputs: [],
  outputs: [{ type: 'Estimator', description: 'an estimator that Fit trains on ratings' }],
  params,

  infer({ params: resolved }) {
    const errors: string[] = [];
    if (read.boolean(resolved, 'nonnegative') && solverOf(resolved).solver === 'cg') {
      errors.push(
        'solver: cg cannot keep factors non-negative; choose cholesky (it solves ' +
          'non-negative least squares) or turn nonnegative off.',
      );
    }
    return {
      outputs: [{ type: 'Estimator', estimator: estimatorKnowledge(resolved) }],
      errors,
    };
  },

  async execute(_inputs, context) {
    return [estimatorValue(context.params)];
  },
};
