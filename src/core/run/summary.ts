import type { Table } from 'apache-arrow';
import { type ColumnDistribution, distributionsOf } from '../frame/distribution.ts';
import { type Schema, schemaOf } from '../frame/schema.ts';
import type { ModelReport, PortValue } from '../operation.ts';

/** A cell as the main thread receives it: plain JSON, long text cut. */
export type PreviewCell = string | number | boolean | null;

export interface DataFramePreview {
  schema: Schema;
  rowCount: number;
  /** The first rows, at most `previewRows`. */
  rows: PreviewCell[][];
  /** How the shown columns' values are spread over the whole table. */
  distributions: ColumnDistribution[];
  /** The rows and distributions cover the first `shownColumns` columns of the schema. */
  shownColumns: number;
}

/**
 * What the main thread receives about an output port: enough to show, never the data
 * itself (that stays in the worker and is fetched on demand, e.g. as a CSV download).
 */
export type PortSummary =
  | { type: 'DataFrame'; frame: DataFramePreview }
  | { type: 'Estimator'; operationName: string }
  | { type: 'Transformer'; report: ModelReport }
  | { type: 'MetricValue'; name: string; value: number }
  | { type: 'Evaluator'; metricName: string };

export const previewRows = 20;
/** Wider tables show their first columns only: a page cannot lay out 10,000 of them. */
export const previewColumns = 100;
const longestText = 200;

function previewCell(value: unknown): PreviewCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.length > longestText ? `${text.slice(0, longestText)}…` : text;
}

export function previewFrame(table: Table, rows = previewRows): DataFramePreview {
  const schema = schemaOf(table);
  const shownColumns = Math.min(schema.columns.length, previewColumns);
  const shown = table.selectAt(Array.from({ length: shownColumns }, (_, index) => index));
  const head = shown.slice(0, Math.min(rows, table.numRows));
  const columns = Array.from({ length: shownColumns }, (_, index) => head.getChildAt(index));
  const cells: PreviewCell[][] = [];
  for (let row = 0; row < head.numRows; row++) {
    cells.push(columns.map((column) => previewCell(column?.get(row))));
  }
  return {
    schema,
    rowCount: table.numRows,
    rows: cells,
    distributions: distributionsOf(shown),
    shownColumns,
  };
}

export function summarizePort(value: PortValue): PortSummary {
  switch (value.type) {
    case 'DataFrame':
      return { type: 'DataFrame', frame: previewFrame(value.table) };
    case 'Estimator':
      return { type: 'Estimator', operationName: value.operationName };
    case 'Transformer':
      return { type: 'Transformer', report: value.report() };
    case 'MetricValue':
      return { type: 'MetricValue', name: value.name, value: value.value };
    case 'Evaluator':
      return { type: 'Evaluator', metricName: value.metricName };
  }
}
