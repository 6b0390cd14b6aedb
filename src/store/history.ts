/**
 * Undo and redo over immutable snapshots of the document. Snapshots share structure, so a
 * step costs only what changed. One step per user gesture: changes recorded with the same
 * coalescing key in quick succession (a drag, typing into one field) make a single step.
 */
export class History<Snapshot> {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];
  private lastKey: string | undefined;
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit = 200,
    private readonly coalesceMs = 1000,
  ) {}

  /** Call with the document as it is before a change. */
  record(before: Snapshot, coalesceKey?: string, now = Date.now()): void {
    const continues =
      coalesceKey !== undefined &&
      coalesceKey === this.lastKey &&
      now - this.lastTime < this.coalesceMs;
    this.lastKey = coalesceKey;
    this.lastTime = now;
    this.future = [];
    if (continues) return;

    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
  }

  /** The snapshot to go back to, given the current one; undefined when there is none. */
  undo(current: Snapshot): Snapshot | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(current);
    this.lastKey = undefined;
    return previous;
  }

  redo(current: Snapshot): Snapshot | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(current);
    this.lastKey = undefined;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = undefined;
  }
}
