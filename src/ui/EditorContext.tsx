import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../store/editorStore.ts';

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (store === null) throw new Error('[recflow] the editor needs an EditorContext provider.');
  return store;
}

/** Reads a slice of the editor's state; pick narrowly, so components re-render only on change. */
export function useEditor<T>(select: (state: EditorState) => T): T {
  return useStore(useEditorStore(), select);
}

/** The editor's actions. They never change, so reading them subscribes to nothing. */
export function useActions(): EditorState {
  return useEditorStore().getState();
}

/** The node whose form and results the panels show: the one selected last. */
export function focusedNodeId(state: EditorState): string | null {
  return state.selectedNodeIds.at(-1) ?? null;
}
