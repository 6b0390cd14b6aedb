import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoRatingsFile, trainAndScoreDemo } from './core/workflow/demos.ts';
import { createEditorStore } from './store/editorStore.ts';
import { App } from './ui/App.tsx';
import { EditorContext } from './ui/EditorContext.tsx';
import { startWorker } from './worker/client.ts';

const worker = startWorker();
const store = createEditorStore(worker, trainAndScoreDemo());

// The demo reads Spark's sample ratings, bundled with the app.
void fetch(`${import.meta.env.BASE_URL}data/${demoRatingsFile}`)
  .then((response) => response.blob())
  .then((blob) => store.getState().registerFile(demoRatingsFile, blob));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorContext.Provider value={store}>
      <App />
    </EditorContext.Provider>
  </StrictMode>,
);
