import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeProgress } from '../../core/operation.ts';
import { operationById } from '../../core/operations/catalog.ts';
import { nodeLabel } from '../../core/workflow/model.ts';
import { useActions, useEditor } from '../EditorContext.tsx';
import { PortHandle } from './PortHandle.tsx';

const seconds = (ms: number) =>
  ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;

/** Elapsed time, an estimate of the time left, and the latest training loss. */
export function progressDetails({ elapsedMs, fraction, loss }: NodeProgress): string {
  const parts: string[] = [];
  if (elapsedMs !== undefined) parts.push(seconds(elapsedMs));
  if (elapsedMs !== undefined && fraction !== undefined && fraction > 0 && fraction < 1) {
    parts.push(`about ${seconds((elapsedMs / fraction) * (1 - fraction))} left`);
  }
  if (loss !== undefined) parts.push(`loss ${loss.toPrecision(4)}`);
  return parts.join(' · ');
}

/** A node on the canvas: its name, typed ports, state and any problem. */
export const OperationNode = memo(function OperationNode({ id, selected }: NodeProps) {
  const node = useEditor((state) => state.workflow.nodes.find((candidate) => candidate.id === id));
  const run = useEditor((state) => state.runs[id]);
  // Joined to text so that an unchanged list does not re-render the node.
  const problemText = useEditor((state) => state.problems[id]?.join('\n'));
  const problems = problemText?.split('\n');
  const { run: runWorkflow } = useActions();
  if (node === undefined) return null;
  const resume = () => runWorkflow();

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
      <div
        className="node-status"
        data-testid="node-status"
        data-reused={run?.status === 'completed' ? String(run.reused === true) : undefined}
        title={run?.reused ? 'Kept from the last run: nothing it depends on changed.' : undefined}
      >
        {status}
        {run?.status === 'running' && run.progress ? ` · ${run.progress.label}` : ''}
      </div>
      {run?.status === 'running' && run.progress?.fraction !== undefined && (
        <progress max={1} value={run.progress.fraction} aria-label={`${label} progress`} />
      )}
      {run?.status === 'running' && run.progress && (
        <div className="node-progress">{progressDetails(run.progress)}</div>
      )}
      {run?.resumeAfter !== undefined && (
        <div className="node-resume">
          <span>{run.message}</span>
          <button type="button" className="nodrag" onClick={() => void resume()}>
            Resume
          </button>
        </div>
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
