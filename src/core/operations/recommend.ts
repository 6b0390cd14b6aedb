import {
  Schema as ArrowSchema,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Struct,
  Table,
} from 'apache-arrow';
import { idsFromColumn } from '../als/index.ts';
import { RecflowError } from '../errors.ts';
import { isNumeric, listColumns, type Schema } from '../frame/schema.ts';
import type {
  DataFrameValue,
  OperationDescriptor,
  Recommender,
  TransformerValue,
} from '../operation.ts';
import { type ParamSpec, type ResolvedParams, read } from '../params/index.ts';
import {
  type RecommendFor,
  type TopRecommendations,
  topRecommendations,
} from './topRecommendations.ts';

/** recflow's own operation: Seahorse had no recommendations output. */
export const recommendOperationId = 'f2b987ca-6830-4340-ac0e-9bdcbe489320';

const params: ParamSpec[] = [
  {
    name: 'number of recommendations',
    kind: 'numeric',
    default: 10,
    min: 1,
    integer: true,
    description: 'How many items to recommend to each user (or users to each item).',
  },
  {
    name: 'recommend for',
    kind: 'choice',
    default: 'users',
    description: 'users: each user’s best items; items: each item’s best users.',
    options: [
      { name: 'users', params: [] },
      { name: 'items', params: [] },
    ],
  },
];

/** The id columns a model was trained on; they name the columns of its recommendations. */
type IdColumns = { userColumn: string; itemColumn: string };

/** The recommendations' columns: the query's id, the recommended id, rank and score. */
function outputColumns({ userColumn, itemColumn }: IdColumns, mode: RecommendFor) {
  const ids = mode === 'users' ? [userColumn, itemColumn] : [itemColumn, userColumn];
  return [...ids, 'rank', 'score'];
}

function nameClash(columns: IdColumns): string | null {
  const clash = [columns.userColumn, columns.itemColumn].find(
    (name) => name === 'rank' || name === 'score',
  );
  return clash === undefined
    ? null
    : `the model's id column \`${clash}\` has the name of an output column ` +
        '(`rank`, `score`); rename it before training.';
}

function outputSchema(columns: IdColumns, mode: RecommendFor): Schema {
  const [query, candidate] = outputColumns(columns, mode);
  return {
    columns: [
      { name: query, type: 'integer' },
      { name: candidate, type: 'integer' },
      { name: 'rank', type: 'integer' },
      { name: 'score', type: 'double' },
    ],
  };
}

/** Problems with the DataFrame of seen pairs: it needs the model's two id columns, numeric. */
function seenErrors(columns: IdColumns, seen: Schema): string[] {
  return [columns.userColumn, columns.itemColumn].flatMap((name) => {
    const column = seen.columns.find((candidate) => candidate.name === name);
    if (column === undefined) {
      return [
        `input 1: the seen pairs have no column \`${name}\` (column names: ` +
          `${listColumns(seen)}); give them the id columns the model was trained on.`,
      ];
    }
    return isNumeric(column.type)
      ? []
      : [`input 1: column \`${name}\` of the seen pairs must be numeric but is ${column.type}.`];
  });
}

function recommenderOf(value: TransformerValue): Recommender {
  if (value.recommender === undefined) {
    throw new RecflowError(
      `the transformer on input 0 (${value.report().title}) cannot recommend; connect the ` +
        'output of a Fit that trains ALS.',
    );
  }
  return value.recommender;
}

/** The (user, item) ids of the seen pairs, with id checks as in training. */
function seenPairs(table: Table, columns: IdColumns) {
  try {
    return {
      users: idsFromColumn(table, columns.userColumn, 'user'),
      items: idsFromColumn(table, columns.itemColumn, 'item'),
    };
  } catch (error) {
    if (!(error instanceof RecflowError)) throw error;
    throw new RecflowError(`seen pairs on input 1: ${error.message}`, {
      row: error.row,
      cause: error,
    });
  }
}

function recommendationsTable(
  top: TopRecommendations,
  columns: IdColumns,
  mode: RecommendFor,
): Table {
  const total = top.candidateIds.length;
  const queryColumn = new Int32Array(total);
  const ranks = new Int32Array(total);
  for (let q = 0; q < top.queryIds.length; q++) {
    for (let row = top.starts[q]; row < top.starts[q + 1]; row++) {
      queryColumn[row] = top.queryIds[q];
      ranks[row] = row - top.starts[q] + 1;
    }
  }

  const names = outputColumns(columns, mode);
  const types = [new Int32(), new Int32(), new Int32(), new Float64()];
  const fields = names.map((name, i) => new Field(name, types[i], false));
  const values = [queryColumn, top.candidateIds, ranks, top.scores];
  const children = values.map((data, i) =>
    makeData({ type: types[i], length: total, data } as never),
  );
  const schema = new ArrowSchema(fields);
  const batch = makeData({ type: new Struct(fields), length: total, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, batch)]);
}

function modeOf(resolved: ResolvedParams): RecommendFor {
  return read.choice(resolved, 'recommend for').option as RecommendFor;
}

export const recommend: OperationDescriptor = {
  id: recommendOperationId,
  name: 'Recommend',
  category: ['Machine learning', 'Recommendation'],
  description:
    'Recommends with a trained ALS model: for every user the items with the highest ' +
    'predicted rating (or for every item the users), one row per (user, item) with its ' +
    'rank from 1 and its score. Pairs in the optional DataFrame of seen ratings are left ' +
    'out, and each user still gets the full number where enough unseen items exist.',
  inputs: [
    { type: 'Transformer', description: 'a trained ALS model, from Fit' },
    {
      type: 'DataFrame',
      description: '(user, item) pairs already seen, to leave out, e.g. the training ratings',
      optional: true,
    },
  ],
  outputs: [{ type: 'DataFrame', description: 'the recommendations: user, item, rank and score' }],
  params,

  infer({ params: resolved, inputs: [model, seen] }) {
    const columns = model?.type === 'Transformer' ? model.transformer.recommender : undefined;
    // Unknown until the model's training columns are (or not an ALS model: told at run time).
    if (columns === undefined) {
      return { outputs: [{ type: 'DataFrame', schema: null }], errors: [] };
    }

    const clash = nameClash(columns);
    const seenSchema = seen?.type === 'DataFrame' ? seen.schema : null;
    const errors = [
      ...(clash === null ? [] : [clash]),
      ...(seenSchema === null ? [] : seenErrors(columns, seenSchema)),
    ];
    const schema = clash === null ? outputSchema(columns, modeOf(resolved)) : null;
    return { outputs: [{ type: 'DataFrame', schema }], errors };
  },

  async execute(inputs, context) {
    const recommender = recommenderOf(inputs[0] as TransformerValue);
    const clash = nameClash(recommender);
    if (clash !== null) throw new RecflowError(clash);

    const seenTable = (inputs[1] as DataFrameValue | undefined)?.table;
    const seen = seenTable && seenPairs(seenTable, recommender);
    const mode = modeOf(context.params);
    const started = performance.now();
    const top = await topRecommendations(
      recommender.model,
      mode,
      read.number(context.params, 'number of recommendations'),
      seen,
      {
        signal: context.signal,
        yieldToEvents: context.yieldToEvents,
        onProgress: (done, total) =>
          context.reportProgress({
            label: `${done} of ${total} ${mode}`,
            fraction: total > 0 ? done / total : 1,
            elapsedMs: performance.now() - started,
          }),
      },
    );
    return [{ type: 'DataFrame', table: recommendationsTable(top, recommender, mode) }];
  },
};
