import type { Table } from 'apache-arrow';
import { writeCsv } from '../core/csv/index.ts';
import { RecflowError } from '../core/errors.ts';
import { rowsWhere } from '../core/frame/findRows.ts';
import { keyedRecord } from '../core/keyedRecord.ts';
import type { PoolRunner } from '../core/parallel/pool.ts';
import {
  plannedKeys,
  type RunEvent,
  type RunOutcome,
  WorkflowExecutor,
} from '../core/run/executor.ts';
import { type DataFramePreview, previewFrame } from '../core/run/summary.ts';
import type { Workflow } from '../core/workflow/model.ts';
import { indexedDbCheckpoints } from './checkpointStore.ts';
import { BlobFileStore } from './fileStore.ts';
import { startBrowserPool } from './pool/browserPool.ts';
import { yieldToEvents } from './yieldToEvents.ts';

/**
 * What the page asks of the worker. Data stays here: the page sends files and workflows and
 * receives states, previews and downloads.
 */
export class WorkerApi {
  private readonly files = new BlobFileStore();
  private readonly executor = new WorkflowExecutor();
  private readonly checkpoints = indexedDbCheckpoints();
  private running: AbortController | null = null;
  /** Started by the first run; null where memory cannot be shared (no cross-origin isolation). */
  private pool: PoolRunner | null | undefined;

  /** Answers at once, unless the worker is busy or gone: how the page knows it is alive. */
  ping(): true {
    return true;
  }

  putFile(name: string, blob: Blob, fingerprint: string): void {
    this.files.put(name, blob, fingerprint);
  }

  removeFile(name: string): void {
    this.files.remove(name);
  }

  /** Runs the workflow up to `targets` (every node when absent); one run at a time. */
  async run(
    workflow: Workflow,
    targets: string[] | undefined,
    onEvent: (event: RunEvent) => void,
  ): Promise<RunOutcome> {
    if (this.running !== null) {
      throw new RecflowError('A run is already in progress; stop it or wait for it to end.');
    }
    const controller = new AbortController();
    this.running = controller;
    try {
      return await this.executor.run(workflow, {
        targets,
        files: this.files,
        signal: controller.signal,
        yieldToEvents,
        onEvent,
        checkpoints: this.checkpoints,
        rowRangeRunner: this.trainingPool(),
      });
    } finally {
      this.running = null;
    }
  }

  /**
   * The nodes that a reload or a crash interrupted and that can go on from a checkpoint,
   * with the iteration each would resume after.
   */
  async resumable(workflow: Workflow): Promise<Record<string, number>> {
    const found = keyedRecord<number>();
    for (const [nodeId, key] of plannedKeys(workflow, this.files)) {
      const snapshot = await this.checkpoints.load(key).catch(() => undefined);
      const iteration = (snapshot as { iteration?: unknown } | undefined)?.iteration;
      if (typeof iteration === 'number') found[nodeId] = iteration;
    }
    return found;
  }

  /**
   * The pool of workers ALS trains on, one per core, started on first use and kept for
   * later runs; undefined (train here, sequentially) where it cannot run.
   */
  private trainingPool(): PoolRunner | undefined {
    if (this.pool === undefined) this.pool = startBrowserPool();
    return this.pool ?? undefined;
  }

  /** Stops the current run: the running node ends aborted, queued ones go back to draft. */
  stop(): void {
    this.running?.abort();
  }

  forget(nodeIds: string[]): void {
    this.executor.forget(nodeIds);
  }

  /** Up to `limit` rows of a node's output DataFrame whose `column` holds `value`. */
  findRows(
    nodeId: string,
    portIndex: number,
    column: string,
    value: string,
    limit = 100,
  ): DataFramePreview {
    const found = rowsWhere(this.frameOn(nodeId, portIndex), column, value, limit);
    return previewFrame(found, limit);
  }

  private frameOn(nodeId: string, portIndex: number): Table {
    const value = this.executor.output(nodeId, portIndex);
    if (value?.type !== 'DataFrame') {
      throw new RecflowError('This port holds no DataFrame yet; run the workflow first.');
    }
    return value.table;
  }

  /** The whole DataFrame on a node's output port, as CSV. */
  csvOf(nodeId: string, portIndex: number): Blob {
    return new Blob([writeCsv(this.frameOn(nodeId, portIndex))], { type: 'text/csv' });
  }
}
