import { useState } from 'react';
import { messageOf } from '../../core/errors.ts';
import { operationById } from '../../core/operations/catalog.ts';
import type { NodeStatus } from '../../core/run/executor.ts';
import type { PortSummary } from '../../core/run/summary.ts';
import { nodeLabel } from '../../core/workflow/model.ts';
import { focusedNodeId, useActions, useEditor } from '../EditorContext.tsx';
import { DataFrameTable } from './DataFrameTable.tsx';
import { ModelReport } from './ModelReport.tsx';
import { saveBlob } from './saveBlob.ts';

interface PortReportProps {
  summary: PortSummary;
  source?: { nodeId: string; portIndex: number };
}

function PortReport({ summary, source }: PortReportProps) {
  switch (summary.type) {
    case 'DataFrame':
      return <DataFrameTable frame={summary.frame} source={source} />;
    case 'Transformer':
      return <ModelReport report={summary.report} />;
    case 'MetricValue':
      return (
        <p className="metric">
          {summary.name}: <output>{summary.value}</output>
        </p>
      );
    case 'Estimator':
      return <p className="hint">An untrained {summary.operationName} estimator: Fit trains it.</p>;
    case 'Evaluator':
      return <p className="hint">An evaluator of {summary.metricName}: Evaluate applies it.</p>;
  }
}

/** Why a node shows no result yet, and what brings one. */
function noResultHint(status: NodeStatus | undefined): string {
  switch (status) {
    case 'failed':
      return 'No result: this node failed (its message is on the node). Fix that, then Run again.';
    case 'running':
    case 'queued':
      return 'The result shows here as soon as this node completes.';
    case 'aborted':
      return 'Stopped before it completed: Run to try again.';
    default:
      return 'Run the workflow to see what this node produces.';
  }
}

/** The results on the selected node's output ports: tables, model reports, downloads. */
export function ResultsPanel() {
  const node = useEditor((state) =>
    state.workflow.nodes.find((candidate) => candidate.id === focusedNodeId(state)),
  );
  const run = useEditor((state) => (node ? state.runs[node.id] : undefined));
  const { csvOf, showNotice } = useActions();
  const [chosenPort, choosePort] = useState(0);

  if (node === undefined) return null;
  const operation = operationById(node.operationId);
  const outputs = run?.status === 'completed' ? run.outputs : undefined;
  if (operation === undefined || operation.outputs.length === 0) return null;

  const port = Math.min(chosenPort, operation.outputs.length - 1);
  const summary = outputs?.[port];
  const download = async () => {
    try {
      saveBlob(await csvOf(node.id, port), `${nodeLabel(node)}-output-${port}.csv`);
    } catch (error) {
      showNotice({ text: messageOf(error), tone: 'error' });
    }
  };

  return (
    <section className="panel results" aria-label="Results">
      <div className="results-head">
        <h2>Results of {nodeLabel(node)}</h2>
        {operation.outputs.length > 1 && (
          <div role="tablist" aria-label="Output ports">
            {operation.outputs.map((output, index) => (
              <button
                key={`${index}-${output.type}`}
                type="button"
                role="tab"
                aria-selected={index === port}
                onClick={() => choosePort(index)}
              >
                Output {index}: {output.type}
              </button>
            ))}
          </div>
        )}
        {summary?.type === 'DataFrame' && !run?.restored && (
          <button type="button" onClick={download}>
            Download CSV
          </button>
        )}
      </div>
      {run?.restored && (
        <p className="hint">
          Kept from your last visit. Run again to download or to use it in new results.
        </p>
      )}
      {summary ? (
        <PortReport
          summary={summary}
          source={run?.restored ? undefined : { nodeId: node.id, portIndex: port }}
        />
      ) : (
        <p className="hint">{noResultHint(run?.status)}</p>
      )}
    </section>
  );
}
