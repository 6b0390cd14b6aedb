import type { StringParamSpec } from './spec.ts';

export function checkString(spec: StringParamSpec, value: unknown): string | null {
  if (typeof value !== 'string') {
    return `${spec.name} must be text; got ${JSON.stringify(value)}`;
  }
  const broken = spec.check?.(value) ?? null;
  return broken === null ? null : `${spec.name}: ${broken}`;
}

/** A rule for strings that name a new column. */
export function newColumnName(value: string): string | null {
  return value.trim() === '' ? 'give the new column a name' : null;
}
