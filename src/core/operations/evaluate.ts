import type { DataFrameValue, EvaluatorValue, OperationDescriptor } from '../operation.ts';

export const evaluate: OperationDescriptor = {
  id: 'a88eaf35-9061-4714-b042-ddd2049ce917',
  name: 'Evaluate',
  category: ['Action'],
  description:
    'Measures a DataFrame with the incoming evaluator, e.g. the RMSE of scored ratings, and ' +
    'outputs the metric’s name and value.',
  inputs: [
    { type: 'Evaluator', description: 'what to measure, such as Regression Evaluator' },
    { type: 'DataFrame', description: 'the data to measure, such as scored ratings' },
  ],
  outputs: [{ type: 'MetricValue', description: 'the metric’s name and value' }],
  params: [],

  infer({ inputs: [evaluator, frame] }) {
    const output = [{ type: 'MetricValue' as const }];
    if (evaluator?.type !== 'Evaluator' || frame?.type !== 'DataFrame' || frame.schema === null) {
      return { outputs: output, errors: [] };
    }
    return { outputs: output, errors: evaluator.evaluator.evaluate(frame.schema).errors };
  },

  async execute(inputs, context) {
    const evaluator = inputs[0] as EvaluatorValue;
    const table = (inputs[1] as DataFrameValue).table;
    return [await evaluator.evaluate(table, context)];
  },
};
