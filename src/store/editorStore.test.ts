import { describe, expect, it } from 'vitest';
import { keyedRecord } from '../core/keyedRecord.ts';
import { trainAndScoreDemo } from '../core/workflow/demos.ts';
import { serializeWorkflow } from '../core/workflow/format.ts';
import type { WorkerHost } from '../worker/client.ts';
import { autosaveDelayMs } from './autosave.ts';
import { createEditorStore, type NodeRun } from './editorStore.ts';
import { memoryStorage, type WorkspaceStorage } from './storage.ts';

/** A worker that is never asked anything in these tests. */
const idleWorker = {
  api: {},
  isAlive: async () => true,
  restart: () => {},
} as unknown as WorkerHost;

const settle = () => new Promise((resolve) => setTimeout(resolve, autosaveDelayMs + 100));

function editor(storage: WorkspaceStorage) {
  return createEditorStore({ worker: idleWorker, workflow: trainAndScoreDemo(), storage });
}

describe('the editor store', () => {
  it('saves the draft shortly after a change', async () => {
    const storage = memoryStorage();
    const store = editor(storage);
    store.getState().setParam('demo-als', 'rank', 4);
    await settle();
    expect(await storage.loadDraft()).toContain('"rank": 4');
  });

  it('saves a pending change at once when asked, as the page goes away', async () => {
    const storage = memoryStorage();
    const store = editor(storage);
    store.getState().setParam('demo-als', 'rank', 4);
    store.getState().saveNow();
    await Promise.resolve();
    expect(await storage.loadDraft()).toContain('"rank": 4');
  });

  it('tells the user when the browser refuses to store the draft, e.g. over quota', async () => {
    const full: WorkspaceStorage = {
      ...memoryStorage(),
      saveDraft: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const store = editor(full);
    store.getState().setParam('demo-als', 'rank', 4);
    await settle();
    expect(store.getState().notice).toEqual({
      text:
        'Could not save your work in this browser (The quota has been exceeded.). ' +
        'Export the workflow to keep a copy.',
      tone: 'error',
    });
    expect(store.getState().workflow.nodes[1].params).toEqual({ rank: 4 });
  });

  it('makes an edited node and everything after it stale, and undo brings the edit back', () => {
    const store = editor(memoryStorage());
    store.setState({
      runs: {
        'demo-read-ratings': { status: 'completed' },
        'demo-als': { status: 'completed' },
        'demo-fit': { status: 'completed' },
        'demo-transform': { status: 'completed' },
      },
    });
    store.getState().setParam('demo-als', 'rank', 4);
    expect(Object.keys(store.getState().runs)).toEqual(['demo-read-ratings']);

    store.getState().undo();
    expect(store.getState().workflow.nodes[1].params).toEqual({});
    store.getState().redo();
    expect(store.getState().workflow.nodes[1].params).toEqual({ rank: 4 });
  });

  it('refuses a bad workflow file and keeps the current workflow', () => {
    const store = editor(memoryStorage());
    const before = store.getState().workflow;
    expect(store.getState().importWorkflow('{"workflow": []}')).toBe(false);
    expect(store.getState().workflow).toBe(before);
    expect(store.getState().notice?.text).toContain('recflow can open');
  });

  it('keeps the runs and problems of nodes whose ids are names objects inherit', () => {
    const renamed: Record<string, string> = {
      'demo-read-ratings': '__proto__',
      'demo-als': 'constructor',
      'demo-fit': 'toString',
      'demo-transform': 'hasOwnProperty',
    };
    const rename = (text: string) =>
      Object.entries(renamed).reduce(
        (out, [from, to]) => out.replaceAll(`"${from}"`, `"${to}"`),
        text,
      );
    const store = editor(memoryStorage());
    const file = rename(serializeWorkflow(trainAndScoreDemo())).replace(
      '"parameters": {}',
      '"parameters": {"rank": 0}',
    );
    expect(store.getState().importWorkflow(file)).toBe(true);

    const { runs, problems, files } = store.getState();
    for (const id of Object.values(renamed)) expect(runs[id], id).toBeUndefined();
    expect(files.constructor).toBeUndefined();
    expect(problems.constructor).toEqual([expect.stringContaining('rank')]);
    expect(problems.toString).toBeUndefined();

    const finished = keyedRecord<NodeRun>();
    for (const id of ['__proto__', 'toString']) finished[id] = { status: 'completed' };
    store.setState({ runs: finished });
    store.getState().setParam('constructor', 'rank', 3);
    expect(Object.keys(store.getState().runs)).toEqual(['__proto__']);
    expect(({} as { status?: string }).status).toBeUndefined();
  });
});

describe('autosave during a stream of changes', () => {
  it('saves within its delay of the first change even while changes keep coming', async () => {
    const storage = memoryStorage();
    const store = editor(storage);
    store.getState().setParam('demo-als', 'rank', 4);
    // Progress events arrive every 20 ms for longer than the delay.
    for (let step = 0; step < 25; step++) {
      store.setState({ runs: { 'demo-fit': { status: 'running' } } });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await storage.loadDraft()).toContain('"rank": 4');
  });
});
