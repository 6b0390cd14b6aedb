import type { StoreApi } from 'zustand/vanilla';
import { messageOf } from '../core/errors.ts';
import { serializeWorkflow } from '../core/workflow/format.ts';
import type { EditorState, Notice } from './editorStore.ts';
import { knowledgeOf, problemsOf } from './knowledge.ts';
import type { WorkspaceStorage } from './storage.ts';
import { nodesWithChangedInputs } from './workflowEdits.ts';

/** Within this long after a change, the draft is in storage. */
export const autosaveDelayMs = 300;

/** What the user is told when the browser refuses to store their work (e.g. quota full). */
export function storageProblem(error: unknown): Notice {
  return {
    text:
      `Could not save your work in this browser (${messageOf(error)}). ` +
      'Export the workflow to keep a copy.',
    tone: 'error',
  };
}

/**
 * Keeps the derived knowledge current, and saves the draft workflow and the summaries of
 * finished results shortly after every change. Returns a function that saves a pending
 * change at once, for when the page is about to go away.
 */
export function deriveAndAutosave(
  store: StoreApi<EditorState>,
  storage: WorkspaceStorage,
): () => void {
  const derive = ({ workflow, runs }: EditorState) => {
    const knowledge = knowledgeOf(workflow, runs);
    store.setState({ knowledge, problems: problemsOf(knowledge) });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    const { workflow, runs } = store.getState();
    const finished = Object.fromEntries(
      Object.entries(runs)
        .filter(([, run]) => run.status === 'completed')
        .map(([id, run]) => [id, { status: run.status, outputs: run.outputs, restored: true }]),
    );
    Promise.all([
      storage.saveDraft(serializeWorkflow(workflow)),
      storage.saveResults(finished),
    ]).catch((error: unknown) => store.setState({ notice: storageProblem(error) }));
  };

  store.subscribe((state, previous) => {
    if (state.workflow === previous.workflow && state.runs === previous.runs) return;
    // Moving or renaming nodes changes no knowledge; skipping it keeps drags smooth.
    const reshaped =
      state.workflow.nodes.length !== previous.workflow.nodes.length ||
      state.workflow.connections !== previous.workflow.connections ||
      nodesWithChangedInputs(previous.workflow, state.workflow).length > 0;
    if (reshaped || state.runs !== previous.runs) derive(state);
    // At most this long after the first unsaved change: a stream of changes (progress while
    // training) must not put saving off for ever.
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      save();
    }, autosaveDelayMs);
  });
  derive(store.getState());

  return () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    try {
      storage.saveDraftAtExit(serializeWorkflow(store.getState().workflow));
    } catch {
      // The page is going away: there is no one left to tell.
    }
    save();
  };
}
