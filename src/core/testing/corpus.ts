/**
 * The hostile-input corpus in `test-corpus/`: files that break something, each with the
 * outcome it must have written down in a manifest. Shared by the corpus tests, the fuzz
 * tests and the browser journeys; not part of the app.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileStore, OperationDescriptor, StoredFile } from '../operation.ts';
import { als } from '../operations/als.ts';
import { fit } from '../operations/fit.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { type RunEvent, type RunOutcome, WorkflowExecutor } from '../run/executor.ts';
import {
  ancestorsOf,
  type Connection,
  nodeLabel,
  type Workflow,
  type WorkflowNode,
} from '../workflow/model.ts';
import { generatedCsv, generatedWorkflows } from './corpusGenerators.ts';
import { sharedFile } from './sharedFiles.ts';

const corpusDirectory = fileURLToPath(new URL('../../../test-corpus/', import.meta.url));

/** What reading one CSV file of the corpus must give; see `test-corpus/README.md`. */
export interface CsvExpectation {
  description: string;
  /** Built by `corpusGenerators.ts` instead of read from the folder. */
  generated?: boolean;
  /** Read DataFrame's options; comma and a header row when absent. */
  separator?: string;
  namesIncluded?: boolean;
  outcome: 'ok' | 'error';
  /** For errors: part of the message, and the 1-based line it names (none when absent). */
  messageIncludes?: string;
  row?: number;
  /** For tables: rows of data, columns as [name, type] in order, or only their count. */
  rows?: number;
  columns?: [string, string][];
  columnCount?: number;
  /** Some columns' values, as plain JavaScript (null for null). */
  values?: Record<string, unknown[]>;
  /** Parts of warnings the read must give; without it, the read gives none. */
  warningsInclude?: string[];
  /** For ratings: whether Read DataFrame → ALS (rank 2, 2 iterations) → Fit trains. */
  trains?: boolean;
  /** Part of the message of the node that fails, when it does not train. */
  trainMessageIncludes?: string;
  /**
   * A bug the corpus found: the expectations are what should happen, not what does, and the
   * test of that step is skipped until the bug is fixed.
   */
  knownBug?: KnownBug<'read' | 'train'>;
}

/** A bug found by the corpus, and the step of the test it breaks. */
export interface KnownBug<Step extends string> {
  in: Step;
  description: string;
}

/** What loading and running one workflow file of the corpus must give. */
export interface WorkflowExpectation {
  description: string;
  generated?: boolean;
  /** A file under `../shared/` instead of this folder, such as a Seahorse fixture. */
  shared?: string;
  outcome: 'ok' | 'error';
  messageIncludes?: string;
  nodes?: number;
  connections?: number;
  /** Node labels by id after loading. */
  labels?: Record<string, string>;
  /** Whether nodes of unknown operations come back unchanged when saved. */
  keepsUnknownNodes?: boolean;
  /** The run with the corpus file store; omitted when the run is too large to list. */
  run?: {
    completed?: string[];
    /** Node id → part of its failure message (after the node's label). */
    failed?: Record<string, string>;
    draft?: string[];
    completedCount?: number;
    failedCount?: number;
  };
  knownBug?: KnownBug<'load' | 'run'>;
  /** Running it would take the test process down (e.g. out of memory): load only. */
  neverRun?: string;
}

function readManifest<T>(folder: string): Record<string, T> {
  return JSON.parse(readFileSync(`${corpusDirectory}${folder}/expectations.json`, 'utf8'));
}

export const csvExpectations = (): Record<string, CsvExpectation> => readManifest('csv');
export const workflowExpectations = (): Record<string, WorkflowExpectation> =>
  readManifest('workflows');

/** The files in a corpus folder, the manifest left out. */
export function corpusFiles(folder: 'csv' | 'workflows'): string[] {
  return readdirSync(`${corpusDirectory}${folder}`)
    .filter((name) => name !== 'expectations.json')
    .sort();
}

/** The bytes of a CSV file of the corpus, generated or on disk. */
export function csvCorpusBytes(name: string, expectation?: CsvExpectation): Uint8Array {
  if (expectation?.generated) {
    const generate = generatedCsv[name];
    if (generate === undefined) throw new Error(`corpus: no generator for ${name}`);
    return generate();
  }
  return new Uint8Array(readFileSync(`${corpusDirectory}csv/${name}`));
}

/** The text of a workflow file of the corpus, or null for a shared file that is absent. */
export function workflowCorpusText(name: string, expectation: WorkflowExpectation): string | null {
  if (expectation.generated) {
    const generate = generatedWorkflows[name];
    if (generate === undefined) throw new Error(`corpus: no generator for ${name}`);
    return generate();
  }
  if (expectation.shared !== undefined) return sharedFile(expectation.shared);
  return readFileSync(`${corpusDirectory}workflows/${name}`, 'utf8');
}

/** The ratings every demo reads, as the app bundles it. */
const sampleRatingsPath = fileURLToPath(
  new URL('../../../public/data/sample_movielens_ratings.csv', import.meta.url),
);

/** Uploaded files held in memory, by name; each streams its bytes in one chunk. */
export function memoryFiles(files: Record<string, Uint8Array>): FileStore {
  const stored = new Map<string, StoredFile>();
  for (const [name, bytes] of Object.entries(files)) {
    stored.set(name, {
      name,
      size: bytes.length,
      fingerprint: `${name}:${bytes.length}`,
      stream: () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
    });
  }
  return { get: (name) => stored.get(name) };
}

