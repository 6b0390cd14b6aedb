import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { csvChunks } from '../../core/csv/index.ts';
import { messageOf, RecflowError } from '../../core/errors.ts';
import { finalDataFrameOutputs, resultName, uniqueNames } from '../../core/export/outputNames.ts';
import { operationById } from '../../core/operations/catalog.ts';
import type { WorkflowExecutor } from '../../core/run/executor.ts';
import type { Workflow } from '../../core/workflow/model.ts';

/** A result DataFrame of a run: an output that no node consumes. */
export interface ResultFrame {
  nodeId: string;
  portIndex: number;
  /** `<node name or id>-<port>`, file-safe and unique; the file is `<name>.csv`. */
  name: string;
  table: Table;
}

/** Metric values by node (name or id) and metric name: `{"Evaluate": {"rmse": 0.93}}`. */
export type Metrics = Record<string, Record<string, number | null>>;

export interface RunResults {
  frames: ResultFrame[];
  metrics: Metrics;
}

/** The results of the nodes that completed: final DataFrames and every metric value. */
export function collectResults(workflow: Workflow, executor: WorkflowExecutor): RunResults {
  const frames = finalDataFrameOutputs(workflow).flatMap((output): ResultFrame[] => {
    const value = executor.output(output.nodeId, output.portIndex);
    return value?.type === 'DataFrame' ? [{ ...output, table: value.table }] : [];
  });

  const measured = workflow.nodes.flatMap((node) => {
    const ports = operationById(node.operationId)?.outputs ?? [];
    const values = ports.flatMap((port, portIndex) => {
      const value = port.type === 'MetricValue' ? executor.output(node.id, portIndex) : undefined;
      return value?.type === 'MetricValue' ? [value] : [];
    });
    return values.length > 0 ? [{ node, values }] : [];
  });
  const keys = uniqueNames(measured.map(({ node }) => resultName(node)));
  const metrics: Metrics = {};
  for (const [index, { values }] of measured.entries()) {
    // JSON has no NaN or Infinity: a metric that is not a number is written as null.
    metrics[keys[index]] = Object.fromEntries(
      values.map(({ name, value }) => [name, Number.isFinite(value) ? value : null]),
    );
  }
  return { frames, metrics };
}

/** Creates the --out folder before anything runs, so a bad path fails in milliseconds. */
export async function prepareOutFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    throw new RecflowError(
      `--out ${folder}: the folder cannot be created (${reason}); choose another path.`,
      { cause: error },
    );
  }
}

async function writeText(path: string, pieces: Iterable<string>): Promise<void> {
  try {
    await writeFile(path, pieces);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    throw new RecflowError(`cannot write \`${path}\` (${reason}); check the --out folder.`, {
      cause: error,
    });
  }
}

/** Writes each result DataFrame as `<folder>/<name>.csv` and the metrics as metrics.json. */
export async function writeResults(results: RunResults, folder: string): Promise<string[]> {
  const written: string[] = [];
  for (const frame of results.frames) {
    const path = join(folder, `${frame.name}.csv`);
    await writeText(path, csvChunks(frame.table));
    written.push(path);
  }
  const metricsPath = join(folder, 'metrics.json');
  await writeText(metricsPath, [`${JSON.stringify(results.metrics, null, 2)}\n`]);
  written.push(metricsPath);
  return written;
}
