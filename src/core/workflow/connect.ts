import { operationById } from '../operations/catalog.ts';
import { portTypesFit } from '../ports.ts';
import {
  type Connection,
  connectionInto,
  descendantsOf,
  findNode,
  type Workflow,
} from './model.ts';
import { withArticle } from './structure.ts';

/**
 * Why a connection cannot be made, in words for the user, or null when it can: the ports
 * must exist, their types must fit, an input takes one edge, and no edge may close a cycle.
 */
export function connectionProblem(workflow: Workflow, connection: Connection): string | null {
  const source = findNode(workflow, connection.from.nodeId);
  const target = findNode(workflow, connection.to.nodeId);
  if (source === undefined || target === undefined) return 'Both ends must be nodes.';

  const sourceOperation = operationById(source.operationId);
  const targetOperation = operationById(target.operationId);
  if (sourceOperation === undefined || targetOperation === undefined) {
    return 'Unsupported operations cannot be connected in recflow.';
  }

  const output = sourceOperation.outputs[connection.from.portIndex];
  const input = targetOperation.inputs[connection.to.portIndex];
  if (output === undefined || input === undefined) {
    return `${sourceOperation.name} has no such output, or ${targetOperation.name} no such input.`;
  }

  if (!portTypesFit(output.type, input.type)) {
    return (
      `${targetOperation.name}'s input ${connection.to.portIndex} ` +
      `takes ${withArticle(input.type)}, ` +
      `but this output gives ${withArticle(output.type)}.`
    );
  }

  if (connectionInto(workflow, connection.to) !== undefined) {
    return (
      `${targetOperation.name}'s input ${connection.to.portIndex} is already connected; ` +
      'remove that edge first.'
    );
  }

  if (descendantsOf(workflow, target.id).has(source.id)) {
    return 'This edge would close a cycle: data must flow one way.';
  }
  return null;
}
