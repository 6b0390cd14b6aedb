import {
  Background,
  Controls,
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
import { type DragEvent, useCallback, useMemo } from 'react';
import { operationById } from '../../core/operations/catalog.ts';
import { connectionProblem } from '../../core/workflow/connect.ts';
import { type Connection, connectionKey, nodeLabel } from '../../core/workflow/model.ts';
import { useActions, useEditor } from '../EditorContext.tsx';
import { operationDragType } from '../Palette.tsx';
import { portColors } from '../portStyle.ts';
import { OperationNode } from './OperationNode.tsx';

const nodeTypes = { operation: OperationNode };

const portIndex = (handle: string | null | undefined) => Number(handle?.split('-')[1] ?? 0);

/** React Flow's connection in recflow's terms: node ids and port indexes. */
function toConnection(edge: {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}): Connection {
  return {
    from: { nodeId: edge.source, portIndex: portIndex(edge.sourceHandle) },
    to: { nodeId: edge.target, portIndex: portIndex(edge.targetHandle) },
  };
}

export function Canvas() {
  const workflow = useEditor((state) => state.workflow);
  const selectedNodeId = useEditor((state) => state.selectedNodeId);
  const runs = useEditor((state) => state.runs);
  const { addNode, moveNode, removeNodes, connect, disconnect, select, showNotice } = useActions();
  const { screenToFlowPosition } = useReactFlow();

  const nodes: Node[] = useMemo(
    () =>
      workflow.nodes.map((node) => ({
        id: node.id,
        type: 'operation',
        position: node.position,
        data: {},
        selected: node.id === selectedNodeId,
        ariaLabel: nodeLabel(node),
        domAttributes: { 'data-status': runs[node.id]?.status ?? 'draft' } as never,
      })),
    [workflow.nodes, selectedNodeId, runs],
  );

  const edges: Edge[] = useMemo(
    () =>
      workflow.connections.map((connection) => {
        const source = workflow.nodes.find((node) => node.id === connection.from.nodeId);
        const type = source && operationById(source.operationId)?.outputs[connection.from.portIndex];
        return {
          id: connectionKey(connection),
          source: connection.from.nodeId,
          target: connection.to.nodeId,
          sourceHandle: `out-${connection.from.portIndex}`,
          targetHandle: `in-${connection.to.portIndex}`,
          style: { stroke: type ? portColors[type.type] : undefined, strokeWidth: 2 },
        };
      }),
    [workflow.connections, workflow.nodes],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === 'position' && change.position) moveNode(change.id, change.position);
        else if (change.type === 'select' && change.selected) select(change.id);
        else if (change.type === 'remove') removed.push(change.id);
      }
      if (removed.length > 0) removeNodes(removed);
    },
    [moveNode, select, removeNodes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = changes.filter((change) => change.type === 'remove').map((c) => c.id);
      if (removed.length > 0) disconnect(removed);
    },
    [disconnect],
  );

  const onConnect: OnConnect = useCallback((edge) => void connect(toConnection(edge)), [connect]);

  const isValidConnection: IsValidConnection = useCallback(
    (edge) => connectionProblem(workflow, toConnection(edge)) === null,
    [workflow],
  );

  // A refused drop on a handle tells the user why, instead of silently doing nothing.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      const [from, to] =
        state.fromHandle.type === 'source'
          ? [state.fromHandle, state.toHandle]
          : [state.toHandle, state.fromHandle];
      const problem = connectionProblem(
        workflow,
        toConnection({
          source: from.nodeId,
          target: to.nodeId,
          sourceHandle: from.id,
          targetHandle: to.id,
        }),
      );
      if (problem !== null) showNotice({ text: problem, tone: 'error' });
    },
    [workflow, showNotice],
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
    <div className="canvas" aria-label="Workflow canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onPaneClick={() => select(null)}
        onDragOver={onDragOver}
        onDrop={onDrop}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
        colorMode="system"
      >
        <Background />
        <Controls position="bottom-left" />
        <MiniMap position="bottom-right" pannable zoomable />
      </ReactFlow>
    </div>
  );
}
