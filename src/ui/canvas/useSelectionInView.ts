import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect, useRef } from 'react';

/** Pixels left between a node brought into sight and the edge of the canvas. */
const margin = 16;

/**
 * Keeps the selected node in sight when the canvas shrinks, as it does when the results
 * panel opens below it: the view moves, at the same zoom, just far enough to show a node
 * the smaller canvas would cut off.
 */
export function useSelectionInView(
  canvas: RefObject<HTMLElement | null>,
  selectedNodeIds: string[],
): void {
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  const selected = useRef(selectedNodeIds);
  selected.current = selectedNodeIds;

  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      const id = selected.current.at(-1);
      const node = id === undefined ? undefined : getInternalNode(id);
      if (node === undefined) return;
      const { x, y, zoom } = getViewport();
      const { width = 0, height = 0 } = node.measured;
      const { positionAbsolute: position } = node.internals;
      const shift = (start: number, size: number, room: number) => {
        if (start < 0) return margin - start;
        const overhang = start + size - room;
        return overhang > 0 ? -Math.min(overhang + margin, start) : 0;
      };
      const dx = shift(position.x * zoom + x, width * zoom, element.clientWidth);
      const dy = shift(position.y * zoom + y, height * zoom, element.clientHeight);
      if (dx !== 0 || dy !== 0) void setViewport({ x: x + dx, y: y + dy, zoom });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [canvas, getInternalNode, getViewport, setViewport]);
}
