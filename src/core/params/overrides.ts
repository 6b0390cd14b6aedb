import { RecflowError } from '../errors.ts';
import type { Configurable } from '../operation.ts';
import { validateParams } from './index.ts';
import type { OverridesParamSpec, ParamValues } from './spec.ts';

/**
 * Rebuilds `target` with the overrides of a "Parameters of input …" parameter, or says
 * what is wrong with them: a name the input does not have, or a value breaking its rule.
 */
export function withOverrides<T>(
  spec: OverridesParamSpec,
  target: T & { parameters?: Configurable<T> },
  overrides: ParamValues,
): { value: T } | { errors: string[] } {
  const names = Object.keys(overrides).filter((name) => overrides[name] !== null);
  if (names.length === 0) return { value: target };

  const parameters = target.parameters;
  if (parameters === undefined) {
    return { errors: [`${spec.name}: the input has no parameters to override; clear them.`] };
  }
  const known = new Set(parameters.specs.map((param) => param.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return {
      errors: unknown.map(
        (name) =>
          `${spec.name}: ${parameters.operationName} has no parameter \`${name}\`; remove it.`,
      ),
    };
  }

  const merged = { ...parameters.values, ...overrides };
  const issues = validateParams(parameters.specs, merged);
  if (issues.length > 0)
    return { errors: issues.map((issue) => `${spec.name} › ${issue.message}`) };
  return { value: parameters.withValues(merged) };
}

/** As `withOverrides`, throwing the problems as one RecflowError: for running. */
export function applyOverrides<T>(
  spec: OverridesParamSpec,
  target: T & { parameters?: Configurable<T> },
  overrides: ParamValues,
): T {
  const result = withOverrides(spec, target, overrides);
  if ('errors' in result) throw new RecflowError(result.errors.join('\n'));
  return result.value;
}
