import { useActions, useEditor } from './EditorContext.tsx';

export function Toolbar() {
  const running = useEditor((state) => state.running);
  const name = useEditor((state) => state.workflow.name);
  const { run, stop, newWorkflow } = useActions();

  return (
    <header className="toolbar">
      <h1>
        recflow <span className="workflow-name">{name}</span>
      </h1>
      <div className="toolbar-actions">
        <button type="button" onClick={newWorkflow} disabled={running}>
          New
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>
          Run
        </button>
        <button type="button" onClick={stop} disabled={!running}>
          Stop
        </button>
      </div>
    </header>
  );
}
