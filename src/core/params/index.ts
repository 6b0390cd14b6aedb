import { checkBoolean } from './boolean.ts';
import { checkChoiceShape, chosenOption } from './choice.ts';
import { checkColumnSelection } from './column.ts';
import { checkColumnsSelection } from './columns.ts';
import { checkFile } from './file.ts';
import { checkNumeric } from './numeric.ts';
import type {
  ChoiceParamSpec,
  ColumnSelection,
  MultipleColumnSelection,
  ParamSpec,
  ParamValues,
} from './spec.ts';
import { checkString } from './string.ts';

export { chosenOption } from './choice.ts';
export { describeSelection, findColumn, fitInputColumn, isColumnSelection } from './column.ts';
export {
  describeColumnsSelection,
  isMultipleColumnSelection,
  resolveColumns,
  seahorseColumnTypes,
} from './columns.ts';
export { numericRule } from './numeric.ts';
export * from './spec.ts';
export { newColumnName } from './string.ts';

/** A parameter value that breaks its spec's rule. `param` is a path for nested choices. */
export interface ParamIssue {
  param: string;
  message: string;
}

/** A chosen option with its own resolved values. */
export interface ResolvedChoice {
  option: string;
  params: ResolvedParams;
}

/** Every parameter with a value: the user's where set, the default otherwise. */
export type ResolvedParams = Record<string, unknown>;

export function isUnset(value: unknown): boolean {
  return value === undefined || value === null;
}

function checkOne(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'numeric':
      return checkNumeric(spec, value);
    case 'boolean':
      return checkBoolean(spec, value);
    case 'string':
      return checkString(spec, value);
    case 'column':
      return checkColumnSelection(spec, value);
    case 'columns':
      return checkColumnsSelection(spec, value);
    case 'choice':
      return checkChoiceShape(spec, value);
    case 'file':
      return checkFile(spec, value);
    case 'overrides':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? null
        : `${spec.name} must be an object of parameter values; got ${JSON.stringify(value)}`;
  }
}

/** The value a spec's default stands for, in the workflow file's form. */
export function defaultValue(spec: ParamSpec): unknown {
  if (spec.kind === 'choice') return { [spec.default]: {} };
  if (spec.kind === 'overrides') return {};
  return spec.default;
}

/**
 * Checks values against their specs, including the nested parameters of chosen options.
 * Unset values mean the default and are valid, except an unset file, which must be uploaded.
 */
export function validateParams(specs: ParamSpec[], values: ParamValues, path = ''): ParamIssue[] {
  const issues: ParamIssue[] = [];

  for (const spec of specs) {
    const param = path + spec.name;
    const value = values[spec.name];
    const effective = isUnset(value) ? defaultValue(spec) : value;
    if (spec.kind !== 'file' && isUnset(value)) {
      if (spec.kind === 'choice') issues.push(...nestedIssues(spec, effective, param));
      continue;
    }

    const message = checkOne(spec, effective);
    if (message !== null) {
      issues.push({ param, message });
    } else if (spec.kind === 'choice') {
      issues.push(...nestedIssues(spec, effective, param));
    }
  }
  return issues;
}

function nestedIssues(spec: ChoiceParamSpec, value: unknown, param: string): ParamIssue[] {
  const chosen = chosenOption(spec, value);
  if (chosen === null) return [];
  return validateParams(chosen.option.params, chosen.nested, `${param} › `);
}

/** Fills in defaults. Call only on values that passed `validateParams`. */
export function resolveParams(specs: ParamSpec[], values: ParamValues): ResolvedParams {
  const resolved: ResolvedParams = {};

  for (const spec of specs) {
    const value = values[spec.name];
    const effective = isUnset(value) ? defaultValue(spec) : value;
    if (spec.kind === 'choice') {
      const chosen = chosenOption(spec, effective);
      const option = chosen?.option ?? spec.options.find((o) => o.name === spec.default)!;
      const choice: ResolvedChoice = {
        option: option.name,
        params: resolveParams(option.params, chosen?.nested ?? {}),
      };
      resolved[spec.name] = choice;
    } else {
      resolved[spec.name] = effective;
    }
  }
  return resolved;
}

/** Resolved values back in the workflow file's form (a choice as `{ "<option>": {...} }`). */
export function toValues(specs: ParamSpec[], resolved: ResolvedParams): ParamValues {
  const values: ParamValues = {};
  for (const spec of specs) {
    const value = resolved[spec.name];
    if (spec.kind === 'choice') {
      const choice = value as ResolvedChoice;
      const option = spec.options.find((candidate) => candidate.name === choice.option);
      values[spec.name] = { [choice.option]: toValues(option?.params ?? [], choice.params) };
    } else {
      values[spec.name] = value;
    }
  }
  return values;
}

/** Typed readers for resolved values, so operations need no casts of their own. */
export const read = {
  number: (params: ResolvedParams, name: string) => params[name] as number,
  boolean: (params: ResolvedParams, name: string) => params[name] as boolean,
  string: (params: ResolvedParams, name: string) => params[name] as string,
  column: (params: ResolvedParams, name: string) => params[name] as ColumnSelection,
  columns: (params: ResolvedParams, name: string) => params[name] as MultipleColumnSelection,
  choice: (params: ResolvedParams, name: string) => params[name] as ResolvedChoice,
  file: (params: ResolvedParams, name: string) => params[name] as string | null,
  overrides: (params: ResolvedParams, name: string) => params[name] as ParamValues,
};
