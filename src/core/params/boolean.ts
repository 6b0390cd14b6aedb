import type { BooleanParamSpec } from './spec.ts';

export function checkBoolean(spec: BooleanParamSpec, value: unknown): string | null {
  return typeof value === 'boolean'
    ? null
    : `${spec.name} must be true or false; got ${JSON.stringify(value)}`;
}
