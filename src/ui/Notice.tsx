import { useActions, useEditor } from './EditorContext.tsx';

/** Tells the user what just went wrong (a refused edge, a failed run) until dismissed. */
export function Notice() {
  const notice = useEditor((state) => state.notice);
  const { showNotice } = useActions();
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.tone}`}>
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => showNotice(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
