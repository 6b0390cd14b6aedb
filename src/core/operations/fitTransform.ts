import type { DataFrameValue, EstimatorValue, OperationDescriptor } from '../operation.ts';
import { unknownKnowledge } from '../operation.ts';
import { read } from '../params/index.ts';
import { applyOverrides, withOverrides } from '../params/overrides.ts';
import { overridesOf } from './configurable.ts';

const overrides = overridesOf('Estimator');

export const fitTransform: OperationDescriptor = {
  id: '1cb153f1-3731-4046-a29b-5ad64fde093f',
  name: 'Fit + Transform',
  category: ['Action'],
  description:
    'Trains the incoming estimator on a DataFrame, then applies the trained model to the ' +
    'same DataFrame; outputs both the result and the model.',
  inputs: [
    { type: 'Estimator', description: 'the estimator to train, such as ALS' },
    { type: 'DataFrame', description: 'the data to train on and then transform' },
  ],
  outputs: [
    { type: 'DataFrame', description: 'the input rows with the model’s output added' },
    { type: 'Transformer', description: 'the trained model' },
  ],
  params: [overrides],

  infer({ params, inputs: [estimator, frame] }) {
    const unknown = {
      outputs: [unknownKnowledge('DataFrame'), unknownKnowledge('Transformer')],
      errors: [],
    };
    if (estimator?.type !== 'Estimator') return unknown;
    const given = read.overrides(params, overrides.name);
    const configured = withOverrides(overrides, estimator.estimator, given);
    if ('errors' in configured) return { ...unknown, errors: configured.errors };
    if (frame?.type !== 'DataFrame' || frame.schema === null) return unknown;

    const fitted = configured.value.fit(frame.schema);
    const transformed = fitted.transformer.transform(frame.schema);
    return {
      outputs: [
        { type: 'DataFrame', schema: transformed.schema },
        { type: 'Transformer', transformer: fitted.transformer },
      ],
      // Both report the same missing column; say it once.
      errors: [...new Set([...fitted.errors, ...transformed.errors])],
    };
  },

  async execute(inputs, context) {
    const given = read.overrides(context.params, overrides.name);
    const estimator = applyOverrides(overrides, inputs[0] as EstimatorValue, given);
    const table = (inputs[1] as DataFrameValue).table;
    const model = await estimator.fit(table, context);
    return [{ type: 'DataFrame', table: await model.transform(table, context) }, model];
  },
};
