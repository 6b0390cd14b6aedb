/**
 * Fuzz tests of the workflow file reader, seeded and short by default. For a long session:
 *
 *   FUZZ_RUNS=100000 npx vitest run src/core --testNamePattern fuzz
 *
 * (add FUZZ_SEED=<n> to explore other cases; see `testing/corpusFuzz.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { operations } from '../operations/catalog.ts';
import {
  objectPrototypeKeys,
  workflowCorpusText,
  workflowExpectations,
} from '../testing/corpus.ts';
import {
  byteMutation,
  fuzzParameters,
  fuzzSeed,
  fuzzTimeout,
  mutateBytes,
} from '../testing/corpusFuzz.ts';
import { trainAndScoreDemo } from './demos.ts';
import { parseWorkflow, serializeWorkflow } from './format.ts';
import type { Workflow } from './model.ts';

// Hostile JSON ------------------------------------------------------------------------------

/** Keys a workflow file uses, keys that reach prototypes, and any other text. */
const key = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...['workflow', 'nodes', 'connections', 'id', 'operation', 'parameters', 'name'],
      ...['from', 'to', 'nodeId', 'portIndex', 'thirdPartyData', 'gui', 'uiName', 'color'],
      ...['coordinates', 'x', 'y', 'metadata', 'variables', 'description', 'polluted'],
      ...['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'],
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Ids of nodes, from a small pool so that connections and gui entries find them. */
const nodeId = fc.constantFrom('a', 'b', 'c', '', '__proto__', 'constructor', 'toString', 'x y');

const leafText = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-1', '0.5', '1e308', '-1e308', '1e999', '-0'),
  fc.double().map((value) => (Number.isFinite(value) ? JSON.stringify(value) : '1e999')),
  fc.integer().map(String),
  fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
  fc.constantFrom(...operations.map((operation) => JSON.stringify(operation.id))),
  nodeId.map((id) => JSON.stringify(id)),
);

/**
 * JSON text of any shape. Built as text, not with JSON.stringify, so that a key such as
 * `__proto__` reaches the file as an own key, which is what JSON.parse then produces.
 */
const { json: jsonText, object: jsonObjectText } = fc.letrec<{
  json: string;
  list: string;
  object: string;
}>((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, leafText, tie('list'), tie('object')),
  list: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(key, tie('json')), { maxLength: 5 })
    .map(
      (entries) =>
        `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`,
    ),
}));

const objectText = (entries: [string, string][]) =>
  `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`;

/** A port index: mostly one that exists, else negative, fractional, huge or not a number. */
const portIndex = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('0', '1') },
  { weight: 1, arbitrary: fc.constantFrom('2', '-1', '0.5', '1e300', '"0"', 'null') },
);

const node = fc.record({
  id: fc.oneof(
    { weight: 8, arbitrary: nodeId.filter((id) => id !== '').map((id) => JSON.stringify(id)) },
    { weight: 1, arbitrary: leafText },
  ),
  operation: fc.constantFrom(...operations.map((operation) => operation.id), 'unknown-operation'),
  parameters: fc.oneof(
    { weight: 6, arbitrary: jsonObjectText },
    { weight: 1, arbitrary: jsonText },
    { weight: 1, arbitrary: fc.constant('null') },
  ),
  extra: fc.array(fc.tuple(key, jsonText), { maxLength: 2 }),
});

/** Nodes, mostly with distinct ids: files with duplicates are refused before anything else. */
const nodes = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(node, { maxLength: 5, selector: (each) => each.id }) },
  { weight: 1, arbitrary: fc.array(node, { maxLength: 5 }) },
);

