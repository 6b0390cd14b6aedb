import { describe, expect, it } from 'vitest';
import { trainAndScoreDemo } from '../core/workflow/demos.ts';
import { layoutWorkflow } from './layout.ts';

describe('auto-layout', () => {
  it('places every node after the nodes that feed it, without overlaps', () => {
    const workflow = layoutWorkflow(trainAndScoreDemo());
    const at = new Map(workflow.nodes.map((node) => [node.id, node.position]));

    for (const edge of workflow.connections) {
      expect(at.get(edge.to.nodeId)!.x).toBeGreaterThan(at.get(edge.from.nodeId)!.x);
    }
    const boxes = [...at.values()];
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) {
        const apart = Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 96;
        expect(apart).toBe(true);
      }
    }
  });
});
