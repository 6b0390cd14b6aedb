import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import {
  corpusFiles,
  objectPrototypeKeys,
  runProblems,
  runToEnd,
  type WorkflowExpectation,
  withTimeout,
  workflowCorpusFiles,
  workflowCorpusText,
  workflowExpectations,
} from '../testing/corpus.ts';
import { parseWorkflow, serializeWorkflow } from './format.ts';
import { nodeLabel, type Workflow } from './model.ts';

/**
 * Every file of `test-corpus/workflows/` loads or is refused as its manifest records; what
 * loads comes back the same after saving, leaves Object.prototype alone, and runs to the
 * end with every node completed, failed with a message that starts with its name, or left
 * in draft behind a failed node.
 */

const expectations = workflowExpectations();
/** Set to run the steps of known bugs too, to see them fail or to check a fix. */
const runKnownBugs = process.env.CORPUS_KNOWN_BUGS === '1';
const runLimitMs = 60_000;

/** Paths of own keys named like a prototype, anywhere in `value`. */
function prototypeKeysIn(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'prototype') found.push(`${path}.${key}`);
    found.push(...prototypeKeysIn((value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return found;
}

function load(name: string, expectation: WorkflowExpectation): Workflow {
  const text = workflowCorpusText(name, expectation);
  if (text === null) throw new Error(`${name}: ../shared/${expectation.shared} is missing`);
  return parseWorkflow(text);
}

/** Shared fixtures are beside the repository; where they are absent the tests skip. */
const available = (name: string, expectation: WorkflowExpectation) =>
  expectation.shared === undefined || workflowCorpusText(name, expectation) !== null;

describe('the workflow corpus', () => {
  it('lists every file of the folder in its manifest, and every file it lists exists', () => {
    const onDisk = corpusFiles('workflows');
    const listed = Object.entries(expectations)
      .filter(([, expectation]) => !expectation.generated && expectation.shared === undefined)
      .map(([name]) => name)
      .sort();
    expect(listed).toEqual(onDisk);
    expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, expectation] of Object.entries(expectations)) {
    const present = available(name, expectation);
    const outcome =
      expectation.outcome === 'ok' ? 'loads' : `is refused: "${expectation.messageIncludes}"`;
    const loadBug = expectation.knownBug?.in === 'load' && !runKnownBugs;
    it.skipIf(loadBug || !present)(`${name} ${outcome}`, () => {
      const prototypeBefore = objectPrototypeKeys();
      const text = workflowCorpusText(name, expectation)!;
      const { value: workflow, error } = settleSync(() => parseWorkflow(text));

      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(objectPrototypeKeys()).toEqual(prototypeBefore);
      if (expectation.outcome === 'error') {
        expect(error).toBeInstanceOf(RecflowError);
        expect((error as Error).message).toContain(expectation.messageIncludes);
        return;
      }

      expect(error).toBeNull();
      // The browser's worker receives the workflow by structured clone, which refuses functions.
      expect(() => structuredClone(workflow)).not.toThrow();
      expect(workflow!.nodes).toHaveLength(expectation.nodes!);
      expect(workflow!.connections).toHaveLength(expectation.connections!);
      expect(prototypeKeysIn(workflow)).toEqual([]);
      for (const [id, label] of Object.entries(expectation.labels ?? {})) {
        expect(workflow!.nodes.find((node) => node.id === id)?.label, id).toBe(label);
      }

      const saved = serializeWorkflow(workflow!);
      expect(serializeWorkflow(parseWorkflow(saved))).toBe(saved);
      if (expectation.keepsUnknownNodes) {
        const original = JSON.parse(text).workflow.nodes;
        const unknownIds = workflow!.nodes
          .filter((node) => node.unsupported)
          .map((node) => node.id);
        expect(unknownIds.length).toBeGreaterThan(0);
        const savedNodes = JSON.parse(saved).workflow.nodes;
        for (const id of unknownIds) {
          const find = (nodes: { id: string }[]) => nodes.find((node) => node.id === id);
          expect(find(savedNodes), id).toEqual(find(original));
        }
      }
    });

    if (expectation.outcome !== 'ok') continue;
    const runBug =
      (expectation.knownBug?.in === 'run' && !runKnownBugs) || expectation.neverRun !== undefined;
    it.skipIf(runBug || !present)(`${name} runs to the end`, async () => {
      const workflow = load(name, expectation);
      const record = await withTimeout(
        runToEnd(workflow, workflowCorpusFiles()),
        runLimitMs,
        `running ${name}`,
      );

      expect(runProblems(workflow, record)).toEqual([]);
      const statusOf = (id: string) => record.last.get(id)?.status;
      const run = expectation.run ?? {};
      for (const id of run.completed ?? []) expect(statusOf(id), id).toBe('completed');
      for (const id of run.draft ?? []) expect(statusOf(id), id).toBe('draft');
      for (const [id, part] of Object.entries(run.failed ?? {})) {
        const node = workflow.nodes.find((candidate) => candidate.id === id)!;
        expect(record.last.get(id)).toMatchObject({
          status: 'failed',
          message: expect.stringContaining(`${nodeLabel(node)}: ${part}`),
        });
      }
      if (run.completedCount !== undefined) {
        expect(record.outcome.completed).toHaveLength(run.completedCount);
      }
      if (run.failedCount !== undefined)
        expect(record.outcome.failed).toHaveLength(run.failedCount);
    });
  }
});

function settleSync<T>(action: () => T): { value: T | null; error: unknown } {
  try {
    return { value: action(), error: null };
  } catch (error) {
    return { value: null, error };
  }
}
