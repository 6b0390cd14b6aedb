import type { Connection, Workflow, WorkflowNode } from '../core/workflow/model.ts';

/** Copied nodes and the edges between them. */
export interface Fragment {
  nodes: WorkflowNode[];
  connections: Connection[];
}

export function copyFragment(workflow: Workflow, ids: Set<string>): Fragment {
  return {
    nodes: workflow.nodes.filter((node) => ids.has(node.id)),
    connections: workflow.connections.filter(
      (edge) => ids.has(edge.from.nodeId) && ids.has(edge.to.nodeId),
    ),
  };
}

/**
 * A copy of a fragment to paste: new ids, positions shifted by `offset`, and the edges
 * between the copied nodes rewired to the copies.
 */
export function pasteFragment(fragment: Fragment, offset: number): Fragment {
  const ids = new Map(fragment.nodes.map((node) => [node.id, crypto.randomUUID()]));
  return {
    nodes: fragment.nodes.map((node) => ({
      ...node,
      id: ids.get(node.id)!,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    })),
    connections: fragment.connections.map((edge) => ({
      from: { ...edge.from, nodeId: ids.get(edge.from.nodeId)! },
      to: { ...edge.to, nodeId: ids.get(edge.to.nodeId)! },
    })),
  };
}
