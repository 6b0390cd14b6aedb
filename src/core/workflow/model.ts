import type { ParamValues } from '../params/index.ts';

export interface Position {
  x: number;
  y: number;
}

export interface WorkflowNode {
  id: string;
  /** Seahorse's operation UUID; operations recflow does not know keep theirs too. */
  operationId: string;
  operationName: string;
  params: ParamValues;
  position: Position;
  /** The name the user gave the node; empty means the operation's name. */
  label: string;
  color: string;
  /**
   * The node exactly as it stood in an imported file, for an operation recflow does not know,
   * so that saving gives it back unchanged.
   */
  unsupported?: { node: unknown; gui: unknown };
}

export interface PortRef {
  nodeId: string;
  portIndex: number;
}

export interface Connection {
  from: PortRef;
  to: PortRef;
}

export interface Workflow {
  id: string;
  name: string;
  description: string;
  nodes: WorkflowNode[];
  connections: Connection[];
  /** Parts of an imported file that recflow does not use, written back on save. */
  preserved: Record<string, unknown>;
}

export const defaultNodeColor = '#00B1EB';

export function nodeLabel(node: WorkflowNode): string {
  return node.label.trim() === '' ? node.operationName : node.label;
}

export function findNode(workflow: Workflow, id: string): WorkflowNode | undefined {
  return workflow.nodes.find((node) => node.id === id);
}

export function connectionInto(workflow: Workflow, to: PortRef): Connection | undefined {
  return workflow.connections.find(
    (connection) => connection.to.nodeId === to.nodeId && connection.to.portIndex === to.portIndex,
  );
}

export function connectionKey(connection: Connection): string {
  const { from, to } = connection;
  return `${from.nodeId}:${from.portIndex}->${to.nodeId}:${to.portIndex}`;
}

/** Node ids in an order where every node comes after all of its inputs. */
export function topologicalOrder(workflow: Workflow): string[] {
  const incoming = new Map(workflow.nodes.map((node) => [node.id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const { from, to } of workflow.connections) {
    incoming.set(to.nodeId, (incoming.get(to.nodeId) ?? 0) + 1);
    outgoing.set(from.nodeId, [...(outgoing.get(from.nodeId) ?? []), to.nodeId]);
  }

  const ready = workflow.nodes.filter((node) => incoming.get(node.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const left = incoming.get(next)! - 1;
      incoming.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order;
}

/** The ids of a node and of every node downstream of it. */
export function descendantsOf(workflow: Workflow, id: string): Set<string> {
  const found = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const { from, to } of workflow.connections) {
      if (from.nodeId === current && !found.has(to.nodeId)) {
        found.add(to.nodeId);
        stack.push(to.nodeId);
      }
    }
  }
  return found;
}

/** The ids of the given nodes and of every node upstream of them. */
export function ancestorsOf(workflow: Workflow, ids: Iterable<string>): Set<string> {
  const found = new Set(ids);
  const stack = [...found];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const { from, to } of workflow.connections) {
      if (to.nodeId === current && !found.has(from.nodeId)) {
        found.add(from.nodeId);
        stack.push(from.nodeId);
      }
    }
  }
  return found;
}
