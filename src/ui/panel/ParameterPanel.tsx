import type { Configurable, Knowledge } from '../../core/operation.ts';
import { operationById } from '../../core/operations/catalog.ts';
import { validateParams } from '../../core/params/index.ts';
import { selectorSchema } from '../../core/workflow/knowledge.ts';
import { nodeLabel } from '../../core/workflow/model.ts';
import { focusedNodeId, useActions, useEditor } from '../EditorContext.tsx';
import { ParamFields } from '../fields/ParamFields.tsx';
import { InputsSection } from './InputsSection.tsx';

/** The parameters of what arrives on an input, for "Parameters of input …". */
function configurableOn(input: Knowledge | undefined): Configurable<unknown> | undefined {
  switch (input?.type) {
    case 'Estimator':
      return input.estimator.parameters;
    case 'Transformer':
      return input.transformer.parameters;
    case 'Evaluator':
      return input.evaluator.parameters;
    default:
      return undefined;
  }
}

/** The form of the selected node, generated from its operation's parameter specs. */
export function ParameterPanel() {
  const node = useEditor((state) =>
    state.workflow.nodes.find((candidate) => candidate.id === focusedNodeId(state)),
  );
  const workflow = useEditor((state) => state.workflow);
  const knowledge = useEditor((state) => state.knowledge);
  const { setParam, uploadFile, renameNode } = useActions();

  if (node === undefined) {
    return (
      <aside className="panel parameters" aria-label="Parameters">
        <p className="hint">Select a node to see its parameters.</p>
      </aside>
    );
  }

  const operation = operationById(node.operationId);
  if (operation === undefined) {
    return (
      <aside className="panel parameters" aria-label="Parameters">
        <h2>{nodeLabel(node)}</h2>
        <p className="hint">
          recflow does not support {node.operationName}. It is kept as it is in the workflow file.
        </p>
      </aside>
    );
  }

  const issues = validateParams(operation.params, node.params);
  const problems = new Map(issues.map((issue) => [issue.param, issue.message]));
  const paramMessages = new Set(issues.map((issue) => issue.message));
  const otherErrors = (knowledge.get(node.id)?.errors ?? []).filter((e) => !paramMessages.has(e));

  return (
    <aside className="panel parameters" aria-label="Parameters">
      <h2>{nodeLabel(node)}</h2>
      <p className="operation-description">{operation.description}</p>
      <div className="field">
        <label htmlFor={`name-${node.id}`}>node name</label>
        <input
          id={`name-${node.id}`}
          type="text"
          value={node.label}
          placeholder={operation.name}
          onChange={(event) => renameNode(node.id, event.target.value)}
        />
      </div>
      {otherErrors.length > 0 && (
        <ul className="knowledge-errors" aria-label="Problems">
          {otherErrors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <InputsSection node={node} />
      {operation.params.length === 0 && <p className="hint">This operation has no parameters.</p>}
      <form onSubmit={(event) => event.preventDefault()}>
        <ParamFields
          specs={operation.params}
          values={node.params}
          problems={problems}
          idPrefix={`param-${node.id}`}
          schemaFor={(spec) => selectorSchema(workflow, knowledge, node.id, spec)}
          targetFor={(spec) => configurableOn(knowledge.get(node.id)?.inputs[spec.port])}
          onChange={(name, value) => setParam(node.id, name, value)}
          onUpload={(file) => void uploadFile(node.id, file)}
        />
      </form>
    </aside>
  );
}
