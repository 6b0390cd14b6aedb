import type { Table } from 'apache-arrow';
import type {
  DataFrameValue,
  EstimatorValue,
  Knowledge,
  OperationDescriptor,
} from '../operation.ts';
import { unknownKnowledge } from '../operation.ts';

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
  params: [],

  infer({ inputs: [estimator, frame] }) {
    if (estimator?.type !== 'Estimator' || frame?.type !== 'DataFrame' || frame.schema === null) {
      return { outputs: [unknownKnowledge('Transformer')], errors: [] };
    }
    const fitted = estimator.estimator.fit(frame.schema);
    const output: Knowledge = { type: 'Transformer', transformer: fitted.transformer };
    return { outputs: [output], errors: fitted.errors };
  },

  async execute(inputs, context) {
    const estimator = inputs[0] as EstimatorValue;
    const table: Table = (inputs[1] as DataFrameValue).table;
    return [await estimator.fit(table, context)];
  },
};
