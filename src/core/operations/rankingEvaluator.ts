import type { Table } from 'apache-arrow';
import { readNumbers } from '../als/columns.ts';
import { idsFromColumn } from '../als/index.ts';
import { RecflowError } from '../errors.ts';
import { listColumns, type Schema, schemaOf } from '../frame/schema.ts';
import { meanRankingMetric, type RankingMetricName } from '../metrics/ranking.ts';
import type {
  DataFrameValue,
  EvaluatorKnowledge,
  EvaluatorValue,
  MetricValue,
  OperationDescriptor,
} from '../operation.ts';
import {
  type ColumnParamSpec,
  findColumn,
  fitInputColumn,
  type ParamSpec,
  type ResolvedParams,
  read,
} from '../params/index.ts';
import { configurable } from './configurable.ts';

/** recflow's own operation: Seahorse had no ranking metrics. */
export const rankingEvaluatorOperationId = '98a12053-ec01-407e-bfe7-b2473c45d588';

const idColumn = (name: string, fallback: string, role: string): ColumnParamSpec =>
  fitInputColumn(
    name,
    fallback,
    `Column of ${role} ids in the held-out interactions at Evaluate; the recommendations ` +
      'must have a column of the same name.',
  );

const userColumn = idColumn('user column', 'user', 'user');
const itemColumn = idColumn('item column', 'item', 'item');
const rankColumn: ColumnParamSpec = {
  name: 'rank column',
  kind: 'column',
  default: { type: 'column', value: 'rank' },
  source: { port: 0 },
  columnType: 'numeric',
  description: 'Column of the recommendations that orders each user’s items, 1 the best.',
};

const params: ParamSpec[] = [
  {
    name: 'ranking metric',
    kind: 'choice',
    default: 'precision',
    description:
      'precision@k: share of the top k that are relevant; recall@k: share of the relevant ' +
      'items in the top k; ndcg@k: the same, weighted toward the top; map@k: mean average ' +
      'precision.',
    options: [
      { name: 'precision', label: 'precision@k', params: [] },
      { name: 'recall', label: 'recall@k', params: [] },
      { name: 'ndcg', label: 'nDCG@k', params: [] },
      { name: 'map', label: 'MAP@k', params: [] },
    ],
  },
  {
    name: 'k',
    kind: 'numeric',
    default: 10,
    min: 1,
    integer: true,
    description: 'How many of each user’s top recommendations count.',
  },
  userColumn,
  itemColumn,
  rankColumn,
];

function metricName(resolved: ResolvedParams): string {
  return `${read.choice(resolved, 'ranking metric').option}@${read.number(resolved, 'k')}`;
}

/** Problems with the held-out interactions: the id columns must exist and be numeric. */
function heldOutErrors(resolved: ResolvedParams, schema: Schema): string[] {
  return [userColumn, itemColumn].flatMap((spec) => {
    const found = findColumn(spec, read.column(resolved, spec.name), schema);
    return 'error' in found ? [found.error] : [];
  });
}

/** Errors for id columns (parameter, column name) that the recommendations lack. */
function missingInRecommendations(
  wanted: [spec: ColumnParamSpec, name: string][],
  schema: Schema,
): string[] {
  return wanted
    .filter(([, name]) => !schema.columns.some((column) => column.name === name))
    .map(
      ([spec, name]) =>
        `${spec.name}: the recommendations on input 0 have no column \`${name}\` ` +
        `(column names: ${listColumns(schema)}); connect the output of Recommend.`,
    );
}

/** Id columns selected by name must be in the recommendations too (by index, checked at run). */
function recommendationErrors(resolved: ResolvedParams, schema: Schema): string[] {
  const byName = [userColumn, itemColumn].flatMap((spec): [ColumnParamSpec, string][] => {
    const selection = read.column(resolved, spec.name);
    return selection.type === 'column' ? [[spec, selection.value]] : [];
  });
  return missingInRecommendations(byName, schema);
}

