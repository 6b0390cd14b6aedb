import { describe, expect, it } from 'vitest';
import { als } from '../operations/als.ts';
import { sharedFile } from '../testing/sharedFiles.ts';
import { trainAndScoreDemo } from './demos.ts';
import { parseWorkflow, serializeWorkflow } from './format.ts';

const fixtures = [
  '01_machinelearning1.json',
  '02_machinelearning2.json',
  'show_various_report_types.json',
];

/** A workflow file of these nodes and connections, and nothing else. */
const fileOf = (nodes: unknown[], connections: unknown[]) =>
  JSON.stringify({ workflow: { nodes, connections } });
const nodeOf = (id: string) => ({ id, operation: { id: 'x' } });
const edgeOf = (from: string, fromPort: number, to: string, toPort: number) => ({
  from: { nodeId: from, portIndex: fromPort },
  to: { nodeId: to, portIndex: toPort },
});

describe('the workflow file', () => {
  it('round-trips a recflow workflow', () => {
    const workflow = trainAndScoreDemo();
    const again = parseWorkflow(serializeWorkflow(workflow));
    expect(again.nodes).toEqual(workflow.nodes);
    expect(again.connections).toEqual(workflow.connections);
    expect(again.name).toBe(workflow.name);
  });

  it('writes Seahorse’s layout with an apiVersion', () => {
    const file = JSON.parse(serializeWorkflow(trainAndScoreDemo()));
    expect(file.metadata).toEqual({ type: 'batch', apiVersion: '1.4.0' });
    expect(file.workflow.nodes[1].operation).toEqual({
      id: '5a9e4883-b653-418e-bc51-a42fde476a63',
      name: 'ALS',
    });
    expect(file.thirdPartyData.gui.nodes['demo-als'].coordinates).toEqual({ x: 40, y: 40 });
  });

  it.each(fixtures)('keeps the unknown operations of Seahorse’s %s unchanged', (name) => {
    const text = sharedFile(`fixtures/seahorse/${name}`);
    if (text === null) return expect.soft(text, `../shared/fixtures/seahorse/${name}`).toBeNull();
    const original = JSON.parse(text);
    const saved = JSON.parse(serializeWorkflow(parseWorkflow(text)));

    expect(saved.workflow).toEqual(original.workflow);
    expect(saved.variables).toEqual(original.variables);
    expect(saved.thirdPartyData).toEqual(original.thirdPartyData);
    expect(saved.metadata.apiVersion).toBe(original.metadata.apiVersion);
  });

  it.each([
    ['{', 'it is not valid JSON'],
    ['{"workflow": 3}', 'it has no "workflow" object'],
    ['{"workflow": {"nodes": {}}}', '"workflow" needs a "nodes" list'],
    [fileOf([nodeOf('a'), nodeOf('a')], []), 'two nodes share the id `a`'],
    [fileOf([], [edgeOf('a', 0, 'b', 0)]), 'refers to node `a`, which is not in the file'],
    [
      fileOf([nodeOf('a')], [edgeOf('a', 0.5, 'a', 0)]),
      '"from.portIndex" of 0.5; ports are numbered 0, 1, 2, … from the top',
    ],
  ])('rejects %s saying %s', (text, message) => {
    expect(() => parseWorkflow(text)).toThrow(message);
  });

  it('loads as it will save: -0 as a port, a non-finite number as the variables', () => {
    const text = fileOf([nodeOf('a'), nodeOf('b')], [edgeOf('a', 0, 'b', 0)])
      .replace('"portIndex":0', '"portIndex":-0')
      .replace(/^\{/, '{"variables": 1e999, ');
    const workflow = parseWorkflow(text);
    expect(Object.is(workflow.connections[0].from.portIndex, 0)).toBe(true);
    const saved = serializeWorkflow(workflow);
    expect(serializeWorkflow(parseWorkflow(saved))).toBe(saved);
  });

  it('drops keys that would reach an object prototype', () => {
    const text =
      '{"workflow": {"nodes": [{"id": "a", "operation": {"id": "' +
      als.id +
      '"}, "parameters": {"__proto__": {"polluted": true}, "rank": 3}}], "connections": []}}';
    const workflow = parseWorkflow(text);
    expect(workflow.nodes[0].params).toEqual({ rank: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'keeps the name and place of a node whose id is %s through saving and loading',
    (id) => {
      const workflow = trainAndScoreDemo();
      const renamed = {
        ...workflow,
        nodes: workflow.nodes.map((node, index) =>
          index === 0 ? { ...node, id, label: 'Ratings', position: { x: 7, y: 9 } } : node,
        ),
        connections: workflow.connections.map(({ from, to }) => ({
          from: from.nodeId === workflow.nodes[0].id ? { ...from, nodeId: id } : from,
          to: to.nodeId === workflow.nodes[0].id ? { ...to, nodeId: id } : to,
        })),
      };
      const saved = serializeWorkflow(renamed);
      expect(Object.keys(JSON.parse(saved).thirdPartyData.gui.nodes)).toContain(id);
      const again = parseWorkflow(saved).nodes[0];
      expect(again).toMatchObject({ id, label: 'Ratings', position: { x: 7, y: 9 } });
    },
  );

  it('gives a node no name when the gui section has none, even for an inherited key', () => {
    const text =
      '{"workflow": {"nodes": [{"id": "toString", "operation": {"id": "x"}}], "connections": []},' +
      ' "thirdPartyData": {"gui": {"nodes": {}}}}';
    expect(parseWorkflow(text).nodes[0]).toMatchObject({ label: '', position: { x: 0, y: 0 } });
  });
});
