import type { RunEvent } from '../../core/run/executor.ts';
import { nodeLabel, type Workflow } from '../../core/workflow/model.ts';
import { type ProgressBar, progressBar } from '../progress.ts';

/** How one node's run ended, for the summary and `--json`. */
export interface NodeReport {
  id: string;
  name: string;
  operation: string;
  status: 'completed' | 'failed' | 'aborted' | 'not run';
  seconds: number | null;
  /** The node's message when it failed: what went wrong and how to fix it. */
  message?: string;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/**
 * Shows a run as it goes, on stderr: on a terminal a progress bar for the running node,
 * and on any stream one plain line per node as it ends ("Fit: completed in 1.2 s"), so
 * that logs and pipes get the same record without the bar's redraws.
 */
export class RunReporter {
  private readonly nodes: Map<string, { name: string; operation: string }>;
  private readonly started = new Map<string, number>();
  private readonly reports = new Map<string, NodeReport>();
  private anyFailed = false;

  constructor(
    workflow: Workflow,
    /** Stops the run; nodes left undone after it are "not run" for that reason. */
    private readonly signal: AbortSignal,
    private readonly stream: NodeJS.WritableStream = process.stderr,
    private readonly bar: ProgressBar = progressBar(),
  ) {
    this.nodes = new Map(
      workflow.nodes.map((node) => [
        node.id,
        { name: nodeLabel(node), operation: node.operationName },
      ]),
    );
  }

  /** Every node's report, in the order the run reached them. */
  get nodeReports(): NodeReport[] {
    return [...this.reports.values()];
  }

  readonly onEvent = (event: RunEvent): void => {
    const node = this.nodes.get(event.nodeId) ?? { name: event.nodeId, operation: '?' };
    const elapsed = () => performance.now() - (this.started.get(event.nodeId) ?? performance.now());
    const report = (status: NodeReport['status'], milliseconds: number | null, message?: string) =>
      this.reports.set(event.nodeId, {
        id: event.nodeId,
        ...node,
        status,
        seconds: milliseconds === null ? null : milliseconds / 1000,
        ...(message === undefined ? {} : { message }),
      });

    switch (event.status) {
      case 'queued':
        return;
      case 'running':
        if (!this.started.has(event.nodeId)) this.started.set(event.nodeId, performance.now());
        this.bar.update({
          label: node.name,
          fraction: event.progress?.fraction ?? 0,
          detail: event.progress?.label ?? 'running',
        });
        return;
      case 'completed':
        report('completed', event.durationMs);
        this.line(`${node.name}: completed in ${seconds(event.durationMs)}`);
        return;
      case 'failed':
        this.anyFailed = true;
        report('failed', elapsed(), event.message);
        this.line(`${node.name}: failed after ${seconds(elapsed())}`);
        return;
      case 'aborted':
        report('aborted', elapsed());
        this.line(`${node.name}: stopped after ${seconds(elapsed())}`);
        return;
      case 'draft':
        report('not run', null);
        this.line(`${node.name}: not run${this.whyNotRun()}`);
        return;
    }
  };

  /** A node goes back to draft when the run was stopped, or when a node it needs failed. */
  private whyNotRun(): string {
    if (this.signal.aborted) return ', the run was stopped';
    return this.anyFailed ? ', a node it needs failed' : '';
  }

  private line(text: string): void {
    this.bar.finish();
    this.stream.write(`${text}\n`);
  }
}
