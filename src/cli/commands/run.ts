import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { RecflowError } from '../../core/errors.ts';
import { graphProblems } from '../../core/export/graph.ts';
import { als } from '../../core/operations/als.ts';
import type { RowRangeRunner } from '../../core/parallel/runner.ts';
import { type RunOutcome, WorkflowExecutor } from '../../core/run/executor.ts';
import type { Workflow } from '../../core/workflow/model.ts';
import { type Command, exitCodes } from '../command.ts';
import { wholeNumberFlag } from '../flags.ts';
import { startThreadPool } from '../parallel/threadPool.ts';
import { parseFileCommandLine } from '../run/args.ts';
import { type BoundData, bindDataFiles, parseDataFlags, readerName } from '../run/dataFiles.ts';
import { collectResults, prepareOutFolder, writeResults } from '../run/outputs.ts';
import { RunReporter } from '../run/report.ts';
import { runSummary, summaryLines } from '../run/summary.ts';
import { readWorkflowFile } from '../run/workflowFile.ts';

const flagKinds = { out: 'value', json: 'switch', threads: 'value' } as const;

const usage = `Usage: recflow run WORKFLOW.json [--data NAME=PATH ...] [--out DIR] [--json]
                  [--threads N]

Runs a workflow file, as the editor exports it, in Node with the same executor and
operations as the browser: every node, each after the nodes it takes input from.

Data:
  --data NAME=PATH   the CSV file of a Read DataFrame. NAME is the node's name, its id, or
                     the file name in its "CSV file" parameter; repeat for each Read
                     DataFrame. Without it, a file of that name is looked for in the
                     workflow file's folder, then in the current folder.

Output:
  --out DIR          write every DataFrame that no node consumes as
                     DIR/<node name or id>-<port>.csv and every metric into
                     DIR/metrics.json, as {"<node name or id>": {"rmse": 0.93}}; the folder
                     is created if need be, and files in it are overwritten
  --json             print one JSON object instead of the summary: status, nodes (id, name,
                     operation, status, seconds, message), outputs (node, port, name, rows,
                     columns, file), metrics, metricsFile

Training:
  --threads N        worker threads that train ALS (default: one per core); 1 trains on
                     the main thread. The model is the same bits on any number of threads.

Progress goes to stderr: on a terminal a bar for the running node, and one line per node
as it ends ("Fit: completed in 1.2 s"). Exit code 0 when every node completed; 1 when a
node failed, with its message on stderr (the nodes that completed still write their
results); 130 when stopped with Ctrl-C.

Example:
  recflow run workflow.json --data sample_movielens_ratings.csv=data/ratings.csv --out results`;

/** Lets Ctrl-C and other events through between units of work. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `recflow run`: run a workflow file headless and write its results. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Run a workflow file headless; write its result DataFrames as CSV and its metrics',
  usage,
  async run(args) {
    const { file, repeated, flags } = parseFileCommandLine(
      args,
      flagKinds,
      ['data'],
      'workflow file',
    );
    const dataFlags = parseDataFlags(repeated.data);
    const workflow = await readWorkflowFile(file);
    const problems = graphProblems(workflow);
    if (problems.length > 0) {
      const listed = problems.map((problem) => `  - ${problem}`).join('\n');
      throw new RecflowError(`${file}: the workflow cannot run:\n${listed}`);
    }

    const bound = await bindDataFiles(workflow, dataFlags, {
      workflowFolder: dirname(resolve(file)),
      currentFolder: process.cwd(),
    });
    for (const { node, path, foundBy } of bound.bindings) {
      if (foundBy !== 'flag') note(`${readerName(node)} reads ${path}, found in the ${foundBy}`);
    }
    if (flags.out !== undefined) await prepareOutFolder(flags.out);

    const executor = new WorkflowExecutor();
    const controller = new AbortController();
    const reporter = new RunReporter(bound.workflow, controller.signal);
    const pool = trainingPool(workflow, threadsFlag(flags.threads));
    const outcome = await runStoppably(executor, bound, reporter, controller, pool).finally(() =>
      pool?.terminate(),
    );

    const results = collectResults(bound.workflow, executor);
    if (flags.out !== undefined) await writeResults(results, flags.out);
    const summary = runSummary(workflow, file, outcome, reporter.nodeReports, results, flags.out);
    const lines = flags.json ? [JSON.stringify(summary, null, 2)] : summaryLines(summary);
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
    if (flags.out === undefined && results.frames.length > 0) {
      note('pass --out DIR to write the result DataFrames as CSV files.');
    }

    for (const failed of reporter.nodeReports.filter((node) => node.status === 'failed')) {
      process.stderr.write(`recflow run: ${failed.message}\n`);
    }
    if (outcome.aborted) return 130;
    return outcome.failed.length > 0 ? exitCodes.userError : exitCodes.ok;
  },
};

/** Runs every node; Ctrl-C stops the running node instead of killing the process. */
async function runStoppably(
  executor: WorkflowExecutor,
  bound: BoundData,
  reporter: RunReporter,
  controller: AbortController,
  pool: RowRangeRunner | undefined,
): Promise<RunOutcome> {
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    return await executor.run(bound.workflow, {
      files: bound.files,
      signal: controller.signal,
      yieldToEvents,
      onEvent: reporter.onEvent,
      rowRangeRunner: pool,
    });
  } finally {
    process.off('SIGINT', stop);
  }
}

function threadsFlag(text: string | boolean | undefined): number {
  return typeof text === 'string'
    ? wholeNumberFlag('threads', text, 1, 256)
    : availableParallelism();
}

/** Threads for ALS to train on, started only for a workflow that trains ALS. */
function trainingPool(workflow: Workflow, threads: number) {
  const trains = workflow.nodes.some((node) => node.operationId === als.id);
  if (!trains || threads === 1) return undefined;
  note(`ALS trains on ${threads} threads`);
  return startThreadPool(threads);
}

function note(line: string): void {
  process.stderr.write(`recflow run: ${line}\n`);
}
