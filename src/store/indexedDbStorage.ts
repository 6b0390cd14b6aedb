import { createStore, entries, get, set } from 'idb-keyval';
import type { NodeRun } from './editorStore.ts';
import type { WorkspaceStorage } from './storage.ts';

/** The workspace in IndexedDB: one database, drafts and results in one store, files in another. */
export function indexedDbStorage(): WorkspaceStorage {
  const workspace = createStore('recflow', 'workspace');
  const files = createStore('recflow-files', 'files');

  return {
    saveDraft: (text) => set('draft', text, workspace),
    loadDraft: () => get<string>('draft', workspace),
    saveFile: (name, blob) => set(name, blob, files),
    async loadFiles() {
      const stored = await entries<string, Blob>(files);
      return new Map(stored);
    },
    saveResults: (results) => set('results', results, workspace),
    loadResults: async () => (await get<Record<string, NodeRun>>('results', workspace)) ?? {},
  };
}