/** The file store workflow files of the corpus run with: the demos' sample ratings. */
export function workflowCorpusFiles(): FileStore {
  const sample = existsSync(sampleRatingsPath) ? readFileSync(sampleRatingsPath) : Buffer.alloc(0);
  return memoryFiles({ 'sample_movielens_ratings.csv': new Uint8Array(sample) });
}

/** Read DataFrame's `separator` value for a separator string. */
function separatorParam(separator: string): Record<string, Record<string, unknown>> {
  const named: Record<string, string> = { ',': 'comma', ';': 'semicolon', ':': 'colon' };
  Object.assign(named, { ' ': 'space', '\t': 'tab' });
  const name = named[separator];
  return name === undefined ? { custom: { 'custom separator': separator } } : { [name]: {} };
}

function nodeOf(
  id: string,
  operation: OperationDescriptor,
  params: Record<string, unknown>,
): WorkflowNode {
  return {
    id,
    operationId: operation.id,
    operationName: operation.name,
    params,
    position: { x: 0, y: 0 },
    label: '',
    color: '#00B1EB',
  };
}

const edge = (from: string, to: string, toPort: number): Connection => ({
  from: { nodeId: from, portIndex: 0 },
  to: { nodeId: to, portIndex: toPort },
});

/** Read DataFrame of `fileName` → Fit ← ALS (rank 2, 2 iterations): training, kept quick. */
export function trainingWorkflow(
  fileName: string,
  options: { separator?: string; namesIncluded?: boolean } = {},
): Workflow {
  const readParams = {
    'CSV file': fileName,
    separator: separatorParam(options.separator ?? ','),
    'names included': options.namesIncluded ?? true,
  };
  return {
    id: 'corpus-training',
    name: 'Corpus training',
    description: '',
    nodes: [
      nodeOf('read', readDataFrame, readParams),
      nodeOf('als', als, { rank: 2, 'max iterations': 2 }),
      nodeOf('fit', fit, {}),
    ],
    connections: [edge('als', 'fit', 0), edge('read', 'fit', 1)],
    preserved: {},
  };
}

/** A run's events and each node's last state. */
export interface RunRecord {
  outcome: RunOutcome;
  events: RunEvent[];
  /** Node id → its last event; a node the run never mentioned is absent. */
  last: Map<string, RunEvent>;
}

/** Runs every node of a workflow to the end, never stopped. */
export async function runToEnd(workflow: Workflow, files: FileStore): Promise<RunRecord> {
  const events: RunEvent[] = [];
  const outcome = await new WorkflowExecutor().run(workflow, {
    files,
    signal: new AbortController().signal,
    yieldToEvents: async () => {},
    onEvent: (event) => events.push(event),
  });
  const last = new Map(events.map((event) => [event.nodeId, event]));
  return { outcome, events, last };
}

/**
 * Messages that come from JavaScript itself rather than from recflow: they name neither the
 * value nor the fix, and show that a check is missing.
 */
const RAW_ERROR_PATTERNS = [
  /is not a function/,
  /Cannot read propert/,
  /Cannot set propert/,
  /is not iterable/,
  /Invalid typed array length/,
  /Invalid array length/,
  /Array buffer allocation failed/,
  /Maximum call stack size/,
  /out of memory/i,
  /\bundefined\b/,
  /\[object Object\]/,
];

/** Whether a message reads as recflow's own rather than a JavaScript error passed through. */
export function isCleanMessage(message: string): boolean {
  return message.trim() !== '' && !RAW_ERROR_PATTERNS.some((pattern) => pattern.test(message));
}

/**
 * Checks that hold after any run, whatever the workflow: every node ends in a state the
 * editor can show (completed, failed or draft), every failure's message starts with its
 * node's label and reads as recflow's own, and a node left in draft has a failed node
 * upstream that explains why. Returns the broken ones, in words.
 */
export function runProblems(workflow: Workflow, record: RunRecord): string[] {
  const problems: string[] = [];
  const failed = new Set(record.outcome.failed);
  for (const node of workflow.nodes) {
    const event = record.last.get(node.id);
    if (event === undefined) {
      problems.push(`node ${node.id} got no state at all`);
      continue;
    }
    if (event.status === 'failed') {
      const prefix = `${nodeLabel(node)}: `;
      if (!event.message.startsWith(prefix)) {
        problems.push(`node ${node.id}: message does not start with "${prefix}": ${event.message}`);
      }
      if (!isCleanMessage(event.message.slice(prefix.length))) {
        problems.push(`node ${node.id}: message is a raw JavaScript error: ${event.message}`);
      }
    } else if (event.status === 'draft') {
      const upstream = [...ancestorsOf(workflow, [node.id])].filter((id) => id !== node.id);
      if (!upstream.some((id) => failed.has(id))) {
        problems.push(`node ${node.id} was left in draft with no failed node upstream`);
      }
    } else if (event.status !== 'completed') {
      problems.push(`node ${node.id} ended ${event.status}`);
    }
  }
  return problems;
}

/** Rejects when `promise` has not settled after `ms`: a hang is a failure, not a slow test. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The error a promise rejects with, or null when it resolves. */
export async function settle<T>(
  promise: Promise<T>,
): Promise<{ value: T; error: null } | { value: null; error: unknown }> {
  try {
    return { value: await promise, error: null };
  } catch (error) {
    return { value: null, error };
  }
}

/** Own property names of Object.prototype, to tell that nothing was added to it. */
export function objectPrototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
