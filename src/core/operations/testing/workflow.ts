import type { FileStore, OperationDescriptor, StoredFile } from '../../operation.ts';
import type { ParamValues } from '../../params/index.ts';
import { type RunEvent, type RunOutcome, WorkflowExecutor } from '../../run/executor.ts';
import type { Connection, Workflow, WorkflowNode } from '../../workflow/model.ts';

/** Uploaded files held in memory, by name. */
export function filesOf(contents: Record<string, string>): FileStore {
  const files = new Map<string, StoredFile>();
  for (const [name, text] of Object.entries(contents)) {
    const bytes = new TextEncoder().encode(text);
    files.set(name, {
      name,
      size: bytes.length,
      fingerprint: name,
      stream: () => new Blob([bytes]).stream(),
    });
  }
  return { get: (name) => files.get(name) };
}

export function nodeOf(
  id: string,
  operation: OperationDescriptor,
  params: ParamValues = {},
): WorkflowNode {
  return {
    id,
    operationId: operation.id,
    operationName: operation.name,
    params,
    position: { x: 0, y: 0 },
    label: '',
    color: '#00B1EB',
  };
}

export const edgeOf = (from: string, fromPort: number, to: string, toPort: number): Connection => ({
  from: { nodeId: from, portIndex: fromPort },
  to: { nodeId: to, portIndex: toPort },
});

export function workflowOf(nodes: WorkflowNode[], connections: Connection[]): Workflow {
  return { id: 'test', name: 'test', description: '', nodes, connections, preserved: {} };
}

/** Runs every node; the failures' messages come back with the outcome. */
export async function runWorkflow(
  workflow: Workflow,
  files: FileStore,
): Promise<{ executor: WorkflowExecutor; outcome: RunOutcome; failures: string[] }> {
  const executor = new WorkflowExecutor();
  const events: RunEvent[] = [];
  const outcome = await executor.run(workflow, {
    files,
    signal: new AbortController().signal,
    yieldToEvents: async () => {},
    onEvent: (event) => events.push(event),
  });
  const failures = events.flatMap((event) => (event.status === 'failed' ? [event.message] : []));
  return { executor, outcome, failures };
}
