import { createStore, entries, get, set } from 'idb-keyval';
import type { NodeRun } from './editorStore.ts';
import { withLocalStorage } from './localStorage.ts';
import type { WorkspaceStorage } from './storage.ts';

/** Where a draft saved as the page goes away waits until IndexedDB holds it too. */
const exitDraftKey = 'recflow.draft-at-exit';

/**
 * The workspace in IndexedDB: one database, drafts and results in one store, files in
 * another. A page that is going away cannot count on an IndexedDB write to finish, so the
 * draft saved then also goes to localStorage, which writes at once; it wins on the next load
 * and is dropped once IndexedDB has saved a later draft.
 */
export function indexedDbStorage(): WorkspaceStorage {
  const workspace = createStore('recflow', 'workspace');
  const files = createStore('recflow-files', 'files');

  return {
    async saveDraft(text) {
      await set('draft', text, workspace);
      withLocalStorage((local) => local.removeItem(exitDraftKey));
    },
    saveDraftAtExit(text) {
      // Over localStorage's few megabytes, the IndexedDB write that follows may still land.
      withLocalStorage((local) => local.setItem(exitDraftKey, text));
    },
    loadDraft: async () =>
      withLocalStorage((local) => local.getItem(exitDraftKey)) ?? get<string>('draft', workspace),
    saveFile: (name, blob) => set(name, blob, files),
    async loadFiles() {
      const stored = await entries<string, Blob>(files);
      return new Map(stored);
    },
    saveResults: (results) => set('results', results, workspace),
    loadResults: async () => (await get<Record<string, NodeRun>>('results', workspace)) ?? {},
  };
}
