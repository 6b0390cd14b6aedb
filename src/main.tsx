import '@xyflow/react/dist/style.css';
import './ui/styles/theme.css';
import './ui/styles/shell.css';
import './ui/styles/canvas.css';
import './ui/styles/forms.css';
import './ui/styles/results.css';
import './ui/styles/dialogs.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreWorkspace } from './store/restore.ts';
import { App } from './ui/App.tsx';
import { EditorContext } from './ui/EditorContext.tsx';
import { startWorkerHost } from './worker/client.ts';

const store = await restoreWorkspace(startWorkerHost());

// A reload or a closed tab can come sooner than autosave: what is pending is saved as it goes.
addEventListener('pagehide', () => store.getState().saveNow());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.getState().saveNow();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorContext.Provider value={store}>
      <App />
    </EditorContext.Provider>
  </StrictMode>,
);
