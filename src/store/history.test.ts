import { describe, expect, it } from 'vitest';
import { History } from './history.ts';

describe('history', () => {
  it('undoes and redoes changes in order', () => {
    const history = new History<string>();
    history.record('a');
    history.record('b');
    expect(history.undo('c')).toBe('b');
    expect(history.undo('b')).toBe('a');
    expect(history.undo('a')).toBeUndefined();
    expect(history.redo('a')).toBe('b');
    expect(history.redo('b')).toBe('c');
    expect(history.redo('c')).toBeUndefined();
  });

  it('makes one step of quick changes under the same key, such as a drag', () => {
    const history = new History<number>();
    history.record(0, 'move:n1', 1000);
    history.record(1, 'move:n1', 1100);
    history.record(2, 'move:n1', 1200);
    expect(history.undo(3)).toBe(0);
    expect(history.canUndo).toBe(false);
  });

  it('starts a new step after a pause, a different key or no key', () => {
    const history = new History<number>();
    history.record(0, 'param:rank', 0);
    history.record(1, 'param:rank', 5000);
    history.record(2, 'param:alpha', 5100);
    history.record(3);
    history.record(4);
    expect([history.undo(5), history.undo(4), history.undo(3), history.undo(2)]).toEqual([
      4, 3, 2, 1,
    ]);
    expect(history.undo(1)).toBe(0);
  });

  it('forgets the redo steps when a new change is made', () => {
    const history = new History<string>();
    history.record('a');
    history.undo('b');
    history.record('a');
    expect(history.canRedo).toBe(false);
  });

  it('keeps at most its limit of steps', () => {
    const history = new History<number>(3);
    for (let step = 0; step < 10; step++) history.record(step);
    expect([history.undo(10), history.undo(9), history.undo(8), history.undo(7)]).toEqual([
      9,
      8,
      7,
      undefined,
    ]);
  });

  it('does not merge a change after an undo into the step before it', () => {
    const history = new History<number>();
    history.record(0, 'param:rank', 0);
    expect(history.undo(1)).toBe(0);
    history.record(0, 'param:rank', 10);
    expect(history.undo(2)).toBe(0);
  });
});
