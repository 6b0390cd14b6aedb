import type { Schema } from '../frame/schema.ts';
import { type Knowledge, unknownKnowledge } from '../operation.ts';
import { operationById } from '../operations/catalog.ts';
import {
  type ColumnParamSpec,
  findColumn,
  isUnset,
  type ParamSpec,
  resolveParams,
  validateParams,
} from '../params/index.ts';
import { connectionInto, topologicalOrder, type Workflow } from './model.ts';

export interface NodeKnowledge {
  /** Knowledge of each output port. */
  outputs: Knowledge[];
  /** Knowledge arriving on each input port; undefined where nothing is connected. */
  inputs: (Knowledge | undefined)[];
  /** Problems found without running: bad parameter values, missing or mistyped columns. */
  errors: string[];
}

/**
 * Output knowledge that running has established, such as the schema of a file once read.
 * Where it has an entry for a port, it replaces what inference alone would say.
 */
export type KnownOutputs = (nodeId: string) => (Knowledge | undefined)[] | undefined;

/**
 * Propagates knowledge through the workflow in topological order, so that the editor can
 * list columns and flag problems before anything runs.
 */
export function inferWorkflow(
  workflow: Workflow,
  known: KnownOutputs = () => undefined,
): Map<string, NodeKnowledge> {
  const result = new Map<string, NodeKnowledge>();
  const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));

  for (const id of topologicalOrder(workflow)) {
    const node = nodes.get(id)!;
    const operation = operationById(node.operationId);
    if (operation === undefined) {
      result.set(id, { outputs: [], inputs: [], errors: [] });
      continue;
    }

    const inputs = operation.inputs.map((_, portIndex) => {
      const edge = connectionInto(workflow, { nodeId: id, portIndex });
      return edge && result.get(edge.from.nodeId)?.outputs[edge.from.portIndex];
    });

    const issues = validateParams(operation.params, node.params);
    const errors = issues.map((issue) => issue.message);
    if (issues.length > 0) {
      const outputs = operation.outputs.map((port) => unknownKnowledge(port.type));
      result.set(id, { outputs, inputs, errors });
      continue;
    }

    const params = resolveParams(operation.params, node.params);
    const inferred = operation.infer({ params, inputs });
    errors.push(...inferred.errors, ...portColumnErrors(operation.params, node.params, inputs));
    const established = known(id);
    const outputs = inferred.outputs.map((output, port) => established?.[port] ?? output);
    result.set(id, { outputs, inputs, errors });
  }
  return result;
}

/** Checks column selectors that pick from one of the node's own input ports. */
function portColumnErrors(
  specs: ParamSpec[],
  values: Record<string, unknown>,
  inputs: (Knowledge | undefined)[],
): string[] {
  const errors: string[] = [];
  for (const spec of specs) {
    if (spec.kind !== 'column' || spec.source === 'fit input') continue;
    const schema = schemaOn(inputs[spec.source.port]);
    if (schema === null) continue;
    const value = values[spec.name];
    const found = findColumn(spec, isUnset(value) ? spec.default : (value as never), schema);
    if ('error' in found) errors.push(found.error);
  }
  return errors;
}

function schemaOn(knowledge: Knowledge | undefined): Schema | null {
  return knowledge?.type === 'DataFrame' ? knowledge.schema : null;
}

/**
 * The schema a column selector picks from: the DataFrame on its own input port, or, for an
 * estimator, the DataFrame arriving at the Fit (or other consumer) its output goes into.
 */
export function selectorSchema(
  workflow: Workflow,
  knowledge: Map<string, NodeKnowledge>,
  nodeId: string,
  spec: Pick<ColumnParamSpec, 'source'>,
): Schema | null {
  if (spec.source !== 'fit input') {
    return schemaOn(knowledge.get(nodeId)?.inputs[spec.source.port]);
  }
  for (const edge of workflow.connections) {
    if (edge.from.nodeId !== nodeId) continue;
    const consumer = knowledge.get(edge.to.nodeId);
    const frame = consumer?.inputs.find((input) => input?.type === 'DataFrame');
    const schema = schemaOn(frame);
    if (schema !== null) return schema;
  }
  return null;
}
