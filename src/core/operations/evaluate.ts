import type { DataFrameValue, EvaluatorValue, OperationDescriptor } from '../operation.ts';
import { read } from '../params/index.ts';
import { applyOverrides, withOverrides } from '../params/overrides.ts';
import { overridesOf } from './configurable.ts';

const overrides = overridesOf('Evaluator');

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
  params: [overrides],

  infer({ params, inputs: [evaluator, frame] }) {
    const output = [{ type: 'MetricValue' as const }];
    if (evaluator?.type !== 'Evaluator') return { outputs: output, errors: [] };
    const given = read.overrides(params, overrides.name);
    const configured = withOverrides(overrides, evaluator.evaluator, given);
    if ('errors' in configured) return { outputs: output, errors: configured.errors };
    if (frame?.type !== 'DataFrame' || frame.schema === null) {
      return { outputs: output, errors: [] };
    }
    return { outputs: output, errors: configured.value.evaluate(frame.schema).errors };
  },

  async execute(inputs, context) {
    const given = read.overrides(context.params, overrides.name);
    const evaluator = applyOverrides(overrides, inputs[0] as EvaluatorValue, given);
    const table = (inputs[1] as DataFrameValue).table;
    return [await evaluator.evaluate(table, context)];
  },
};
