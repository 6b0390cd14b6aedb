import { type DragEvent, useState } from 'react';
import type { OperationDescriptor } from '../core/operation.ts';
import { categoryOrder, operations } from '../core/operations/catalog.ts';

/** The drag payload type the canvas accepts from the palette. */
export const operationDragType = 'application/x-recflow-operation';

function groupByCategory(
  members: readonly OperationDescriptor[],
): [string, OperationDescriptor[]][] {
  const groups = new Map<string, OperationDescriptor[]>();
  for (const operation of members) {
    const title = operation.category.join(' › ');
    groups.set(title, [...(groups.get(title) ?? []), operation]);
  }
  const rank = (title: string) => categoryOrder.indexOf(title.split(' › ')[0]);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function matches(operation: OperationDescriptor, query: string): boolean {
  const text = `${operation.name} ${operation.category.join(' ')} ${operation.description}`;
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.toLowerCase().includes(word));
}

interface PaletteProps {
  /** Adds the operation at the centre of the view: the keyboard's way to add one. */
  onAdd: (operationId: string) => void;
}

export function Palette({ onAdd }: PaletteProps) {
  const [query, setQuery] = useState('');
  const found = operations.filter((operation) => matches(operation, query.trim()));

  const startDrag = (event: DragEvent, operationId: string) => {
    event.dataTransfer.setData(operationDragType, operationId);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className="palette" aria-label="Operations">
      <h2>Operations</h2>
      <input
        type="search"
        className="palette-search"
        placeholder="Search"
        aria-label="Search operations"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {found.length === 0 && <p className="hint">No operation matches “{query}”.</p>}
      {groupByCategory(found).map(([title, members]) => (
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
