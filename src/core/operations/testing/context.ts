import type {
  ExecutionContext,
  InputValues,
  OperationDescriptor,
  PortValue,
} from '../../operation.ts';
import { type ParamValues, resolveParams, validateParams } from '../../params/index.ts';

/** An execution context for tests: the given parameters resolved, no files, never stopped. */
export function testContext(operation: OperationDescriptor, values: ParamValues = {}) {
  const issues = validateParams(operation.params, values);
  if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join('\n'));
  const context: ExecutionContext = {
    params: resolveParams(operation.params, values),
    cacheKey: 'test',
    files: { get: () => undefined },
    signal: new AbortController().signal,
    reportProgress: () => {},
    yieldToEvents: async () => {},
  };
  return context;
}

/** Runs one operation outside a workflow, as the executor would. */
export function runOperation(
  operation: OperationDescriptor,
  inputs: InputValues,
  values: ParamValues = {},
): Promise<PortValue[]> {
  return operation.execute(inputs, testContext(operation, values));
}
