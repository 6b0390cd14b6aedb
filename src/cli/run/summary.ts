import { join } from 'node:path';
import type { RunOutcome } from '../../core/run/executor.ts';
import type { Workflow } from '../../core/workflow/model.ts';
import type { RunResults } from './outputs.ts';
import type { NodeReport } from './report.ts';

/** What a run did, as `recflow run --json` prints it. */
export interface RunSummary {
  workflow: { id: string; name: string; file: string };
  status: 'completed' | 'failed' | 'stopped';
  nodes: NodeReport[];
  outputs: {
    node: string;
    port: number;
    name: string;
    rows: number;
    columns: string[];
    file: string | null;
  }[];
  metrics: RunResults['metrics'];
  metricsFile: string | null;
}

export function runSummary(
  workflow: Workflow,
  file: string,
  outcome: RunOutcome,
  nodes: NodeReport[],
  results: RunResults,
  outFolder: string | undefined,
): RunSummary {
  const status = outcome.aborted ? 'stopped' : outcome.failed.length > 0 ? 'failed' : 'completed';
  return {
    workflow: { id: workflow.id, name: workflow.name, file },
    status,
    nodes,
    outputs: results.frames.map((frame) => ({
      node: frame.nodeId,
      port: frame.portIndex,
      name: frame.name,
      rows: frame.table.numRows,
      columns: frame.table.schema.fields.map((field) => field.name),
      file: outFolder === undefined ? null : join(outFolder, `${frame.name}.csv`),
    })),
    metrics: results.metrics,
    metricsFile: outFolder === undefined ? null : join(outFolder, 'metrics.json'),
  };
}

/** The summary as lines for a person: each metric, then each result DataFrame. */
export function summaryLines(summary: RunSummary): string[] {
  const metrics = Object.entries(summary.metrics).flatMap(([node, values]) =>
    Object.entries(values).map(([name, value]) => `${node}: ${name} = ${value ?? 'NaN'}`),
  );
  const outputs = summary.outputs.map((output) => {
    const rows = output.rows.toLocaleString('en-US');
    const shape = `${rows} rows, columns ${output.columns.join(', ')}`;
    return `${output.name}: ${shape}${output.file === null ? '' : ` → ${output.file}`}`;
  });
  const metricsFile = summary.metricsFile === null ? [] : [`metrics → ${summary.metricsFile}`];
  return [...metrics, ...outputs, ...metricsFile];
}
