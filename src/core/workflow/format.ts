import { RecflowError } from '../errors.ts';
import { operationById } from '../operations/catalog.ts';
import type { ParamValues } from '../params/index.ts';
import { type Connection, defaultNodeColor, type Workflow, type WorkflowNode } from './model.ts';

/** The apiVersion recflow writes; files of Seahorse 1.x (1.0.0 to 1.4.x) read as they are. */
export const apiVersion = '1.4.0';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How deep values in a workflow file may nest. Seahorse's files nest a few levels; a deeper
 * value would overflow the stack, here and in `JSON.stringify` when the workflow is saved.
 */
const MAX_NESTING = 1000;

/**
 * Copies parsed JSON, leaving out keys that would reach an object's prototype when assigned,
 * so an imported file can only ever set plain data.
 */
export function plainData(value: unknown, depth = 0): unknown {
  if (depth > MAX_NESTING) {
    fail(`a value is nested more than ${MAX_NESTING} levels deep; the file may be damaged.`);
  }
  if (Array.isArray(value)) return value.map((item) => plainData(item, depth + 1));
  if (!isObject(value)) return value;
  const copy: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    copy[key] = plainData(inner, depth + 1);
  }
  return copy;
}

/** A value of the file as a message shows it: numbers and short texts as they are. */
function shortly(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return Array.isArray(value) ? 'a list' : 'an object';
}

function fail(what: string): never {
  throw new RecflowError(`This is not a workflow file recflow can open: ${what}`);
}

/** A node's entry in the gui section, whose keys are node ids and so may be any text. */
type GuiEntryOf = (nodeId: string) => unknown;

function readNode(raw: unknown, index: number, guiEntryOf: GuiEntryOf): WorkflowNode {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
    fail(`node ${index + 1} has no "id" text.`);
  }
  const operation = raw.operation;
  if (!isObject(operation) || typeof operation.id !== 'string') {
    fail(`node \`${raw.id}\` has no "operation" with an "id".`);
  }
  if (raw.parameters !== undefined && raw.parameters !== null && !isObject(raw.parameters)) {
    fail(`the "parameters" of node \`${raw.id}\` must be an object.`);
  }

  const guiEntry = guiEntryOf(raw.id);
  const look = isObject(guiEntry) ? guiEntry : {};
  const coordinates = isObject(look.coordinates) ? look.coordinates : {};
  const known = operationById(operation.id);
  const number = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : 0;

  return {
    id: raw.id,
    operationId: operation.id,
    operationName: known?.name ?? (typeof operation.name === 'string' ? operation.name : '?'),
    params: (raw.parameters ?? {}) as ParamValues,
    position: { x: number(coordinates.x), y: number(coordinates.y) },
    label: typeof look.uiName === 'string' ? look.uiName : '',
    color: typeof look.color === 'string' ? look.color : defaultNodeColor,
    ...(known === undefined ? { unsupported: { node: raw, gui: guiEntry } } : {}),
  };
}

function readConnection(raw: unknown, ids: Set<string>, index: number): Connection {
  const end = (side: unknown, name: string) => {
    if (!isObject(side) || typeof side.nodeId !== 'string') {
      fail(`connection ${index + 1} has no "${name}.nodeId".`);
    }
    const port = side.portIndex;
    if (port === undefined) fail(`connection ${index + 1} has no "${name}.portIndex".`);
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0) {
      fail(
        `connection ${index + 1} has a "${name}.portIndex" of ${shortly(port)}; ports ` +
          'are numbered 0, 1, 2, … from the top of each side of a node.',
      );
    }
    if (!ids.has(side.nodeId)) {
      fail(`connection ${index + 1} refers to node \`${side.nodeId}\`, which is not in the file.`);
    }
    // `+ 0` turns -0, which the file will save as 0, into 0.
    return { nodeId: side.nodeId, portIndex: port + 0 };
  };
  if (!isObject(raw)) fail(`connection ${index + 1} is not an object.`);
  return { from: end(raw.from, 'from'), to: end(raw.to, 'to') };
}

