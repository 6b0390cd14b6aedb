import { Graph, layout } from '@dagrejs/dagre';
import type { Workflow } from '../core/workflow/model.ts';

/** The size a node takes on the canvas, for spacing; nodes grow a little with many ports. */
const nodeWidth = 200;
const nodeHeight = 96;

/**
 * Lays the workflow out in layers from left to right, inputs before the nodes they feed,
 * so that edges cross as little as dagre's layering can manage.
 */
export function layoutWorkflow(workflow: Workflow): Workflow {
  if (workflow.nodes.length === 0) return workflow;
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of workflow.nodes) {
    graph.setNode(node.id, { width: nodeWidth, height: nodeHeight });
  }
  for (const edge of workflow.connections) graph.setEdge(edge.from.nodeId, edge.to.nodeId);

  layout(graph);

  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => {
      const { x, y } = graph.node(node.id);
      // dagre places centres; the canvas places top-left corners.
      return { ...node, position: { x: x - nodeWidth / 2, y: y - nodeHeight / 2 } };
    }),
  };
}
