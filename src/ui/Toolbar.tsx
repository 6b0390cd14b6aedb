import { useRef } from 'react';
import { messageOf } from '../core/errors.ts';
import { exportPySpark } from '../core/export/pyspark.ts';
import { evaluateAndRecommendDemo, trainAndScoreDemo } from '../core/workflow/demos.ts';
import { useActions, useEditor, useEditorStore } from './EditorContext.tsx';
import { saveBlob } from './results/saveBlob.ts';

const demos = [
  { name: 'Train and score', open: trainAndScoreDemo },
  { name: 'Evaluate and recommend', open: evaluateAndRecommendDemo },
];

const fileNameOf = (name: string) => `${name.replace(/[^\w.-]+/g, '_') || 'workflow'}.json`;

export function Toolbar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const running = useEditor((state) => state.running);
  const name = useEditor((state) => state.workflow.name);
  const canUndo = useEditor((state) => state.canUndo);
  const canRedo = useEditor((state) => state.canRedo);
  const hasSelection = useEditor((state) => state.selectedNodeIds.length > 0);
  const actions = useActions();
  const store = useEditorStore();
  const importInput = useRef<HTMLInputElement>(null);

  const exportWorkflow = () => {
    const text = actions.exportWorkflow();
    saveBlob(new Blob([text], { type: 'application/json' }), fileNameOf(name));
  };
  const exportSpark = () => {
    try {
      const script = exportPySpark(store.getState().workflow);
      saveBlob(
        new Blob([script], { type: 'text/x-python' }),
        fileNameOf(name).replace(/\.json$/, '.py'),
      );
    } catch (error) {
      actions.showNotice({ text: messageOf(error), tone: 'error' });
    }
  };
  const importWorkflow = async (file: File | undefined) => {
    if (file) actions.importWorkflow(await file.text());
  };

  return (
    <header className="toolbar">
      <h1>
        recflow <span className="workflow-name">{name}</span>
      </h1>
      <div className="toolbar-actions" role="toolbar" aria-label="Workflow">
        <button type="button" onClick={actions.newWorkflow} disabled={running}>
          New
        </button>
        <button type="button" onClick={() => importInput.current?.click()} disabled={running}>
          Import
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          aria-label="Workflow file"
          hidden
          onChange={(event) => {
            void importWorkflow(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <button type="button" onClick={exportWorkflow}>
          Export
        </button>
        <button
          type="button"
          onClick={exportSpark}
          title="A PySpark script that runs this workflow on a Spark cluster"
        >
          Download PySpark job
        </button>
        <select
          aria-label="Open a demo"
          value=""
          disabled={running}
          onChange={(event) => {
            const demo = demos.find((candidate) => candidate.name === event.target.value);
            if (demo) actions.openWorkflow(demo.open());
          }}
        >
          <option value="">Demos…</option>
          {demos.map((demo) => (
            <option key={demo.name}>{demo.name}</option>
          ))}
        </select>
        <span className="separator" />
        <button type="button" onClick={actions.undo} disabled={!canUndo} title="Ctrl+Z">
          Undo
        </button>
        <button type="button" onClick={actions.redo} disabled={!canRedo} title="Ctrl+Shift+Z">
          Redo
        </button>
        <button type="button" onClick={actions.layout}>
          Auto-layout
        </button>
        <span className="separator" />
        <button
          type="button"
          className="primary"
          onClick={() => void actions.run()}
          disabled={running}
        >
          Run
        </button>
        <button
          type="button"
          onClick={() => void actions.run(store.getState().selectedNodeIds)}
          disabled={running || !hasSelection}
        >
          Run selected
        </button>
        <button type="button" onClick={actions.stop} disabled={!running}>
          Stop
        </button>
        <button type="button" onClick={onShowShortcuts} aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </header>
  );
}
