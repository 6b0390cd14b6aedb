import { operationById } from '../operations/catalog.ts';
import type { Workflow, WorkflowNode } from '../workflow/model.ts';

/**
 * Where a workflow's results go when it runs outside the editor: `recflow run --out DIR`
 * writes `DIR/<name>.csv`, the exported PySpark script `<output dir>/<name>/`, with the same
 * names, so that the two are easy to compare.
 */

/** A DataFrame output port that no node consumes: a result of the workflow. */
export interface FinalOutput {
  nodeId: string;
  portIndex: number;
  /** `<node name or id>-<port>`, made file-safe and unique (without an extension). */
  name: string;
}

/** The name a node goes by in results: the name the user gave it, or else its id. */
export function resultName(node: WorkflowNode): string {
  const label = node.label.trim();
  return label === '' ? node.id : label;
}

/**
 * Text that is safe as a file name on every common file system and in a URL path: letters,
 * digits, `.`, `_` and `-`; other runs of characters become `-`. Never empty, never starts
 * with a dot (hidden files, `..`), at most 80 characters.
 */
export function fileSafeName(text: string): string {
  const safe = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 80);
  return safe === '' ? 'node' : safe;
}

/**
 * Makes names unique, ignoring case (macOS and Windows file systems do): the second `Fit`
 * becomes `Fit_2`, the third `Fit_3`.
 */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let count = 2; taken.has(unique.toLowerCase()); count++) unique = `${name}_${count}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

/**
 * Every DataFrame output that no connection leaves from, in the order of the nodes and their
 * ports. Unsupported nodes have no known ports and give none. The port number ends the name,
 * so names stay unique once the node parts are.
 */
export function finalDataFrameOutputs(workflow: Workflow): FinalOutput[] {
  const consumed = new Set(
    workflow.connections.map(({ from }) => `${from.nodeId}\u0000${from.portIndex}`),
  );
  const ports = workflow.nodes.flatMap((node) => {
    const outputs = operationById(node.operationId)?.outputs ?? [];
    return outputs.flatMap((port, portIndex) =>
      port.type === 'DataFrame' && !consumed.has(`${node.id}\u0000${portIndex}`)
        ? [{ node, portIndex }]
        : [],
    );
  });

  const nodesWithOutputs = [...new Set(ports.map(({ node }) => node))];
  const nodeNames = uniqueNames(nodesWithOutputs.map((node) => fileSafeName(resultName(node))));
  const nameOf = new Map(nodesWithOutputs.map((node, index) => [node, nodeNames[index]]));
  return ports.map(({ node, portIndex }) => ({
    nodeId: node.id,
    portIndex,
    name: `${nameOf.get(node)}-${portIndex}`,
  }));
}
