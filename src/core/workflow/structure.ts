import { operationById } from '../operations/catalog.ts';
import { portTypesFit } from '../ports.ts';
import { nodeLabel, topologicalOrder, type Workflow } from './model.ts';

/** "an Estimator", "a DataFrame". */
export const withArticle = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

/**
 * Why nodes cannot run whatever their inputs would hold: an edge into them that the editor
 * would have refused (a port that does not exist, types that do not fit, a second edge into
 * one input), or a cycle through them. A file can hold these; the editor cannot make them.
 */
export function structuralProblems(workflow: Workflow): Map<string, string> {
  const problems = new Map<string, string>();
  const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));
  const add = (id: string, problem: string) => {
    if (!problems.has(id)) problems.set(id, problem);
  };

  const fed = new Set<string>();
  for (const { from, to } of workflow.connections) {
    const source = nodes.get(from.nodeId);
    const target = nodes.get(to.nodeId);
    const targetOperation = target && operationById(target.operationId);
    if (source === undefined || targetOperation === undefined) continue;
    const sourceOperation = operationById(source.operationId);
    const input = targetOperation.inputs[to.portIndex];
    const output = sourceOperation?.outputs[from.portIndex];
    const sourceName = nodeLabel(source);

    if (input === undefined) {
      add(
        to.nodeId,
        `an edge from ${sourceName} goes into input ${to.portIndex}, which it does not have; ` +
          'remove that edge.',
      );
    } else if (fed.has(`${to.nodeId}:${to.portIndex}`)) {
      add(to.nodeId, `input ${to.portIndex} has more than one edge; keep only one.`);
    } else if (sourceOperation !== undefined && output === undefined) {
      add(
        to.nodeId,
        `input ${to.portIndex} is connected to output ${from.portIndex} of ${sourceName}, ` +
          'which has no such output; reconnect it.',
      );
    } else if (output !== undefined && !portTypesFit(output.type, input.type)) {
      add(
        to.nodeId,
        `input ${to.portIndex} takes ${withArticle(input.type)}, but ${sourceName} gives ` +
          `${withArticle(output.type)}; reconnect it.`,
      );
    }
    fed.add(`${to.nodeId}:${to.portIndex}`);
  }

  const ordered = new Set(topologicalOrder(workflow));
  const onCycle = workflow.nodes.filter(
    (node) => !ordered.has(node.id) && feedsItself(workflow, node.id),
  );
  for (const node of onCycle) {
    add(
      node.id,
      'it is part of a cycle; data must flow one way, so remove an edge that leads back to it.',
    );
  }
  return problems;
}

function feedsItself(workflow: Workflow, id: string): boolean {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const { from, to } of workflow.connections) {
      if (from.nodeId !== current) continue;
      if (to.nodeId === id) return true;
      if (!seen.has(to.nodeId)) {
        seen.add(to.nodeId);
        stack.push(to.nodeId);
      }
    }
  }
  return false;
}
