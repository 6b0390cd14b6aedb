import { Handle, Position, useConnection } from '@xyflow/react';
import type { PortSpec } from '../../core/ports.ts';
import { connectionProblem } from '../../core/workflow/connect.ts';
import { useEditorStore } from '../EditorContext.tsx';
import { portColors, portShape } from '../portStyle.ts';
import { portIndexOf } from './toConnection.ts';

interface PortHandleProps {
  nodeId: string;
  port: PortSpec;
  index: number;
  side: 'in' | 'out';
}

/**
 * A typed port. While an edge is dragged, the free ports it may connect to light up, so the
 * user sees where it can go before letting go.
 */
export function PortHandle({ nodeId, port, index, side }: PortHandleProps) {
  const store = useEditorStore();
  const compatible = useConnection((connection) => {
    if (!connection.inProgress || connection.fromNode.id === nodeId) return false;
    const from = {
      nodeId: connection.fromNode.id,
      portIndex: portIndexOf(connection.fromHandle.id),
    };
    const here = { nodeId, portIndex: index };
    const draggedFromOutput = connection.fromHandle.type === 'source';
    if (draggedFromOutput !== (side === 'in')) return false;
    const candidate = draggedFromOutput ? { from, to: here } : { from: here, to: from };
    return connectionProblem(store.getState().workflow, candidate) === null;
  });

  return (
    <Handle
      id={`${side}-${index}`}
      type={side === 'in' ? 'target' : 'source'}
      position={side === 'in' ? Position.Left : Position.Right}
      className={`port port-${portShape(port.type)}${compatible ? ' port-compatible' : ''}`}
      data-compatible={compatible}
      style={{ top: 28 + index * 22, background: portColors[port.type] }}
      title={`${side === 'in' ? 'Input' : 'Output'} ${index}: ${port.type} — ${port.description}`}
      aria-label={`${side === 'in' ? 'input' : 'output'} ${index} ${port.type}`}
    />
  );
}
