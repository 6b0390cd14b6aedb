import type { ChoiceOption, ChoiceParamSpec, ParamValues } from './spec.ts';

/**
 * Reads a choice value `{ "<option>": { ...nested values } }`; null when it has not that shape.
 */
export function chosenOption(
  spec: ChoiceParamSpec,
  value: unknown,
): { option: ChoiceOption; nested: ParamValues } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;

  const keys = Object.keys(value);
  if (keys.length !== 1) return null;

  const option = spec.options.find((candidate) => candidate.name === keys[0]);
  const nested = (value as Record<string, unknown>)[keys[0]];
  if (option === undefined || typeof nested !== 'object' || Array.isArray(nested)) return null;
  return { option, nested: (nested ?? {}) as ParamValues };
}

export function checkChoiceShape(spec: ChoiceParamSpec, value: unknown): string | null {
  if (chosenOption(spec, value) !== null) return null;
  const names = spec.options.map((option) => `"${option.name}"`).join(', ');
  return `${spec.name} must be one of ${names}; got ${JSON.stringify(value)}`;
}
