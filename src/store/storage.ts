import type { NodeRun } from './editorStore.ts';

/**
 * Where the workspace survives a reload: the draft workflow, the uploaded files and the
 * summaries of finished results. The browser keeps them in IndexedDB; tests in memory.
 */
export interface WorkspaceStorage {
  saveDraft(workflowFile: string): Promise<void>;
  /** Saves the draft as the page goes away, when only a synchronous write is sure to land. */
  saveDraftAtExit(workflowFile: string): void;
  loadDraft(): Promise<string | undefined>;
  saveFile(name: string, blob: Blob): Promise<void>;
  loadFiles(): Promise<Map<string, Blob>>;
  saveResults(results: Record<string, NodeRun>): Promise<void>;
  loadResults(): Promise<Record<string, NodeRun>>;
}

/** Keeps everything in memory: for tests, and where IndexedDB is unavailable. */
export function memoryStorage(): WorkspaceStorage {
  let draft: string | undefined;
  let results: Record<string, NodeRun> = {};
  const files = new Map<string, Blob>();
  return {
    saveDraft: async (text) => {
      draft = text;
    },
    saveDraftAtExit: (text) => {
      draft = text;
    },
    loadDraft: async () => draft,
    saveFile: async (name, blob) => {
      files.set(name, blob);
    },
    loadFiles: async () => new Map(files),
    saveResults: async (saved) => {
      results = saved;
    },
    loadResults: async () => results,
  };
}
