import type { DataFrameValue, EstimatorValue, OperationDescriptor } from '../operation.ts';
import { unknownKnowledge } from '../operation.ts';
import { read } from '../params/index.ts';
import { applyOverrides, withOverrides } from '../params/overrides.ts';
import { overridesOf } from './configurable.ts';

const overrides = overridesOf('Estimator');

export const fit: OperationDescriptor = {
  id: '0c2ff818-977b-11e5-8994-feff819cdc9f',
  name: 'Fit',
  category: ['Action'],
  description: 'Trains the incoming estimator on a DataFrame and outputs the trained model.',
  inputs: [
    { type: 'Estimator', description: 'the estimator to train, such as ALS' },
    { type: 'DataFrame', description: 'the training data' },
  ],
  outputs: [{ type: 'Transformer', description: 'the trained model' }],
  params: [overrides],

  infer({ params, inputs: [estimator, frame] }) {
    const unknown = { outputs: [unknownKnowledge('Transformer')], errors: [] };
    if (estimator?.type !== 'Estimator') return unknown;
    const configured = withOverrides(
      overrides,
      estimator.estimator,
      read.overrides(params, overrides.name),
    );
    if ('errors' in configured) return { ...unknown, errors: configured.errors };
    if (frame?.type !== 'DataFrame' || frame.schema === null) return unknown;

    const fitted = configured.value.fit(frame.schema);
    return {
      outputs: [{ type: 'Transformer', transformer: fitted.transformer }],
      errors: fitted.errors,
    };
  },

  async execute(inputs, context) {
    const given = read.overrides(context.params, overrides.name);
    const estimator = applyOverrides(overrides, inputs[0] as EstimatorValue, given);
    const table = (inputs[1] as DataFrameValue).table;
    return [await estimator.fit(table, context)];
  },
};
