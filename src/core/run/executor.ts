import { AbortedError, isAbortError, messageOf } from '../errors.ts';
import type {
  CheckpointStore,
  FileStore,
  InputValues,
  NodeProgress,
  OperationDescriptor,
  PortValue,
} from '../operation.ts';
import { operationById } from '../operations/catalog.ts';
import type { RowRangeRunner } from '../parallel/runner.ts';
import { type ResolvedParams, read, resolveParams, validateParams } from '../params/index.ts';
import {
  ancestorsOf,
  connectionInto,
  nodeLabel,
  topologicalOrder,
  type Workflow,
  type WorkflowNode,
} from '../workflow/model.ts';
import { structuralProblems } from '../workflow/structure.ts';
import { fingerprint } from './cacheKey.ts';
import { type PortSummary, summarizePort } from './summary.ts';

export type NodeStatus = 'draft' | 'queued' | 'running' | 'completed' | 'failed' | 'aborted';

/** A change of one node's state during a run, as the editor and the command line show it. */
export type RunEvent =
  | { nodeId: string; status: 'draft' | 'queued' | 'aborted' }
  | { nodeId: string; status: 'running'; progress?: NodeProgress }
  | {
      nodeId: string;
      status: 'completed';
      outputs: PortSummary[];
      durationMs: number;
      /** True when an earlier result was reused because nothing it depends on changed. */
      reused: boolean;
    }
  | { nodeId: string; status: 'failed'; message: string };

export interface RunOptions {
  /** Nodes to bring up to date, with their ancestors; every node when absent. */
  targets?: string[];
  files: FileStore;
  signal: AbortSignal;
  yieldToEvents: () => Promise<void>;
  onEvent: (event: RunEvent) => void;
  checkpoints?: CheckpointStore;
  /** Handed to operations as `ExecutionContext.rowRangeRunner`: a pool makes training parallel. */
  rowRangeRunner?: RowRangeRunner;
}

export interface RunOutcome {
  completed: string[];
  failed: string[];
  aborted: boolean;
}

/**
 * What a node's result depends on, as one key: its operation, parameters, the keys of its
 * inputs and the fingerprints of the files it reads.
 */
function nodeKey(
  operation: OperationDescriptor,
  params: ResolvedParams,
  inputKeys: string[],
  files: FileStore,
): string {
  const fileFingerprints = operation.params
    .filter((spec) => spec.kind === 'file')
    .map((spec) => {
      const name = read.file(params, spec.name);
      return name === null ? null : (files.get(name)?.fingerprint ?? null);
    });
  return fingerprint({
    operation: operation.id,
    params,
    inputs: inputKeys,
    files: fileFingerprints,
  });
}

/**
 * The key each node would run under, without running anything; nodes that could not run
 * (bad parameters, a missing input) have none. Used to find checkpoints to resume from.
 */
export function plannedKeys(workflow: Workflow, files: FileStore): Map<string, string> {
  const keys = new Map<string, string>();
  const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));
  for (const id of topologicalOrder(workflow)) {
    const node = nodes.get(id)!;
    const operation = operationById(node.operationId);
    if (operation === undefined || validateParams(operation.params, node.params).length > 0) {
      continue;
    }
    const inputKeys: string[] = [];
    const complete = operation.inputs.every((port, portIndex) => {
      const edge = connectionInto(workflow, { nodeId: id, portIndex });
      const key = edge && keys.get(edge.from.nodeId);
      if (edge === undefined && port.optional) inputKeys.push('none');
      else if (key !== undefined) inputKeys.push(`${key}:${edge!.from.portIndex}`);
      else return false;
      return true;
    });
    if (complete) {
      const params = resolveParams(operation.params, node.params);
      keys.set(id, nodeKey(operation, params, inputKeys, files));
    }
  }
  return keys;
}

interface NodeResult {
  key: string;
  outputs: PortValue[];
  summaries: PortSummary[];
}

/**
 * Runs workflows and keeps each node's last successful outputs, so that a later run skips
 * every node whose operation, parameters, inputs and files are unchanged. The browser's
 * worker and the command line each hold one.
 */
export class WorkflowExecutor {
  private readonly results = new Map<string, NodeResult>();

  /** The value on a node's output port from its last successful run. */
  output(nodeId: string, portIndex: number): PortValue | undefined {
    return this.results.get(nodeId)?.outputs[portIndex];
  }

  /** Forgets results, e.g. of nodes that were deleted. */
  forget(nodeIds: Iterable<string>): void {
    for (const id of nodeIds) this.results.delete(id);
  }

