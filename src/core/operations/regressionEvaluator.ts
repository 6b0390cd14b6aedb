import type { Table } from 'apache-arrow';
import { readNumbers } from '../als/columns.ts';
import { RecflowError } from '../errors.ts';
import { type Schema, schemaOf } from '../frame/schema.ts';
import {
  type RegressionMetricName,
  regressionMetric,
  regressionMetricNames,
} from '../metrics/regression.ts';
import type {
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

const predictionColumn = fitInputColumn(
  'prediction column',
  'prediction',
  'Column of predicted values, such as the one ALS adds when scoring.',
);
const labelColumn = fitInputColumn(
  'label column',
  'label',
  'Column of true values; for ALS ratings this is the rating column, e.g. `rating`.',
);

const params: ParamSpec[] = [
  {
    name: 'regression metric',
    kind: 'choice',
    default: 'rmse',
    description:
      'mse: mean squared error; rmse: its square root; r2: coefficient of determination; ' +
      'mae: mean absolute error.',
    options: regressionMetricNames.map((name) => ({ name, params: [] })),
  },
  predictionColumn,
  labelColumn,
];

function columnErrors(resolved: ResolvedParams, schema: Schema): string[] {
  return [predictionColumn, labelColumn].flatMap((spec) => {
    const found = findColumn(spec, read.column(resolved, spec.name), schema);
    return 'error' in found ? [found.error] : [];
  });
}

/** The values of a selected column, checked to be present in every row. */
function columnValues(spec: ColumnParamSpec, resolved: ResolvedParams, table: Table) {
  const found = findColumn(spec, read.column(resolved, spec.name), schemaOf(table));
  if ('error' in found) throw new RecflowError(found.error);

  const name = found.column.name;
  const { values, firstNull } = readNumbers(table.getChild(name)!);
  if (firstNull >= 0) {
    throw new RecflowError(
      `${spec.name}: column \`${name}\` is empty in row ${firstNull + 1}; fill it in or ` +
        'remove the row before evaluating.',
      { row: firstNull + 1 },
    );
  }
  return { name, values };
}

/** Throws unless every value is finite; NaN predictions come from ids unseen in training. */
function checkFinite(labels: Float64Array, predictions: Float64Array, names: string[]): void {
  let missing = 0;
  let firstMissing = -1;
  for (let row = 0; row < predictions.length; row++) {
    if (Number.isNaN(predictions[row])) {
      missing++;
      if (firstMissing < 0) firstMissing = row;
    }
  }
  if (missing > 0) {
    throw new RecflowError(
      `prediction column \`${names[0]}\` is NaN in ${missing} of ${predictions.length} rows ` +
        `(first in row ${firstMissing + 1}): the model has not seen those users or items. Set ` +
        'the ALS cold start strategy to `drop` to leave them out of the evaluation.',
      { row: firstMissing + 1 },
    );
  }

  for (const [values, name] of [
    [predictions, names[0]],
    [labels, names[1]],
  ] as const) {
    const row = values.findIndex((value) => !Number.isFinite(value));
    if (row >= 0) {
      throw new RecflowError(
        `column \`${name}\` holds ${values[row]} in row ${row + 1}; only finite numbers can ` +
          'be evaluated, so fix or remove that row.',
        { row: row + 1 },
      );
    }
  }
}

function evaluateTable(resolved: ResolvedParams, table: Table): MetricValue {
  const metric = read.choice(resolved, 'regression metric').option as RegressionMetricName;
  const predictions = columnValues(predictionColumn, resolved, table);
  const labels = columnValues(labelColumn, resolved, table);
  if (table.numRows === 0) {
    throw new RecflowError(
      'no rows to evaluate: the input DataFrame is empty; connect scored rows (with cold ' +
        'start strategy `drop`, check that some users and items were seen in training).',
    );
  }
  checkFinite(labels.values, predictions.values, [predictions.name, labels.name]);

  const value = regressionMetric(metric, labels.values, predictions.values);
  if (Number.isNaN(value)) {
    throw new RecflowError(
      `r2 is undefined: every value of \`${labels.name}\` is ${labels.values[0]}, so there is ` +
        'no variance to explain; choose rmse, mse or mae instead.',
    );
  }
  return { type: 'MetricValue', name: metric, value };
}

function evaluatorKnowledge(resolved: ResolvedParams): EvaluatorKnowledge {
  return {
    parameters: configurable('Regression Evaluator', params, resolved, evaluatorKnowledge),
    evaluate: (schema) => ({ errors: columnErrors(resolved, schema) }),
  };
}

function evaluatorValue(resolved: ResolvedParams): EvaluatorValue {
  return {
    type: 'Evaluator',
    parameters: configurable('Regression Evaluator', params, resolved, evaluatorValue),
    metricName: read.choice(resolved, 'regression metric').option,
    evaluate: async (table) => evaluateTable(resolved, table),
  };
}

export const regressionEvaluator: OperationDescriptor = {
  id: 'd9c3026c-a3d0-4365-8d1a-464a656b72de',
  name: 'Regression Evaluator',
  category: ['Machine learning', 'Model evaluation'],
  description:
    'Creates an evaluator that Evaluate uses to compare predictions with true values ' +
    '(mse, rmse, r2, mae), as Spark ML’s RegressionEvaluator. Rows with a NaN prediction ' +
    'are an error: set the ALS cold start strategy to `drop` to leave them out.',
  inputs: [],
  outputs: [
    { type: 'Evaluator', description: 'an evaluator that Evaluate applies to a DataFrame' },
  ],
  params,

  infer({ params: resolved }) {
    return {
      outputs: [{ type: 'Evaluator', evaluator: evaluatorKnowledge(resolved) }],
      errors: [],
    };
  },

  async execute(_inputs, context) {
    return [evaluatorValue(context.params)];
  },
};
