import type { Table } from 'apache-arrow';
import { RecflowError } from '../errors.ts';
import { type Schema, schemaOf } from '../frame/schema.ts';
import type {
  DataFrameValue,
  OperationDescriptor,
  TransformerKnowledge,
  TransformerValue,
} from '../operation.ts';
import {
  type ColumnsParamSpec,
  describeColumnsSelection,
  type MultipleColumnSelection,
  read,
  resolveColumns,
} from '../params/index.ts';

const selectedColumns: ColumnsParamSpec = {
  name: 'selected columns',
  kind: 'columns',
  default: { selections: [], excluding: false },
  source: { port: 0 },
  description:
    'The columns to keep: by name, index, index range or type; or, excluding, the columns to drop.',
};

/** The selected columns of a schema, or the error that names what is missing. */
function filteredSchema(selection: MultipleColumnSelection, schema: Schema) {
  const resolved = resolveColumns(selectedColumns, selection, schema);
  if ('error' in resolved) return { schema: null, errors: [resolved.error] };
  return { schema: { columns: resolved.indexes.map((i) => schema.columns[i]) }, errors: [] };
}

function filterTable(selection: MultipleColumnSelection, table: Table): Table {
  const resolved = resolveColumns(selectedColumns, selection, schemaOf(table));
  if ('error' in resolved) throw new RecflowError(resolved.error);
  return table.selectAt(resolved.indexes);
}

function columnFilter(selection: MultipleColumnSelection): TransformerValue {
  return {
    type: 'Transformer',
    async transform(table) {
      return filterTable(selection, table);
    },
    report() {
      return {
        title: 'Column filter',
        fields: [['selected columns', describeColumnsSelection(selection)]],
      };
    },
  };
}

export const filterColumns: OperationDescriptor = {
  id: '6534f3f4-fa3a-49d9-b911-c213d3da8b5d',
  name: 'Filter Columns',
  category: ['Filtering'],
  description:
    'Keeps the selected columns of a DataFrame, in their input order, and outputs a ' +
    'transformer that makes the same selection on other DataFrames.',
  inputs: [{ type: 'DataFrame', description: 'the DataFrame to take columns from' }],
  outputs: [
    { type: 'DataFrame', description: 'the selected columns' },
    { type: 'Transformer', description: 'a transformer that selects the same columns' },
  ],
  params: [selectedColumns],

  infer({ params: resolved, inputs: [frame] }) {
    const selection = read.columns(resolved, selectedColumns.name);
    const transformer: TransformerKnowledge = {
      transform: (schema) => filteredSchema(selection, schema),
    };
    const schema = frame?.type === 'DataFrame' ? frame.schema : null;
    const filtered =
      schema === null ? { schema: null, errors: [] } : filteredSchema(selection, schema);
    return {
      outputs: [
        { type: 'DataFrame', schema: filtered.schema },
        { type: 'Transformer', transformer },
      ],
      errors: filtered.errors,
    };
  },

  async execute(inputs, context) {
    const selection = read.columns(context.params, selectedColumns.name);
    const table = (inputs[0] as DataFrameValue).table;
    return [{ type: 'DataFrame', table: filterTable(selection, table) }, columnFilter(selection)];
  },
};