/** JSON text shaped like a workflow file, with hostile values in every slot. */
const workflowText = nodes
  .chain((chosen) => {
    // Edges mostly between the nodes there are; sometimes to one that is not in the file.
    const ids = chosen.flatMap((each) => {
      const id = JSON.parse(each.id);
      return typeof id === 'string' ? [id] : [];
    });
    const end =
      ids.length === 0
        ? nodeId
        : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, nodeId);
    return fc.record({
      nodes: fc.constant(chosen),
      connections: fc.array(
        fc.record({ from: end, fromPort: portIndex, to: end, toPort: portIndex }),
        {
          maxLength: 3,
        },
      ),
      gui: fc.array(fc.tuple(nodeId, jsonText), { maxLength: 4 }),
      top: fc.array(fc.tuple(key, jsonText), { maxLength: 3 }),
    });
  })
  .map(({ nodes, connections, gui, top }) => {
    const nodeTexts = nodes.map((node) =>
      objectText([
        ['id', node.id],
        ['operation', objectText([['id', JSON.stringify(node.operation)]])],
        ['parameters', node.parameters],
        ...node.extra,
      ]),
    );
    const end = (id: string, port: string) =>
      objectText([
        ['nodeId', JSON.stringify(id)],
        ['portIndex', port],
      ]);
    const connectionTexts = connections.map((connection) =>
      objectText([
        ['from', end(connection.from, connection.fromPort)],
        ['to', end(connection.to, connection.toPort)],
      ]),
    );
    const guiNodes = objectText(gui.map(([id, look]) => [id, look]));
    return objectText([
      ...top,
      [
        'workflow',
        objectText([
          ['nodes', `[${nodeTexts.join(',')}]`],
          ['connections', `[${connectionTexts.join(',')}]`],
        ]),
      ],
      ['thirdPartyData', objectText([['gui', objectText([['nodes', guiNodes]])]])],
    ]);
  });

// Mutating real files ---------------------------------------------------------------------

/** Real workflow files: the demo as saved, and those of the corpus that load. */
const realFiles = (() => {
  const files = [serializeWorkflow(trainAndScoreDemo())];
  for (const [name, expectation] of Object.entries(workflowExpectations())) {
    if (expectation.outcome !== 'ok' || expectation.generated) continue;
    const text = workflowCorpusText(name, expectation);
    // Mutations parse the text with JSON.parse, which takes no byte order mark.
    if (text !== null) files.push(text.replace(/^\uFEFF/, ''));
  }
  return files;
})();

type JsonPath = (string | number)[];

/** Every path to a value inside `value`, the root included. */
function pathsIn(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value !== 'object' || value === null) return [path];
  const inner = Object.keys(value).flatMap((name) =>
    pathsIn((value as Record<string, unknown>)[name], [
      ...path,
      Array.isArray(value) ? Number(name) : name,
    ]),
  );
  return [path, ...inner];
}

/** Sets an own property, even one named `__proto__`, which `=` would treat as the prototype. */
function defineOwn(target: object, name: string | number, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

type JsonMutation =
  | { kind: 'replace'; pick: number; valueText: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; name: string; valueText: string };

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), valueText: jsonText }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), name: key, valueText: jsonText }),
);

/** A real file with one value replaced, deleted or given a new key, as JSON text again. */
function mutateJson(text: string, mutation: JsonMutation): string {
  const document = JSON.parse(text);
  const paths = pathsIn(document).filter((path) => path.length > 0);
  // Earlier mutations may have deleted every value: nothing is left to mutate.
  if (paths.length === 0) return text;
  const path = paths[mutation.pick % paths.length];
  const parent = path.slice(0, -1).reduce((inner, step) => inner[step], document);
  const last = path[path.length - 1];
  if (mutation.kind === 'replace') defineOwn(parent, last, JSON.parse(mutation.valueText));
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      defineOwn(target, mutation.name, JSON.parse(mutation.valueText));
    }
  }
  return JSON.stringify(document);
}

// The properties ---------------------------------------------------------------------------

const prototypeBefore = objectPrototypeKeys();

