import type { FileParamSpec } from './spec.ts';

export function checkFile(spec: FileParamSpec, value: unknown): string | null {
  if (value === null || value === undefined) return `${spec.name}: upload a file`;
  return typeof value === 'string' && value !== ''
    ? null
    : `${spec.name} must be the name of an uploaded file; got ${JSON.stringify(value)}`;
}
