import type { EditorState } from '../store/editorStore.ts';

export interface Shortcut {
  keys: string;
  what: string;
  matches: (event: KeyboardEvent) => boolean;
  run: (editor: EditorState) => void;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent, name: string) => event.key.toLowerCase() === name;

/** The editor's keyboard shortcuts; the overview dialog lists them from here. */
export const shortcuts: Shortcut[] = [
  {
    keys: 'Ctrl/Cmd+Z',
    what: 'Undo',
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    run: (editor) => editor.undo(),
  },
  {
    keys: 'Ctrl/Cmd+Shift+Z or Ctrl+Y',
    what: 'Redo',
    matches: (e) => (mod(e) && e.shiftKey && key(e, 'z')) || (e.ctrlKey && key(e, 'y')),
    run: (editor) => editor.redo(),
  },
  {
    keys: 'Ctrl/Cmd+C',
    what: 'Copy the selected nodes',
    matches: (e) => mod(e) && key(e, 'c'),
    run: (editor) => editor.copy(),
  },
  {
    keys: 'Ctrl/Cmd+V',
    what: 'Paste',
    matches: (e) => mod(e) && key(e, 'v'),
    run: (editor) => editor.paste(),
  },
  {
    keys: 'Ctrl/Cmd+D',
    what: 'Duplicate the selected nodes',
    matches: (e) => mod(e) && key(e, 'd'),
    run: (editor) => editor.duplicate(),
  },
  {
    keys: 'Ctrl/Cmd+A',
    what: 'Select everything',
    matches: (e) => mod(e) && key(e, 'a'),
    run: (editor) => editor.selectAll(),
  },
  {
    keys: 'Delete or Backspace',
    what: 'Delete the selected nodes and edges',
    matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    run: (editor) => editor.deleteSelection(),
  },
  {
    keys: 'Shift+Click, Shift+Drag',
    what: 'Select several nodes',
    matches: () => false,
    run: () => {},
  },
  {
    keys: 'Enter on a palette item',
    what: 'Add the operation at the centre of the view',
    matches: () => false,
    run: () => {},
  },
  {
    keys: 'Arrow keys on a selected node',
    what: 'Move it',
    matches: () => false,
    run: () => {},
  },
];

/** Typing in a field must not trigger canvas shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
