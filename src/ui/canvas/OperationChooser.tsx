import { useEffect, useRef } from 'react';
import { operationById, operations } from '../../core/operations/catalog.ts';
import type { PortRef, Position } from '../../core/workflow/model.ts';
import { useActions, useEditor } from '../EditorContext.tsx';

/** An edge dragged from a port and dropped on empty canvas, waiting for its other end. */
export interface PendingEdge {
  end: PortRef;
  /** True when the edge was dragged from an output port. */
  fromOutput: boolean;
  /** Where it was dropped: on screen for the menu, on the canvas for the new node. */
  screen: Position;
  position: Position;
}

/** The operations that can take the dangling end, to add one already connected. */
export function OperationChooser({
  pending,
  onClose,
}: {
  pending: PendingEdge;
  onClose: () => void;
}) {
  const { addNode } = useActions();
  const type = useEditor((state) => {
    const node = state.workflow.nodes.find((candidate) => candidate.id === pending.end.nodeId);
    const operation = node && operationById(node.operationId);
    const ports = pending.fromOutput ? operation?.outputs : operation?.inputs;
    return ports?.[pending.end.portIndex]?.type;
  });
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const fitting = operations.filter((operation) =>
    (pending.fromOutput ? operation.inputs : operation.outputs).some((port) => port.type === type),
  );

  return (
    <div
      className="chooser"
      role="dialog"
      aria-label="Add a connected operation"
      style={{ left: pending.screen.x, top: pending.screen.y }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <p>
        {pending.fromOutput ? 'Takes' : 'Gives'} {type ?? 'nothing known'}:
      </p>
      {fitting.length === 0 && <p className="hint">No operation fits this port.</p>}
      {fitting.map((operation, index) => (
        <button
          key={operation.id}
          ref={index === 0 ? first : undefined}
          type="button"
          onClick={() => {
            addNode(operation.id, pending.position, {
              end: pending.end,
              fromOutput: pending.fromOutput,
            });
            onClose();
          }}
        >
          {operation.name}
        </button>
      ))}
      <button type="button" className="chooser-cancel" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