/**
 * Looks nodes up in the gui section of the file as JSON.parse gave it. Its keys are node ids,
 * which are data: an id such as `__proto__` or `constructor` has its entry like any other,
 * while an id such as `toString` never finds what objects inherit.
 */
function guiEntries(parsed: unknown): GuiEntryOf {
  const own = (value: unknown, key: string) =>
    isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
  const nodes = own(own(own(parsed, 'thirdPartyData'), 'gui'), 'nodes');
  return (nodeId) => plainData(own(nodes, nodeId));
}

/**
 * Reads and validates a workflow file in Seahorse's layout. Throws a RecflowError that says
 * what is wrong.
 */
export function parseWorkflow(text: string): Workflow {
  let parsed: unknown;
  try {
    // A byte order mark, as some editors write before UTF-8, is no part of the JSON.
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    fail(`it is not valid JSON (${(error as Error).message}).`);
  }
  const file = plainData(parsed);
  if (!isObject(file) || !isObject(file.workflow)) {
    fail('it has no "workflow" object.');
  }
  const { nodes, connections } = file.workflow;
  if (!Array.isArray(nodes) || !Array.isArray(connections)) {
    fail('"workflow" needs a "nodes" list and a "connections" list.');
  }

  const thirdParty = isObject(file.thirdPartyData) ? file.thirdPartyData : {};
  const gui = isObject(thirdParty.gui) ? thirdParty.gui : {};

  const guiEntryOf = guiEntries(parsed);
  const readNodes = nodes.map((raw, index) => readNode(raw, index, guiEntryOf));
  const ids = new Set<string>();
  for (const node of readNodes) {
    if (ids.has(node.id)) fail(`two nodes share the id \`${node.id}\`.`);
    ids.add(node.id);
  }
  const readConnections = connections.map((raw, index) => readConnection(raw, ids, index));

  const { nodes: _guiNodes, name, description, ...guiRest } = gui;
  const { gui: _gui, ...thirdPartyRest } = thirdParty;
  return {
    id: typeof file.id === 'string' ? file.id : crypto.randomUUID(),
    name: typeof name === 'string' ? name : 'Untitled workflow',
    description: typeof description === 'string' ? description : '',
    nodes: readNodes,
    connections: readConnections,
    preserved: {
      variables: isObject(file.variables) ? file.variables : {},
      metadata: isObject(file.metadata) ? file.metadata : {},
      thirdPartyData: thirdPartyRest,
      gui: guiRest,
    },
  };
}

/** Writes a workflow in Seahorse's layout; unsupported nodes come out as they came in. */
export function serializeWorkflow(workflow: Workflow): string {
  const preserved = workflow.preserved as {
    variables?: unknown;
    metadata?: Json;
    thirdPartyData?: Json;
    gui?: Json;
  };
  // Built from entries, so that a node id such as `__proto__` becomes a key like any other.
  const guiNodes = Object.fromEntries(
    workflow.nodes.map((node) => [
      node.id,
      {
        ...(isObject(node.unsupported?.gui) ? node.unsupported.gui : {}),
        uiName: node.label,
        color: node.color,
        coordinates: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      },
    ]),
  );
  const nodes = workflow.nodes.map((node) => {
    if (node.unsupported) return node.unsupported.node;
    return {
      id: node.id,
      operation: { id: node.operationId, name: node.operationName },
      parameters: node.params,
    };
  });

  const file = {
    workflow: { nodes, connections: workflow.connections },
    thirdPartyData: {
      ...preserved.thirdPartyData,
      gui: {
        ...preserved.gui,
        name: workflow.name,
        description: workflow.description,
        nodes: guiNodes,
      },
    },
    variables: preserved.variables ?? {},
    id: workflow.id,
    metadata: { type: 'batch', apiVersion, ...preserved.metadata },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
