import {
  type Data,
  Field,
  Float64,
  makeBuilder,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  type Vector,
} from 'apache-arrow';
import { RecflowError } from '../errors';
import { idsFromColumn } from './input';
import { predict } from './model';
import type { AlsModel, ColdStartStrategy } from './types';

/** How to score a table: the id columns to read and the prediction column to add. */
export interface TransformOptions {
  userColumn: string;
  itemColumn: string;
  predictionColumn: string;
  /** `nan` keeps rows with an unseen id (prediction NaN), `drop` removes them. Any case. */
  coldStartStrategy: ColdStartStrategy | string;
}

function parseColdStart(strategy: string): ColdStartStrategy {
  const normalised = strategy.toLowerCase();
  if (normalised === 'nan' || normalised === 'drop') return normalised;
  throw new RecflowError(
    `cold start strategy must be \`nan\` or \`drop\`, but is \`${strategy}\`.`,
  );
}

function checkPredictionColumn(table: Table, name: string): void {
  if (name.length === 0) {
    throw new RecflowError('prediction column is empty; give the new column a name.');
  }
  if (table.schema.fields.some((field) => field.name === name)) {
    throw new RecflowError(
      `prediction column \`${name}\` already exists in the input; choose another name.`,
    );
  }
}

/** The rows `rows` of one column chunk, copied through a builder (works for every type). */
function takeRows(column: Vector, rows: Int32Array): Data {
  const builder = makeBuilder({ type: column.type, nullValues: [null, undefined] });
  for (let i = 0; i < rows.length; i++) builder.append(column.get(rows[i]));
  return builder.finish().flush();
}

function batchWith(schema: Schema, children: Data[], length: number): RecordBatch {
  const data = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** One output batch: the input batch plus its predictions, minus dropped rows. */
function scoredBatch(schema: Schema, batch: RecordBatch, predictions: Float64Array, drop: boolean) {
  const predictionData = (values: Float64Array) =>
    makeData({ type: new Float64(), length: values.length, nullCount: 0, data: values });

  let kept = predictions.length;
  if (drop) for (const score of predictions) if (Number.isNaN(score)) kept--;
  if (kept === predictions.length) {
    return batchWith(schema, [...batch.data.children, predictionData(predictions)], kept);
  }

  const rows = new Int32Array(kept);
  for (let i = 0, next = 0; i < predictions.length; i++) {
    if (!Number.isNaN(predictions[i])) rows[next++] = i;
  }
  const columns = batch.schema.fields.map((_, c) => takeRows(batch.getChildAt(c)!, rows));
  const keptPredictions = Float64Array.from(rows, (row) => predictions[row]);
  return batchWith(schema, [...columns, predictionData(keptPredictions)], kept);
}

/**
 * Scores a table with a model: keeps every input column and appends a Float64 prediction
 * column (see `predict`). Ids are checked as in training. With cold start strategy `drop`,
 * rows whose prediction is NaN (an id unseen in training) are removed.
 */
export function transformTable(model: AlsModel, table: Table, options: TransformOptions): Table {
  checkPredictionColumn(table, options.predictionColumn);
  const drop = parseColdStart(options.coldStartStrategy) === 'drop';
  const users = idsFromColumn(table, options.userColumn, 'user');
  const items = idsFromColumn(table, options.itemColumn, 'item');
  const predictions = predict(model, users, items);

  const predictionField = new Field(options.predictionColumn, new Float64(), false);
  const schema = new Schema([...table.schema.fields, predictionField], table.schema.metadata);
  const batches: RecordBatch[] = [];
  let base = 0;
  for (const batch of table.batches) {
    const batchPredictions = predictions.subarray(base, base + batch.numRows);
    batches.push(scoredBatch(schema, batch, batchPredictions, drop));
    base += batch.numRows;
  }
  return new Table(schema, batches);
}
