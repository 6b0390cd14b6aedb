import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { Canvas } from './canvas/Canvas.tsx';
import { useActions } from './EditorContext.tsx';
import { Notice } from './Notice.tsx';
import { Palette } from './Palette.tsx';
import { ParameterPanel } from './panel/ParameterPanel.tsx';
import { ResultsPanel } from './results/ResultsPanel.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useShortcuts } from './useShortcuts.ts';

function Editor() {
  const { addNode } = useActions();
  const { screenToFlowPosition } = useReactFlow();
  const [showShortcuts, setShowShortcuts] = useState(false);
  useShortcuts();

  const addAtCentre = (operationId: string) => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = canvas
      ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
      : { x: 0, y: 0 };
    addNode(operationId, screenToFlowPosition(centre));
  };

  return (
    <div className="app">
      <Toolbar onShowShortcuts={() => setShowShortcuts(true)} />
      <Notice />
      <main className="workspace">
        <Palette onAdd={addAtCentre} />
        <div className="centre">
          <Canvas />
          <ResultsPanel />
        </div>
        <ParameterPanel />
      </main>
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
