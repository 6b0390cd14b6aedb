import type { OperationDescriptor } from '../core/operation.ts';
import type { ParamValues } from '../core/params/index.ts';
import {
  type Connection,
  connectionKey,
  defaultNodeColor,
  type Position,
  type Workflow,
  type WorkflowNode,
} from '../core/workflow/model.ts';

/**
 * Edits of a workflow as pure functions: each returns a new workflow and shares every node
 * and edge it did not change, which keeps undo snapshots cheap and lets React skip work.
 */

export function newNode(operation: OperationDescriptor, position: Position): WorkflowNode {
  return {
    id: crypto.randomUUID(),
    operationId: operation.id,
    operationName: operation.name,
    params: {},
    position,
    label: '',
    color: defaultNodeColor,
  };
}

export function addNodes(workflow: Workflow, nodes: WorkflowNode[]): Workflow {
  return { ...workflow, nodes: [...workflow.nodes, ...nodes] };
}

export function moveNodes(workflow: Workflow, positions: Map<string, Position>): Workflow {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position } : node;
    }),
  };
}

export function removeNodes(workflow: Workflow, ids: Set<string>): Workflow {
  return {
    ...workflow,
    nodes: workflow.nodes.filter((node) => !ids.has(node.id)),
    connections: workflow.connections.filter(
      (edge) => !ids.has(edge.from.nodeId) && !ids.has(edge.to.nodeId),
    ),
  };
}

export function addConnection(workflow: Workflow, connection: Connection): Workflow {
  return { ...workflow, connections: [...workflow.connections, connection] };
}

export function removeConnections(workflow: Workflow, keys: Set<string>): Workflow {
  return {
    ...workflow,
    connections: workflow.connections.filter((edge) => !keys.has(connectionKey(edge))),
  };
}

export function updateNode(
  workflow: Workflow,
  id: string,
  change: (node: WorkflowNode) => WorkflowNode,
): Workflow {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => (node.id === id ? change(node) : node)),
  };
}

/** Sets a parameter; undefined removes it, so that it means the default again. */
export function setParam(workflow: Workflow, id: string, name: string, value: unknown): Workflow {
  return updateNode(workflow, id, (node) => {
    const params: ParamValues = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    return { ...node, params };
  });
}

/**
 * Ids of nodes whose result an edit from `before` to `after` may have changed: nodes with
 * other parameters or operation, and nodes whose incoming edges changed. Moves and renames
 * change no result.
 */
export function nodesWithChangedInputs(before: Workflow, after: Workflow): string[] {
  const incoming = (workflow: Workflow) => {
    const byTarget = new Map<string, string[]>();
    for (const edge of workflow.connections) {
      byTarget.set(edge.to.nodeId, [...(byTarget.get(edge.to.nodeId) ?? []), connectionKey(edge)]);
    }
    return byTarget;
  };
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const beforeEdges = incoming(before);
  const afterEdges = incoming(after);

  return after.nodes
    .filter((node) => {
      const previous = beforeNodes.get(node.id);
      const edges = (afterEdges.get(node.id) ?? []).sort().join();
      return (
        previous === undefined ||
        previous.params !== node.params ||
        previous.operationId !== node.operationId ||
        edges !== (beforeEdges.get(node.id) ?? []).sort().join()
      );
    })
    .map((node) => node.id);
}
