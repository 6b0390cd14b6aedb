import type { DataFrameValue, OperationDescriptor, TransformerValue } from '../operation.ts';
import { unknownKnowledge } from '../operation.ts';
import { read } from '../params/index.ts';
import { applyOverrides, withOverrides } from '../params/overrides.ts';
import { overridesOf } from './configurable.ts';

const overrides = overridesOf('Transformer');

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
  params: [overrides],

  infer({ params, inputs: [transformer, frame] }) {
    const unknown = { outputs: [unknownKnowledge('DataFrame')], errors: [] };
    if (transformer?.type !== 'Transformer') return unknown;
    const given = read.overrides(params, overrides.name);
    const configured = withOverrides(overrides, transformer.transformer, given);
    if ('errors' in configured) return { ...unknown, errors: configured.errors };
    if (frame?.type !== 'DataFrame' || frame.schema === null) return unknown;

    const result = configured.value.transform(frame.schema);
    return { outputs: [{ type: 'DataFrame', schema: result.schema }], errors: result.errors };
  },

  async execute(inputs, context) {
    const given = read.overrides(context.params, overrides.name);
    const model = applyOverrides(overrides, inputs[0] as TransformerValue, given);
    const table = (inputs[1] as DataFrameValue).table;
    return [{ type: 'DataFrame', table: await model.transform(table, context) }];
  },
};
