/** What a progress bar shows: a label, how far along (0..1), and a short detail after it. */
export interface ProgressUpdate {
  label: string;
  fraction: number;
  detail?: string;
}

export interface ProgressBar {
  update(progress: ProgressUpdate): void;
  /** Clears the bar so that the next line of output starts clean. */
  finish(): void;
}

const barWidth = 28;
/** Redraws at most this often; a redraw per CSV chunk would cost more than the parse. */
const redrawEveryMs = 80;

/**
 * A one-line progress bar on stderr, redrawn in place. When stderr is not a terminal (a pipe,
 * a file, a test) it draws nothing at all, so logs and captured output stay clean.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, finish() {} };

  let lastDrawn = 0;
  let lastLabel = '';
  let drawn = false;
  return {
    update({ label, fraction, detail }) {
      const now = performance.now();
      const due = fraction >= 1 || label !== lastLabel || now - lastDrawn >= redrawEveryMs;
      if (!due) return;
      lastDrawn = now;
      lastLabel = label;

      const clamped = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(clamped * barWidth);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
      const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
      const line = `${label} ${bar} ${percent}${detail ? `  ${detail}` : ''}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
