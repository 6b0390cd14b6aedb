import type { Connection } from '../../core/workflow/model.ts';

/** The port index in a handle id such as `in-1` or `out-0`. */
export const portIndexOf = (handle: string | null | undefined) =>
  Number(handle?.split('-')[1] ?? 0);

/** React Flow's connection in recflow's terms: node ids and port indexes. */
export function toConnection(edge: {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}): Connection {
  return {
    from: { nodeId: edge.source, portIndex: portIndexOf(edge.sourceHandle) },
    to: { nodeId: edge.target, portIndex: portIndexOf(edge.targetHandle) },
  };
}
