import {
  Background,
  ControlButton,
  Controls,
  type Dimensions,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  MiniMap,
  type Node,
  type NodeChange,
  type OnConnect,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { operationById } from '../../core/operations/catalog.ts';
import { connectionProblem } from '../../core/workflow/connect.ts';
import { connectionKey, nodeLabel, type Position } from '../../core/workflow/model.ts';
import { withLocalStorage } from '../../store/localStorage.ts';
import { useActions, useEditor, useEditorStore } from '../EditorContext.tsx';
import { operationDragType } from '../Palette.tsx';
import { portColors } from '../portStyle.ts';
import { OperationChooser, type PendingEdge } from './OperationChooser.tsx';
import { OperationNode } from './OperationNode.tsx';
import { portIndexOf, toConnection } from './toConnection.ts';
import { useSelectionInView } from './useSelectionInView.ts';

const nodeTypes = { operation: OperationNode };
// Small enough to leave most of a short canvas (the results panel takes its lower part) free.
const minimapSize = { width: 150, height: 100 };
const minimapPreference = 'recflow.minimap';
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const fitViewOptions = { maxZoom: 1 };

/** Applies React Flow's selection changes to a set of selected ids. */
function selectionAfter(current: string[], changes: (NodeChange | EdgeChange)[]): string[] {
  const selected = new Set(current);
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  return [...selected];
}

export function Canvas() {
  const workflow = useEditor((state) => state.workflow);
  const selectedNodeIds = useEditor((state) => state.selectedNodeIds);
  const selectedEdgeIds = useEditor((state) => state.selectedEdgeIds);
  const runs = useEditor((state) => state.runs);
  const store = useEditorStore();
  const { addNode, moveNodes, connect, select, showNotice } = useActions();
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [pendingEdge, setPendingEdge] = useState<PendingEdge | null>(null);
  const [minimapShown, toggleMinimap] = useRememberedToggle(minimapPreference, true);
  // Node sizes as React Flow measured them: the mini map draws only nodes of known size.
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());
  const canvas = useRef<HTMLElement>(null);
  useSelectionInView(canvas, selectedNodeIds);

  // A workflow that replaces the current one (opened, imported, new) is shown whole.
  const fittedWorkflowId = useRef(workflow.id);
  useEffect(() => {
    if (fittedWorkflowId.current === workflow.id) return;
    fittedWorkflowId.current = workflow.id;
    void fitView(fitViewOptions);
  }, [workflow.id, fitView]);

  const nodes: Node[] = useMemo(() => {
    const selected = new Set(selectedNodeIds);
    return workflow.nodes.map((node) => ({
      id: node.id,
      type: 'operation',
      position: node.position,
      data: {},
      selected: selected.has(node.id),
      ariaLabel: nodeLabel(node),
      domAttributes: { 'data-status': runs[node.id]?.status ?? 'draft' } as never,
      measured: measured.get(node.id),
    }));
  }, [workflow.nodes, selectedNodeIds, runs, measured]);

  const edges: Edge[] = useMemo(() => {
    const selected = new Set(selectedEdgeIds);
    const byId = new Map(workflow.nodes.map((node) => [node.id, node]));
    return workflow.connections.map((connection) => {
      const source = byId.get(connection.from.nodeId);
      const port = source && operationById(source.operationId)?.outputs[connection.from.portIndex];
      const id = connectionKey(connection);
      return {
        id,
        source: connection.from.nodeId,
        target: connection.to.nodeId,
        sourceHandle: `out-${connection.from.portIndex}`,
        targetHandle: `in-${connection.to.portIndex}`,
        selected: selected.has(id),
        style: { stroke: port ? portColors[port.type] : undefined, strokeWidth: 2 },
      };
    });
  }, [workflow.connections, workflow.nodes, selectedEdgeIds]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const positions = new Map<string, Position>();
      const sizes = new Map<string, Dimensions>();
      for (const change of changes) {
        if (change.type === 'position' && change.position)
          positions.set(change.id, change.position);
        if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, change.dimensions);
        }
      }
      if (positions.size > 0) moveNodes(positions);
      if (sizes.size > 0) setMeasured((before) => new Map([...before, ...sizes]));
      if (changes.some((change) => change.type === 'select')) {
        const state = store.getState();
        select(selectionAfter(state.selectedNodeIds, changes), state.selectedEdgeIds);
      }
    },
    [moveNodes, select, store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (!changes.some((change) => change.type === 'select')) return;
      const state = store.getState();
      select(state.selectedNodeIds, selectionAfter(state.selectedEdgeIds, changes));
    },
    [select, store],
  );

  const onConnect: OnConnect = useCallback((edge) => void connect(toConnection(edge)), [connect]);

  const isValidConnection: IsValidConnection = useCallback(
    (edge) => connectionProblem(store.getState().workflow, toConnection(edge)) === null,
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromHandle) return;
      const from = { nodeId: state.fromHandle.nodeId, portIndex: portIndexOf(state.fromHandle.id) };
      const fromOutput = state.fromHandle.type === 'source';

      // Dropped on empty canvas: offer the operations that could take this end.
      if (state.toHandle === null && state.toNode === null) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        setPendingEdge({
          end: from,
          fromOutput,
          screen: { x: point.clientX, y: point.clientY },
          position: screenToFlowPosition({ x: point.clientX, y: point.clientY }),
        });
        return;
      }

      // Dropped on a port that refuses it: say why, instead of silently doing nothing.
      if (state.isValid !== false || !state.toHandle) return;
      const to = { nodeId: state.toHandle.nodeId, portIndex: portIndexOf(state.toHandle.id) };
      const connection = fromOutput ? { from, to } : { from: to, to: from };
      const problem = connectionProblem(store.getState().workflow, connection);
      if (problem !== null) showNotice({ text: problem, tone: 'error' });
    },
    [store, showNotice, screenToFlowPosition],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(operationDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const operationId = event.dataTransfer.getData(operationDragType);
      if (operationId === '') return;
      event.preventDefault();
      addNode(operationId, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <section className="canvas" aria-label="Workflow canvas" ref={canvas}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onPaneClick={() => select([])}
        onDragOver={onDragOver}
        onDrop={onDrop}
        // Deleting goes through the editor's own shortcut, so that it is one undo step.
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectKeys}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        colorMode="system"
      >
        <Background />
        <Controls position="bottom-left">
          <ControlButton
            onClick={toggleMinimap}
            aria-label={minimapShown ? 'Hide mini map' : 'Show mini map'}
            title={minimapShown ? 'Hide mini map' : 'Show mini map'}
            aria-pressed={minimapShown}
          >
            ▣
          </ControlButton>
        </Controls>
        {minimapShown && (
          <MiniMap
            position="top-right"
            style={minimapSize}
            pannable
            zoomable
            nodeColor={(node) => (selectedNodeIds.includes(node.id) ? '#0b72d6' : '#8aa4c8')}
            ariaLabel="Mini map"
          />
        )}
      </ReactFlow>
      {pendingEdge && (
        <OperationChooser pending={pendingEdge} onClose={() => setPendingEdge(null)} />
      )}
    </section>
  );
}

/** An on/off choice of the user's that outlives reloads, kept in this browser's localStorage. */
function useRememberedToggle(key: string, initial: boolean): [boolean, () => void] {
  const [on, setOn] = useState(() => {
    const saved = withLocalStorage((local) => local.getItem(key));
    return saved === null ? initial : saved === 'on';
  });
  const toggle = useCallback(() => {
    setOn((was) => {
      withLocalStorage((local) => local.setItem(key, was ? 'off' : 'on'));
      return !was;
    });
  }, [key]);
  return [on, toggle];
}