function selectedName(spec: ColumnParamSpec, resolved: ResolvedParams, table: Table): string {
  const found = findColumn(spec, read.column(resolved, spec.name), schemaOf(table));
  if ('error' in found) throw new RecflowError(found.error);
  return found.column.name;
}

function evaluateTables(resolved: ResolvedParams, recommended: Table, heldOut: Table): MetricValue {
  const users = selectedName(userColumn, resolved, heldOut);
  const items = selectedName(itemColumn, resolved, heldOut);
  const missing = missingInRecommendations(
    [
      [userColumn, users],
      [itemColumn, items],
    ],
    schemaOf(recommended),
  );
  if (missing.length > 0) throw new RecflowError(missing.join('\n'));

  const ranks = readNumbers(recommended.getChild(selectedName(rankColumn, resolved, recommended))!);
  if (ranks.firstNull >= 0) {
    throw new RecflowError(
      `rank column: row ${ranks.firstNull + 1} of the recommendations has no rank; ` +
        'connect the output of Recommend, which ranks every row.',
      { row: ranks.firstNull + 1 },
    );
  }
  if (heldOut.numRows === 0) {
    throw new RecflowError(
      'no held-out interactions to evaluate against: the DataFrame at Evaluate is empty; ' +
        'connect the rows held out from training, e.g. the second output of Split.',
    );
  }

  const metric = read.choice(resolved, 'ranking metric').option as RankingMetricName;
  const { value } = meanRankingMetric(
    metric,
    read.number(resolved, 'k'),
    {
      users: idsFromColumn(recommended, users, 'user'),
      items: idsFromColumn(recommended, items, 'item'),
      ranks: ranks.values,
    },
    { users: idsFromColumn(heldOut, users, 'user'), items: idsFromColumn(heldOut, items, 'item') },
  );
  return { type: 'MetricValue', name: metricName(resolved), value };
}

function evaluatorKnowledge(resolved: ResolvedParams): EvaluatorKnowledge {
  return {
    parameters: configurable('Ranking Evaluator', params, resolved, evaluatorKnowledge),
    evaluate: (schema) => ({ errors: heldOutErrors(resolved, schema) }),
  };
}

function evaluatorValue(resolved: ResolvedParams, recommended: Table): EvaluatorValue {
  return {
    type: 'Evaluator',
    parameters: configurable('Ranking Evaluator', params, resolved, (again) =>
      evaluatorValue(again, recommended),
    ),
    metricName: metricName(resolved),
    evaluate: async (heldOut) => evaluateTables(resolved, recommended, heldOut),
  };
}

export const rankingEvaluator: OperationDescriptor = {
  id: rankingEvaluatorOperationId,
  name: 'Ranking Evaluator',
  category: ['Machine learning', 'Model evaluation'],
  description:
    'Creates an evaluator of top-k recommendations: precision@k, recall@k, nDCG@k or MAP@k. ' +
    'It takes the recommendations (from Recommend) on its own input; Evaluate then gives it ' +
    'the held-out interactions (e.g. the second output of Split), each (user, item) pair of ' +
    'which counts as relevant whatever its rating. The metric is averaged over the users ' +
    'with at least one held-out interaction; a user among them without recommendations ' +
    'counts as 0.',
  inputs: [{ type: 'DataFrame', description: 'the recommendations to evaluate, from Recommend' }],
  outputs: [
    {
      type: 'Evaluator',
      description: 'an evaluator that Evaluate applies to the held-out interactions',
    },
  ],
  params,

  infer({ params: resolved, inputs: [frame] }) {
    const recommended = frame?.type === 'DataFrame' ? frame.schema : null;
    return {
      outputs: [{ type: 'Evaluator', evaluator: evaluatorKnowledge(resolved) }],
      errors: recommended === null ? [] : recommendationErrors(resolved, recommended),
    };
  },

  async execute(inputs, context) {
    return [evaluatorValue(context.params, (inputs[0] as DataFrameValue).table)];
  },
};
