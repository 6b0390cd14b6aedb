import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreWorkspace } from './store/restore.ts';
import { App } from './ui/App.tsx';
import { EditorContext } from './ui/EditorContext.tsx';
import { startWorkerHost } from './worker/client.ts';

const store = await restoreWorkspace(startWorkerHost());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorContext.Provider value={store}>
      <App />
    </EditorContext.Provider>
  </StrictMode>,
);
