import { useEffect } from 'react';
import { useEditorStore } from './EditorContext.tsx';
import { isTyping, shortcuts } from './shortcuts.ts';

/** Listens for the editor's shortcuts anywhere on the page except while typing. */
export function useShortcuts(): void {
  const store = useEditorStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const shortcut = shortcuts.find((candidate) => candidate.matches(event));
      if (shortcut === undefined) return;
      event.preventDefault();
      shortcut.run(store.getState());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
