import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../store/editorStore.ts';

export const EditorContext = createContext<EditorStore | null>(null);

/** Reads a slice of the editor's state; pick narrowly so components re-render only when it changes. */
export function useEditor<T>(select: (state: EditorState) => T): T {
  const store = useContext(EditorContext);
  if (store === null) throw new Error('[recflow] useEditor needs an EditorContext provider.');
  return useStore(store, select);
}

/**
 * The editor's actions. They never change, so reading them does not subscribe to anything.
 */
export function useActions(): EditorState {
  const store = useContext(EditorContext);
  if (store === null) throw new Error('[recflow] useActions needs an EditorContext provider.');
  return store.getState();
}
