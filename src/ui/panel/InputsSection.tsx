import { operationById } from '../../core/operations/catalog.ts';
import { connectionProblem } from '../../core/workflow/connect.ts';
import {
  connectionInto,
  nodeLabel,
  type PortRef,
  type WorkflowNode,
} from '../../core/workflow/model.ts';
import { useActions, useEditor } from '../EditorContext.tsx';

const encode = (port: PortRef) => `${port.nodeId}#${port.portIndex}`;

function decode(text: string): PortRef | null {
  if (text === '') return null;
  const [nodeId, portIndex] = text.split('#');
  return { nodeId, portIndex: Number(portIndex) };
}

/**
 * What feeds each input of the node, chosen from a list of the outputs that fit: connecting
 * ports without dragging, from the keyboard or a screen reader.
 */
export function InputsSection({ node }: { node: WorkflowNode }) {
  const workflow = useEditor((state) => state.workflow);
  const { rewire } = useActions();
  const operation = operationById(node.operationId);
  if (operation === undefined || operation.inputs.length === 0) return null;

  return (
    <fieldset className="inputs-section">
      <legend>Inputs</legend>
      {operation.inputs.map((port, portIndex) => {
        const to = { nodeId: node.id, portIndex };
        const current = connectionInto(workflow, to);
        const detached = {
          ...workflow,
          connections: workflow.connections.filter((edge) => edge !== current),
        };
        const candidates = workflow.nodes.flatMap((source) =>
          (operationById(source.operationId)?.outputs ?? []).flatMap((output, outputIndex) => {
            const from = { nodeId: source.id, portIndex: outputIndex };
            const fits = connectionProblem(detached, { from, to }) === null;
            return fits
              ? [{ from, label: `${nodeLabel(source)} · output ${outputIndex} (${output.type})` }]
              : [];
          }),
        );
        const id = `input-${node.id}-${portIndex}`;
        return (
          <div className="field" key={`${portIndex}-${port.type}`}>
            <label htmlFor={id}>{`input ${portIndex} (${port.type})`}</label>
            <select
              id={id}
              value={current ? encode(current.from) : ''}
              onChange={(event) => rewire(to, decode(event.target.value))}
            >
              <option value="">{port.optional ? 'nothing (optional)' : 'not connected'}</option>
              {candidates.map((candidate) => (
                <option key={encode(candidate.from)} value={encode(candidate.from)}>
                  {candidate.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
