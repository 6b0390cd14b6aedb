import { RecflowError } from '../errors.ts';
import type { OperationDescriptor } from '../operation.ts';
import {
  type ParamSpec,
  type ResolvedParams,
  resolveParams,
  toValues,
  validateParams,
} from '../params/index.ts';
import type { MultipleColumnSelection, ParamValues } from '../params/spec.ts';
import type { WorkflowNode } from '../workflow/model.ts';
import type { DeferredComponent, ScriptParts } from './pysparkScript.ts';
import type { PythonNames } from './python.ts';

/** An object built from an operation's parameters: what "Parameters of input …" overrides. */
export interface Configured {
  operation: OperationDescriptor;
  params: ResolvedParams;
}

/** What flows along an edge of the generated script, as Python expressions. */
export type Flow =
  | { type: 'DataFrame'; variable: string }
  | { type: 'Estimator'; estimator: DeferredComponent; config: Configured }
  | AlsModelFlow
  | { type: 'Transformer'; kind: 'columns'; selection: MultipleColumnSelection }
  | { type: 'Evaluator'; kind: 'regression'; evaluator: DeferredComponent; config: Configured }
  | {
      type: 'Evaluator';
      kind: 'ranking';
      evaluator: DeferredComponent;
      config: Configured;
      /** The recommendations it measures, from its own input. */
      recommendations: string;
    }
  | { type: 'MetricValue'; variable: string };

/** A fitted ALSModel: the ALS values it was fitted with, and the DataFrame. */
export interface AlsModelFlow {
  type: 'Transformer';
  kind: 'als';
  variable: string;
  config: Configured;
  /** The DataFrame it was fitted on, which index selectors were resolved against. */
  fittedOn: string;
}

export interface EmitContext {
  node: WorkflowNode;
  operation: OperationDescriptor;
  params: ResolvedParams;
  /** What arrives on each input port; undefined on an optional port left unconnected. */
  inputs: (Flow | undefined)[];
  parts: ScriptParts;
  names: PythonNames;
  /** The node's variable: its name in snake_case, unique in the script. */
  variable: string;
  /** Comment lines that say which node the statements come from. */
  comment: string[];
}

/** How one operation becomes PySpark. */
export interface NodeExport {
  /** Why these parameter values have no Spark counterpart, or null. */
  unsupported?(params: ResolvedParams): string | null;
  /** Adds the node's statements and returns what flows out of each output port. */
  emit(context: EmitContext): Flow[];
}

export function inputOf<Type extends Flow['type']>(
  context: EmitContext,
  port: number,
  type: Type,
): Extract<Flow, { type: Type }> {
  const flow = context.inputs[port];
  if (flow?.type !== type) throw new RecflowError(`input ${port} needs a ${type}; connect one.`);
  return flow as Extract<Flow, { type: Type }>;
}

export const frameOn = (context: EmitContext, port: number): string =>
  inputOf(context, port, 'DataFrame').variable;

export function alsModelOn(context: EmitContext, port: number): AlsModelFlow {
  const transformer = inputOf(context, port, 'Transformer');
  if (transformer.kind !== 'als') {
    throw new RecflowError(
      `input ${port} is a column filter, not a trained ALS model; connect the output of a Fit ` +
        'that trains ALS.',
    );
  }
  return transformer;
}

/**
 * The values of the object on input `port` as this node uses it: with the node's
 * "Parameters of input …" applied when it has such a parameter for that port. An override
 * of a parameter the object does not have, or one that breaks its rule, is an error.
 */
export function configuredFor(context: EmitContext, port: number, config: Configured) {
  const spec = context.operation.params.find(
    (candidate): candidate is Extract<ParamSpec, { kind: 'overrides' }> =>
      candidate.kind === 'overrides' && candidate.port === port,
  );
  const overrides = (spec && (context.params[spec.name] as ParamValues | undefined)) ?? {};
  const names = Object.keys(overrides).filter((name) => overrides[name] !== null);
  if (spec === undefined || names.length === 0) return config.params;

  const { operation } = config;
  const unknown = names.filter((name) => !operation.params.some((param) => param.name === name));
  const merged = { ...toValues(operation.params, config.params), ...overrides };
  const problems = [
    ...unknown.map((name) => `${operation.name} has no parameter \`${name}\`; remove it`),
    ...(unknown.length > 0 ? [] : validateParams(operation.params, merged)).map(
      (issue) => issue.message,
    ),
  ];
  if (problems.length > 0) {
    throw new RecflowError(problems.map((problem) => `${spec.name}: ${problem}.`).join('\n'));
  }
  return resolveParams(operation.params, merged);
}

/** Where Spark's behaviour differs from recflow's, said once in the script's header. */
export const differences = {
  csv:
    'CSV: Spark infers column types its own way: true/false columns become boolean even ' +
    'without "convert to boolean", 0/1 columns stay integers even with it; quoted values ' +
    'with line breaks need multiLine=True added to spark.read.csv.',
  split:
    'Split: Spark draws other rows than recflow for the same seed (it draws per ' +
    'partition); only the ratio is the same.',
  als:
    'ALS: Spark starts from other random factors for the same seed, and its results ' +
    'change with the block counts (recflow’s do not): expect close, not equal, metrics.',
  regression:
    'Regression Evaluator: where a prediction is NaN (a user or item unseen in training, ' +
    'cold start strategy nan), Spark’s metric is NaN; recflow stops with an error.',
};
