/**
 * Port types: what flows along an edge. An output connects to an input of the same type.
 * (Seahorse allowed a descendant type too; recflow's types have no descendants.)
 */
export type PortType = 'DataFrame' | 'Estimator' | 'Transformer' | 'Evaluator' | 'MetricValue';

export const portTypes: readonly PortType[] = [
  'DataFrame',
  'Estimator',
  'Transformer',
  'Evaluator',
  'MetricValue',
];

export interface PortSpec {
  type: PortType;
  /** What the port carries, in the user's words ("ratings to train on"). */
  description: string;
  /** An optional input may stay unconnected; the operation then receives undefined. */
  optional?: boolean;
}

export function portTypesFit(output: PortType, input: PortType): boolean {
  return output === input;
}
