/**
 * The hostile inputs too big to commit: each is built on demand from a few lines, so the
 * corpus in `test-corpus/` stays small. The manifests there list these files by name with
 * `"generated": true`; the corpus tests and the browser journeys take the bytes from here.
 */
import { MAX_COLUMNS, MAX_ROW_BYTES } from '../csv/limits.ts';
import { filterColumns } from '../operations/filterColumns.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { trainAndScoreDemo } from '../workflow/demos.ts';
import { serializeWorkflow } from '../workflow/format.ts';
import { defaultNodeColor, type Workflow, type WorkflowNode } from '../workflow/model.ts';

const encoder = new TextEncoder();

/** `count` columns `c0`, `c1`, … and one row holding 0, 1, … */
function wideCsv(count: number): Uint8Array {
  const header = Array.from({ length: count }, (_, index) => `c${index}`).join(',');
  const row = Array.from({ length: count }, (_, index) => String(index)).join(',');
  return encoder.encode(`${header}\n${row}\n`);
}

/** Text of exactly `bytes` UTF-8 bytes, mixing ASCII with two- and three-byte characters. */
function textOfBytes(bytes: number): string {
  const pattern = 'Zoë likes 千と千尋 ';
  const patternBytes = encoder.encode(pattern).length;
  const whole = pattern.repeat(Math.floor(bytes / patternBytes));
  return whole + 'x'.repeat(bytes - encoder.encode(whole).length);
}

/** Generated CSV files by corpus name. */
export const generatedCsv: Record<string, () => Uint8Array> = {
  /** One row just over the reader's row limit, without quotes. */
  'long-line.csv': () => encoder.encode(`id,text\n1,${'x'.repeat(MAX_ROW_BYTES + 100)}\n`),
  /** A quote opened on row 2 and never closed, with 2 MiB after it. */
  'unterminated-quote-long.csv': () =>
    encoder.encode(`id,text\n1,"${'y'.repeat(2 * MAX_ROW_BYTES)}`),
  /** As many columns as the reader accepts. */
  'columns-10000.csv': () => wideCsv(MAX_COLUMNS),
  /** One column more than the reader accepts. */
  'columns-10001.csv': () => wideCsv(MAX_COLUMNS + 1),
  /** A cell of 900 KiB of mixed-width UTF-8 text, just under the row limit. */
  'long-text-cell.csv': () => encoder.encode(`id,text\n1,${textOfBytes(900 * 1024)}\n`),
};

/** JSON text of a value nested `depth` objects deep: `{"a":{"a":…0…}}`. */
function nestedObjectText(depth: number): string {
  return `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
}

/** JSON text of `depth` nested empty lists: `[[[…]]]`. */
function nestedListText(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The demo workflow with one more ALS parameter, `deep`, holding `valueText` as is. */
function demoWithDeepParameter(valueText: string): string {
  const workflow = trainAndScoreDemo();
  const placeholder = 'corpus-deep-parameter';
  const alsNode = workflow.nodes.find((node) => node.operationName === 'ALS');
  if (alsNode === undefined) throw new Error('corpusGenerators: the demo has no ALS node');
  alsNode.params = { ...alsNode.params, deep: placeholder };
  // JSON.stringify would overflow the stack on the deep value itself, so it goes in as text.
  return serializeWorkflow(workflow).replace(JSON.stringify(placeholder), valueText);
}

/**
 * A workflow file of more than 5 MB: pairs of Read DataFrame (of a file the workspace does
 * not have) → Filter Columns, side by side on the canvas.
 */
function manyNodesWorkflow(): string {
  const pairs = 3_700;
  const nodes: WorkflowNode[] = [];
  const workflow: Workflow = {
    id: 'many-nodes',
    name: 'Many nodes',
    description: 'Thousands of small pipelines, to load and run a big file.',
    nodes,
    connections: [],
    preserved: {},
  };
  for (let pair = 0; pair < pairs; pair++) {
    const read = `read-${pair}`;
    const filter = `filter-${pair}`;
    const at = { x: 260 * (pair % 100), y: 300 * Math.floor(pair / 100) };
    nodes.push({
      id: read,
      operationId: readDataFrame.id,
      operationName: readDataFrame.name,
      params: { 'CSV file': `missing-${pair}.csv`, separator: { comma: {} } },
      position: at,
      label: `Ratings of shop ${pair}`,
      color: defaultNodeColor,
    });
    nodes.push({
      id: filter,
      operationId: filterColumns.id,
      operationName: filterColumns.name,
      params: {
        'selected columns': {
          selections: [{ type: 'columnList', values: ['user', 'item', 'rating'] }],
          excluding: false,
        },
      },
      position: { x: at.x, y: at.y + 150 },
      label: '',
      color: defaultNodeColor,
    });
    workflow.connections.push({
      from: { nodeId: read, portIndex: 0 },
      to: { nodeId: filter, portIndex: 0 },
    });
  }
  return serializeWorkflow(workflow);
}

/** Generated workflow files by corpus name. */
export const generatedWorkflows: Record<string, () => string> = {
  /** A parameter 500 objects deep: deeper than any real file, but still read. */
  'deep-parameters-500.json': () => demoWithDeepParameter(nestedObjectText(500)),
  /** A parameter 10,000 objects deep, which a recursive copy would overflow the stack on. */
  'deep-parameters-10000.json': () => demoWithDeepParameter(nestedObjectText(10_000)),
  /** A parameter of 100,000 nested lists. */
  'deep-list-100000.json': () => demoWithDeepParameter(nestedListText(100_000)),
  'many-nodes-5mb.json': manyNodesWorkflow,
};
