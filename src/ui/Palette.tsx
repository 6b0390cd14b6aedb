import type { DragEvent } from 'react';
import type { OperationDescriptor } from '../core/operation.ts';
import { categoryOrder, operations } from '../core/operations/catalog.ts';

/** The drag payload type the canvas accepts from the palette. */
export const operationDragType = 'application/x-recflow-operation';

function groupByCategory(): [string, OperationDescriptor[]][] {
  const groups = new Map<string, OperationDescriptor[]>();
  for (const operation of operations) {
    const title = operation.category.join(' › ');
    groups.set(title, [...(groups.get(title) ?? []), operation]);
  }
  const rank = (title: string) => categoryOrder.indexOf(title.split(' › ')[0]);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

const groups = groupByCategory();

interface PaletteProps {
  /** Adds the operation at the centre of the view: the keyboard's way to add one. */
  onAdd: (operationId: string) => void;
}

export function Palette({ onAdd }: PaletteProps) {
  const startDrag = (event: DragEvent, operationId: string) => {
    event.dataTransfer.setData(operationDragType, operationId);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className="palette" aria-label="Operations">
      <h2>Operations</h2>
      {groups.map(([title, members]) => (
        <section key={title} aria-label={title}>
          <h3>{title}</h3>
          <ul>
            {members.map((operation) => (
              <li key={operation.id}>
                <button
                  type="button"
                  draggable
                  className="palette-item"
                  title={`${operation.description} Drag onto the canvas, or press Enter to add.`}
                  onDragStart={(event) => startDrag(event, operation.id)}
                  onClick={() => onAdd(operation.id)}
                >
                  {operation.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
