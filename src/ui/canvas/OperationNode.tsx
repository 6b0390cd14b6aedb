import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { operationById } from '../../core/operations/catalog.ts';
import { nodeLabel } from '../../core/workflow/model.ts';
import { useEditor } from '../EditorContext.tsx';
import { PortHandle } from './PortHandle.tsx';

/** A node on the canvas: its name, typed ports, state and any problem. */
export const OperationNode = memo(function OperationNode({ id, selected }: NodeProps) {
  const node = useEditor((state) => state.workflow.nodes.find((candidate) => candidate.id === id));
  const run = useEditor((state) => state.runs[id]);
  // Joined to text so that an unchanged list does not re-render the node.
  const problemText = useEditor((state) => state.problems[id]?.join('\n'));
  const problems = problemText?.split('\n');
  if (node === undefined) return null;

  const operation = operationById(node.operationId);
  const status = run?.status ?? 'draft';
  const label = nodeLabel(node);
  const ports = Math.max(operation?.inputs.length ?? 0, operation?.outputs.length ?? 0);

  return (
    <div
      className={`operation-node status-${status}${selected ? ' selected' : ''}`}
      style={{ minHeight: 44 + ports * 22, borderTopColor: node.color }}
    >
      {operation?.inputs.map((port, index) => (
        <PortHandle key={`in-${index}`} nodeId={id} port={port} index={index} side="in" />
      ))}
      <div className="node-title">{label}</div>
      {label !== node.operationName && <div className="node-operation">{node.operationName}</div>}
      {operation === undefined && <div className="node-unsupported">not supported in recflow</div>}
      <div className="node-status" data-testid="node-status">
        {status}
        {run?.status === 'running' && run.progress ? ` · ${run.progress.label}` : ''}
      </div>
      {run?.status === 'running' && run.progress?.fraction !== undefined && (
        <progress max={1} value={run.progress.fraction} aria-label={`${label} progress`} />
      )}
      {run?.status === 'failed' && (
        <div className="node-error" role="alert">
          {run.message}
        </div>
      )}
      {problems !== undefined && problems.length > 0 && status !== 'failed' && (
        <div className="node-problems" title={problems.join('\n')}>
          ⚠ {problems[0]}
          {problems.length > 1 && ` (+${problems.length - 1} more)`}
        </div>
      )}
      {operation?.outputs.map((port, index) => (
        <PortHandle key={`out-${index}`} nodeId={id} port={port} index={index} side="out" />
      ))}
    </div>
  );
});
