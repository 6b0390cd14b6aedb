import { keyedRecord } from '../core/keyedRecord.ts';
import type { Knowledge } from '../core/operation.ts';
import { inferWorkflow, type NodeKnowledge } from '../core/workflow/knowledge.ts';
import type { Workflow } from '../core/workflow/model.ts';
import type { NodeRun } from './editorStore.ts';

/**
 * Knowledge of every node: inferred from the graph, with the schemas of DataFrames that a run
 * produced and that no edit has made stale since.
 */
export function knowledgeOf(
  workflow: Workflow,
  runs: Record<string, NodeRun>,
): Map<string, NodeKnowledge> {
  return inferWorkflow(workflow, (nodeId) =>
    runs[nodeId]?.outputs?.map((output): Knowledge | undefined =>
      output.type === 'DataFrame' ? { type: 'DataFrame', schema: output.frame.schema } : undefined,
    ),
  );
}

/** The problems of each node that has any, for the marks on the canvas. */
export function problemsOf(knowledge: Map<string, NodeKnowledge>): Record<string, string[]> {
  const problems = keyedRecord<string[]>();
  for (const [id, { errors }] of knowledge) {
    if (errors.length > 0) problems[id] = errors;
  }
  return problems;
}
