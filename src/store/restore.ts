import { messageOf } from '../core/errors.ts';
import { demoRatingsFile, trainAndScoreDemo } from '../core/workflow/demos.ts';
import { parseWorkflow } from '../core/workflow/format.ts';
import type { WorkerHost } from '../worker/client.ts';
import { createEditorStore, type EditorStore, type NodeRun } from './editorStore.ts';
import { indexedDbStorage } from './indexedDbStorage.ts';
import { memoryStorage, type WorkspaceStorage } from './storage.ts';

/**
 * Opens the workspace as the user left it: the draft workflow, the uploaded files and the
 * summaries of finished results. A first visit opens the demo on the bundled sample ratings.
 */
export async function restoreWorkspace(worker: WorkerHost): Promise<EditorStore> {
  let storage: WorkspaceStorage = indexedDbStorage();
  let saved: [string | undefined, Map<string, Blob>, Record<string, NodeRun>];
  let problem: string | null = null;
  try {
    saved = await Promise.all([storage.loadDraft(), storage.loadFiles(), storage.loadResults()]);
  } catch (error) {
    // Private windows or disabled storage: work on, but say that nothing will be kept.
    storage = memoryStorage();
    saved = [undefined, new Map(), {}];
    problem = `This browser does not let recflow keep your work (${messageOf(error)}).`;
  }
  const [draft, files, results] = saved;

  let workflow = trainAndScoreDemo();
  let restoredRuns: Record<string, NodeRun> = {};
  if (draft !== undefined) {
    try {
      workflow = parseWorkflow(draft);
      restoredRuns = results;
    } catch (error) {
      problem = `The saved draft could not be read (${messageOf(error)}); the demo opened instead.`;
    }
  }

  const store = createEditorStore({ worker, workflow, storage, restoredRuns });
  if (problem !== null) store.getState().showNotice({ text: problem, tone: 'error' });

  const { registerFile } = store.getState();
  await Promise.all([...files].map(([name, blob]) => registerFile(name, blob, { persist: false })));
  if (!files.has(demoRatingsFile)) {
    // The sample ships with the app, so it is fetched again rather than stored.
    const response = await fetch(`${import.meta.env.BASE_URL}data/${demoRatingsFile}`);
    if (response.ok) await registerFile(demoRatingsFile, await response.blob(), { persist: false });
  }
  await store
    .getState()
    .findResumable()
    .catch(() => {});
  return store;
}