/** Own keys named like a prototype anywhere in a loaded workflow: there must be none. */
function prototypeKeysIn(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some(
    (name) =>
      name === '__proto__' ||
      name === 'prototype' ||
      prototypeKeysIn((value as Record<string, unknown>)[name]),
  );
}

/** What must hold for any text: a workflow or a RecflowError, and no pollution. */
function loadChecked(text: string): Workflow | null {
  let workflow: Workflow | null = null;
  try {
    workflow = parseWorkflow(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RecflowError);
    expect((error as Error).message).toMatch(/^This is not a workflow file recflow can open: /);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(objectPrototypeKeys()).toEqual(prototypeBefore);
  if (workflow !== null) {
    expect(prototypeKeysIn(workflow)).toBe(false);
    // The worker receives the workflow by structured clone, which refuses functions.
    expect(() => structuredClone(workflow)).not.toThrow();
  }
  return workflow;
}

/** Saving and loading again changes nothing more: the saved text is a fixed point. */
function expectStableRoundTrip(workflow: Workflow): void {
  const saved = serializeWorkflow(workflow);
  const again = loadChecked(saved);
  expect(again, 'a saved workflow must load').not.toBeNull();
  expect(serializeWorkflow(again!)).toBe(saved);
  // As JSON: the file format cannot tell -0 from 0, so neither can this comparison.
  const essentials = (loaded: Workflow) =>
    JSON.stringify(
      loaded.nodes.map(({ id, operationId, params, label, color }) => ({
        id,
        operationId,
        params,
        label,
        color,
      })),
    );
  expect(essentials(again!)).toEqual(essentials(workflow));
  expect(again!.connections).toEqual(workflow.connections);
}

describe(`fuzz: parseWorkflow (seed ${fuzzSeed})`, () => {
  it(
    'loads or refuses any JSON with a RecflowError, never touching Object.prototype',
    () => {
      fc.assert(
        fc.property(jsonText, (text) => {
          const workflow = loadChecked(text);
          if (workflow !== null) expectStableRoundTrip(workflow);
        }),
        fuzzParameters(1000),
      );
    },
    fuzzTimeout(1000, 5),
  );

  it(
    'loads or refuses hostile workflow-shaped files, and what loads saves and loads the same',
    () => {
      const parameters = fuzzParameters<[string]>(600);
      let loaded = 0;
      fc.assert(
        fc.property(workflowText, (text) => {
          const workflow = loadChecked(text);
          if (workflow === null) return;
          loaded++;
          expectStableRoundTrip(workflow);
        }),
        parameters,
      );
      // Enough of them load for the round trip to be tested, not only the refusals.
      expect(loaded, 'workflow-shaped files that loaded').toBeGreaterThan(parameters.numRuns! / 10);
    },
    fuzzTimeout(600, 10),
  );

  it(
    'loads or refuses mutated real files, and what loads saves and loads the same',
    () => {
      const parameters = fuzzParameters<[string, JsonMutation[]]>(300);
      let loaded = 0;
      fc.assert(
        fc.property(
          fc.constantFrom(...realFiles),
          fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
          (original, mutations) => {
            const text = mutations.reduce(mutateJson, original);
            const workflow = loadChecked(text);
            if (workflow === null) return;
            loaded++;
            expectStableRoundTrip(workflow);
          },
        ),
        parameters,
      );
      expect(loaded, 'mutated files that loaded').toBeGreaterThan(parameters.numRuns! / 10);
    },
    fuzzTimeout(300, 10),
  );

  it(
    'loads or refuses real files with bytes inserted, deleted or replaced',
    () => {
      const encoder = new TextEncoder();
      const decoder = new TextDecoder();
      fc.assert(
        fc.property(
          fc.constantFrom(...realFiles),
          fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
          (original, mutations) => {
            const text = decoder.decode(mutateBytes(encoder.encode(original), mutations));
            const workflow = loadChecked(text);
            if (workflow !== null) expectStableRoundTrip(workflow);
          },
        ),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(300, 10),
  );
});