  async run(workflow: Workflow, options: RunOptions): Promise<RunOutcome> {
    const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));
    const wanted = ancestorsOf(workflow, options.targets ?? nodes.keys());
    const plan = topologicalOrder(workflow).filter((id) => wanted.has(id));
    const keys = new Map<string, string>();
    const outcome: RunOutcome = { completed: [], failed: [], aborted: false };
    const problems = structuralProblems(workflow);

    for (const id of plan) options.onEvent({ nodeId: id, status: 'queued' });
    // Nodes on a cycle (and after one) have no place in the order: they cannot run.
    const planned = new Set(plan);
    for (const id of wanted) {
      if (planned.has(id)) continue;
      const problem = problems.get(id);
      if (problem === undefined) options.onEvent({ nodeId: id, status: 'draft' });
      else this.fail(nodes.get(id)!, problem, options, outcome);
    }

    for (const [position, id] of plan.entries()) {
      const node = nodes.get(id)!;
      const problem = problems.get(id);
      if (problem !== undefined) {
        this.fail(node, problem, options, outcome);
        continue;
      }
      const inputs = this.inputsOf(workflow, node, keys);
      if (inputs === 'upstream failed') {
        options.onEvent({ nodeId: id, status: 'draft' });
        continue;
      }
      if (options.signal.aborted) {
        for (const rest of plan.slice(position)) options.onEvent({ nodeId: rest, status: 'draft' });
        outcome.aborted = true;
        break;
      }

      try {
        const result = await this.runNode(node, inputs, options);
        keys.set(id, result.key);
        outcome.completed.push(id);
      } catch (error) {
        if (isAbortError(error)) {
          options.onEvent({ nodeId: id, status: 'aborted' });
          for (const rest of plan.slice(position + 1)) {
            options.onEvent({ nodeId: rest, status: 'draft' });
          }
          outcome.aborted = true;
          break;
        }
        this.fail(node, messageOf(error), options, outcome);
      }
    }
    return outcome;
  }

  private fail(node: WorkflowNode, message: string, options: RunOptions, outcome: RunOutcome) {
    options.onEvent({
      nodeId: node.id,
      status: 'failed',
      message: `${nodeLabel(node)}: ${message}`,
    });
    outcome.failed.push(node.id);
  }

  /** The values on a node's input ports, or why they are not there. */
  private inputsOf(
    workflow: Workflow,
    node: WorkflowNode,
    keys: Map<string, string>,
  ): { values: InputValues; keys: string[] } | 'upstream failed' | { missing: string } {
    const operation = operationById(node.operationId);
    if (operation === undefined) return { values: [], keys: [] };

    const values: InputValues = [];
    const inputKeys: string[] = [];
    for (const [portIndex, port] of operation.inputs.entries()) {
      const edge = connectionInto(workflow, { nodeId: node.id, portIndex });
      if (edge === undefined && port.optional) {
        values.push(undefined);
        inputKeys.push('none');
        continue;
      }
      if (edge === undefined) {
        return { missing: `input ${portIndex} (${port.type}) is not connected; connect one.` };
      }
      const key = keys.get(edge.from.nodeId);
      const value = this.output(edge.from.nodeId, edge.from.portIndex);
      if (key === undefined || value === undefined) return 'upstream failed';
      values.push(value);
      inputKeys.push(`${key}:${edge.from.portIndex}`);
    }
    return { values, keys: inputKeys };
  }

  private async runNode(
    node: WorkflowNode,
    inputs: { values: InputValues; keys: string[] } | { missing: string },
    options: RunOptions,
  ): Promise<NodeResult> {
    const operation = operationById(node.operationId);
    if (operation === undefined) {
      throw new Error(
        `recflow does not support the operation ${node.operationName}; ` +
          'remove the node to run the rest.',
      );
    }
    if ('missing' in inputs) throw new Error(inputs.missing);

    const issues = validateParams(operation.params, node.params);
    if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join('\n'));
    const params = resolveParams(operation.params, node.params);

    const key = nodeKey(operation, params, inputs.keys, options.files);

    const previous = this.results.get(node.id);
    if (previous?.key === key) {
      options.onEvent({
        nodeId: node.id,
        status: 'completed',
        outputs: previous.summaries,
        durationMs: 0,
        reused: true,
      });
      return previous;
    }

    this.results.delete(node.id);
    options.onEvent({ nodeId: node.id, status: 'running' });
    const started = performance.now();
    const outputs = await operation.execute(inputs.values, {
      params,
      cacheKey: key,
      checkpoints: options.checkpoints,
      files: options.files,
      signal: options.signal,
      yieldToEvents: options.yieldToEvents,
      rowRangeRunner: options.rowRangeRunner,
      reportProgress: (progress) =>
        options.onEvent({ nodeId: node.id, status: 'running', progress }),
    });
    if (options.signal.aborted) throw new AbortedError();

    const result: NodeResult = { key, outputs, summaries: outputs.map(summarizePort) };
    this.results.set(node.id, result);
    options.onEvent({
      nodeId: node.id,
      status: 'completed',
      outputs: result.summaries,
      durationMs: performance.now() - started,
      reused: false,
    });
    return result;
  }
}
