import { operationById } from '../operations/catalog.ts';
import { portTypesFit } from '../ports.ts';
import {
  nodeLabel,
  topologicalOrder,
  type Workflow,
  type WorkflowNode,
} from '../workflow/model.ts';

/**
 * The checks the editor makes when an edge is drawn, made on a whole workflow file: the
 * loader accepts any edge between existing nodes, and a file edited by hand (or by another
 * tool) may hold one the editor would have refused. Running or exporting such a workflow
 * would fail in a confusing place, so `recflow run` and the PySpark export check first.
 */

const withArticle = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

/** How a node is named in messages: its name (or operation) and its id. */
export function describeNode(node: WorkflowNode): string {
  const label = nodeLabel(node);
  return label === node.id ? `\`${label}\`` : `\`${label}\` (node ${node.id})`;
}

/**
 * Problems with the edges of a workflow, each naming the nodes: a port that does not exist,
 * types that do not fit, two edges into one input, a cycle. Edges touching an operation
 * recflow does not know are not checked: such nodes fail on their own.
 */
export function graphProblems(workflow: Workflow): string[] {
  const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));
  const problems: string[] = [];
  const fedInputs = new Set<string>();

  for (const { from, to } of workflow.connections) {
    const source = nodes.get(from.nodeId)!;
    const target = nodes.get(to.nodeId)!;
    const edge =
      `the edge from ${describeNode(source)} output ${from.portIndex} ` +
      `to ${describeNode(target)} input ${to.portIndex}`;

    const input = `${to.nodeId}\u0000${to.portIndex}`;
    if (fedInputs.has(input)) {
      problems.push(
        `${describeNode(target)} input ${to.portIndex} has more than one edge; keep one.`,
      );
    }
    fedInputs.add(input);

    const sourceOperation = operationById(source.operationId);
    const targetOperation = operationById(target.operationId);
    if (sourceOperation === undefined || targetOperation === undefined) continue;
    const output = sourceOperation.outputs[from.portIndex];
    const inputPort = targetOperation.inputs[to.portIndex];
    if (output === undefined || inputPort === undefined) {
      const missing =
        output === undefined
          ? `${sourceOperation.name} has ${sourceOperation.outputs.length} output(s)`
          : `${targetOperation.name} has ${targetOperation.inputs.length} input(s)`;
      problems.push(`${edge} leads nowhere: ${missing}; remove the edge.`);
    } else if (!portTypesFit(output.type, inputPort.type)) {
      problems.push(
        `${edge} carries ${withArticle(output.type)} where ${withArticle(inputPort.type)} is ` +
          'needed; remove the edge.',
      );
    }
  }

  const ordered = new Set(topologicalOrder(workflow));
  const inCycle = workflow.nodes.filter((node) => !ordered.has(node.id));
  if (inCycle.length > 0) {
    problems.push(
      `the edges between ${inCycle.map(describeNode).join(', ')} form a cycle (or hang off ` +
        'one); data must flow one way, so remove an edge of the cycle.',
    );
  }
  return problems;
}
