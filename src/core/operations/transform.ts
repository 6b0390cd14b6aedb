import type { DataFrameValue, OperationDescriptor, TransformerValue } from '../operation.ts';
import { unknownKnowledge } from '../operation.ts';

export const transform: OperationDescriptor = {
  id: '643d8706-24db-4674-b5b4-10b5129251fc',
  name: 'Transform',
  category: ['Action'],
  description:
    'Applies a trained model to a DataFrame; an ALS model appends a column of predicted ratings.',
  inputs: [
    { type: 'Transformer', description: 'the trained model' },
    { type: 'DataFrame', description: 'the rows to score' },
  ],
  outputs: [{ type: 'DataFrame', description: 'the input rows with the model’s output added' }],
  params: [],

  infer({ inputs: [transformer, frame] }) {
    if (transformer?.type !== 'Transformer' || frame?.type !== 'DataFrame' || !frame.schema) {
      return { outputs: [unknownKnowledge('DataFrame')], errors: [] };
    }
    const result = transformer.transformer.transform(frame.schema);
    return { outputs: [{ type: 'DataFrame', schema: result.schema }], errors: result.errors };
  },

  async execute(inputs, context) {
    const model = inputs[0] as TransformerValue;
    const table = (inputs[1] as DataFrameValue).table;
    return [{ type: 'DataFrame', table: await model.transform(table, context) }];
  },
};
