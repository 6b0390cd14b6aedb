import type { Configurable } from '../operation.ts';
import {
  type OverridesParamSpec,
  type ParamSpec,
  type ParamValues,
  type ResolvedParams,
  resolveParams,
  toValues,
} from '../params/index.ts';

/**
 * An operation's parameters as something that "Parameters of input …" can set otherwise:
 * `build` makes the same kind of object (a value, or knowledge of one) from new values.
 */
export function configurable<T>(
  operationName: string,
  specs: ParamSpec[],
  resolved: ResolvedParams,
  build: (resolved: ResolvedParams) => T,
): Configurable<T> {
  return {
    operationName,
    specs,
    values: toValues(specs, resolved),
    withValues: (values: ParamValues) => build(resolveParams(specs, values)),
  };
}

/** Seahorse's "Parameters of input Estimator" (or Transformer, Evaluator) on input `port`. */
export function overridesOf(kind: 'Estimator' | 'Transformer' | 'Evaluator'): OverridesParamSpec {
  return {
    name: `Parameters of input ${kind}`,
    kind: 'overrides',
    default: {},
    port: 0,
    description:
      `Values that replace those of the incoming ${kind.toLowerCase()}'s parameters for this ` +
      'node only; what is left empty keeps the value set upstream.',
  };
}
