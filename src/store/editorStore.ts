import { createStore } from 'zustand/vanilla';
import { messageOf } from '../core/errors.ts';
import { keyedRecord } from '../core/keyedRecord.ts';
import type { NodeProgress, OperationDescriptor } from '../core/operation.ts';
import { operationById } from '../core/operations/catalog.ts';
import type { NodeStatus, RunEvent } from '../core/run/executor.ts';
import type { DataFramePreview, PortSummary } from '../core/run/summary.ts';
import { connectionProblem } from '../core/workflow/connect.ts';
import { parseWorkflow, serializeWorkflow } from '../core/workflow/format.ts';
import type { NodeKnowledge } from '../core/workflow/knowledge.ts';
import {
  type Connection,
  connectionKey,
  descendantsOf,
  type PortRef,
  type Position,
  type Workflow,
} from '../core/workflow/model.ts';
import { proxy, type WorkerHost } from '../worker/client.ts';
import { deriveAndAutosave, storageProblem } from './autosave.ts';
import { copyFragment, type Fragment, pasteFragment } from './clipboard.ts';
import { History } from './history.ts';
import { layoutWorkflow } from './layout.ts';
import type { WorkspaceStorage } from './storage.ts';
import { watchWorker, workerLost } from './watchdog.ts';
import * as edits from './workflowEdits.ts';

/** What the editor shows about one node's last run. */
export interface NodeRun {
  status: NodeStatus;
  progress?: NodeProgress;
  message?: string;
  outputs?: PortSummary[];
  /** A completed node whose earlier result was kept because nothing it depends on changed. */
  reused?: boolean;
  durationMs?: number;
  /** Interrupted training that can go on from a checkpoint after this iteration. */
  resumeAfter?: number;
  /** Restored from an earlier session: shown, but its data must be computed again. */
  restored?: boolean;
}

export interface UploadedFile {
  name: string;
  size: number;
}

export interface Notice {
  text: string;
  tone: 'error' | 'info';
}

export interface EditorState {
  workflow: Workflow;
  runs: Record<string, NodeRun>;
  files: Record<string, UploadedFile>;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  notice: Notice | null;
  running: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Derived from the workflow and the runs whenever either changes. */
  knowledge: Map<string, NodeKnowledge>;
  problems: Record<string, string[]>;

  /**
   * Adds a node; with `link`, also connects it to that port of an existing node: to an
   * output (`fromOutput`), through the new node's first input of that type, or the reverse.
   */
  addNode(operationId: string, position: Position, link?: PortLink): string;
  moveNodes(positions: Map<string, Position>): void;
  removeNodes(ids: string[]): void;
  /** Adds the edge, or returns why it cannot be added (and shows it). */
  connect(connection: Connection): string | null;
  disconnect(keys: string[]): void;
  /**
   * Sets what feeds an input in one step: the edge from `from`, or none. The keyboard's way
   * to connect ports.
   */
  rewire(to: PortRef, from: PortRef | null): string | null;
  setParam(nodeId: string, name: string, value: unknown): void;
  renameNode(nodeId: string, label: string): void;
  select(nodeIds: string[], edgeIds?: string[]): void;
  selectAll(): void;
  deleteSelection(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  layout(): void;
  showNotice(notice: Notice | null): void;
  uploadFile(nodeId: string, file: Blob & { name: string }): Promise<void>;
  registerFile(name: string, blob: Blob, options?: { persist?: boolean }): Promise<void>;
  /** Replaces the workflow with one read from a file; a bad file changes nothing. */
  importWorkflow(text: string): boolean;
  exportWorkflow(): string;
  newWorkflow(): void;
  /** Asks the worker which nodes can resume from a checkpoint, and offers it on them. */
  findResumable(): Promise<void>;
  /** Opens a workflow as one undoable step, e.g. a demo. */
  openWorkflow(workflow: Workflow): void;
  /** Saves a change that autosave has not saved yet, as the page goes away. */
  saveNow(): void;
  run(targets?: string[]): Promise<void>;
  stop(): void;
  csvOf(nodeId: string, portIndex: number): Promise<Blob>;
  /** Rows of a node's output DataFrame whose `column` holds `value`. */
  findRows(
    nodeId: string,
    portIndex: number,
    column: string,
    value: string,
  ): Promise<DataFramePreview>;
}

/** An existing port that a new node should connect to. */
export interface PortLink {
  end: PortRef;
  fromOutput: boolean;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

interface StoreOptions {
  worker: WorkerHost;
  workflow: Workflow;
  storage: WorkspaceStorage;
  /** Summaries of results from an earlier session. */
  restoredRuns?: Record<string, NodeRun>;
}

/** The edge between an existing port and the first fitting port of a new node. */
function linkTo(
  workflow: Workflow,
  newNodeId: string,
  operation: OperationDescriptor,
  { end, fromOutput }: PortLink,
): Connection | undefined {
  const existing = workflow.nodes.find((node) => node.id === end.nodeId);
  const existingOperation = existing && operationById(existing.operationId);
  const type = (fromOutput ? existingOperation?.outputs : existingOperation?.inputs)?.[
    end.portIndex
  ]?.type;
  const ports = fromOutput ? operation.inputs : operation.outputs;
  const portIndex = ports.findIndex((port) => port.type === type);
  if (portIndex < 0) return undefined;
  const created = { nodeId: newNodeId, portIndex };
  return fromOutput ? { from: end, to: created } : { from: created, to: end };
}

const lostMessage =
  'The worker running this node stopped unexpectedly (it may have run out of memory). ' +
  'Your workflow and files are safe: press Run to try again, or reduce the data or the rank.';
const pasteOffset = 40;

export function createEditorStore({ worker, workflow, storage, restoredRuns = {} }: StoreOptions) {
  const history = new History<Workflow>();
  let clipboard: Fragment | null = null;
  /** The uploaded files, to hand to a new worker if the current one dies. */
  const uploaded = new Map<string, { blob: Blob; fingerprint: string }>();
  let pastes = 0;
  let flushAutosave = () => {};

  const store = createStore<EditorState>()((set, get) => {
    const warnStorage = (error: unknown) => set({ notice: storageProblem(error) });

    /** Shows `after`, making stale every result the change may have altered. */
    const show = (before: Workflow, after: Workflow) => {
      const runs = keyedRecord(get().runs);
      const present = new Set(after.nodes.map((node) => node.id));
      for (const id of Object.keys(runs)) if (!present.has(id)) delete runs[id];
      for (const id of edits.nodesWithChangedInputs(before, after)) {
        for (const stale of descendantsOf(after, id)) delete runs[stale];
      }
      const selectedNodeIds = get().selectedNodeIds.filter((id) => present.has(id));
      set({
        workflow: after,
        runs,
        selectedNodeIds,
        canUndo: history.canUndo,
        canRedo: history.canRedo,
      });
    };

    /** Applies an edit as one undoable step (or part of one, with a coalescing key). */
    const commit = (change: (workflow: Workflow) => Workflow, coalesce?: string) => {
      const before = get().workflow;
      const after = change(before);
      if (after === before) return;
      history.record(before, coalesce);
      show(before, after);
    };

    /**
     * The worker died mid-run (out of memory, or killed). What was running fails with a
     * message; finished results keep their summaries; a fresh worker gets the files back.
     */
    const recoverFromLostWorker = async () => {
      const runs = keyedRecord<NodeRun>();
      for (const [id, run] of Object.entries(get().runs)) {
        if (run.status === 'completed') runs[id] = { ...run, restored: true };
        else if (run.status === 'running') runs[id] = { status: 'failed', message: lostMessage };
        else if (run.status !== 'queued') runs[id] = run;
      }
      set({ runs, notice: { text: lostMessage, tone: 'error' } });
      worker.restart();
      await Promise.all(
        [...uploaded].map(([name, file]) => worker.api.putFile(name, file.blob, file.fingerprint)),
      );
    };

    const applyRunEvent = (event: RunEvent) => {
      const runs = keyedRecord(get().runs);
      if (event.status === 'draft') delete runs[event.nodeId];
      else if (event.status === 'queued' || event.status === 'aborted') {
        runs[event.nodeId] = { status: event.status };
      } else runs[event.nodeId] = event;
      set({ runs });
    };

    return {
      workflow,
      runs: keyedRecord(restoredRuns),
      files: keyedRecord<UploadedFile>(),
      selectedNodeIds: [],
      selectedEdgeIds: [],
      notice: null,
      running: false,
      canUndo: false,
      canRedo: false,
      knowledge: new Map(),
      problems: keyedRecord<string[]>(),

      addNode(operationId, position, link) {
        const operation = operationById(operationId);
        if (operation === undefined) throw new Error(`[recflow] unknown operation ${operationId}`);
        const node = edits.newNode(operation, position);
        commit((current) => {
          const added = edits.addNodes(current, [node]);
          const connection = link && linkTo(current, node.id, operation, link);
          return connection ? edits.addConnection(added, connection) : added;
        });
        set({ selectedNodeIds: [node.id], selectedEdgeIds: [] });
        return node.id;
      },

      moveNodes(positions) {
        commit((current) => edits.moveNodes(current, positions), `move:${[...positions.keys()]}`);
      },

      removeNodes(ids) {
        commit((current) => edits.removeNodes(current, new Set(ids)));
        void worker.api.forget(ids);
      },

      connect(connection) {
        const problem = connectionProblem(get().workflow, connection);
        if (problem !== null) {
          set({ notice: { text: problem, tone: 'error' } });
          return problem;
        }
        commit((current) => edits.addConnection(current, connection));
        set({ notice: null });
        return null;
      },

      rewire(to, from) {
        const current = get().workflow;
        const detached = current.connections.filter(
          (edge) => !(edge.to.nodeId === to.nodeId && edge.to.portIndex === to.portIndex),
        );
        const without = { ...current, connections: detached };
        if (from === null) {
          commit(() => without);
          return null;
        }
        const problem = connectionProblem(without, { from, to });
        if (problem !== null) {
          set({ notice: { text: problem, tone: 'error' } });
          return problem;
        }
        commit(() => edits.addConnection(without, { from, to }));
        return null;
      },

      disconnect(keys) {
        commit((current) => edits.removeConnections(current, new Set(keys)));
      },

      setParam(nodeId, name, value) {
        commit(
          (current) => edits.setParam(current, nodeId, name, value),
          `param:${nodeId}:${name}`,
        );
        // A reader reads again at once, so the forms downstream list the columns it now finds.
        const node = get().workflow.nodes.find((candidate) => candidate.id === nodeId);
        const reads =
          node && operationById(node.operationId)?.params.find((p) => p.kind === 'file');
        if (reads && typeof node.params[reads.name] === 'string' && name !== reads.name) {
          void get().run([nodeId]);
        }
      },

      renameNode(nodeId, label) {
        commit(
          (current) => edits.updateNode(current, nodeId, (node) => ({ ...node, label })),
          `rename:${nodeId}`,
        );
      },

      select(nodeIds, edgeIds = []) {
        set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
      },

      selectAll() {
        const { nodes, connections } = get().workflow;
        set({
          selectedNodeIds: nodes.map((node) => node.id),
          selectedEdgeIds: connections.map(connectionKey),
        });
      },

      deleteSelection() {
        const { selectedNodeIds, selectedEdgeIds } = get();
        const nodes = new Set(selectedNodeIds);
        commit((current) =>
          edits.removeNodes(edits.removeConnections(current, new Set(selectedEdgeIds)), nodes),
        );
        set({ selectedNodeIds: [], selectedEdgeIds: [] });
      },

      copy() {
        const { workflow: current, selectedNodeIds } = get();
        if (selectedNodeIds.length === 0) return;
        clipboard = copyFragment(current, new Set(selectedNodeIds));
        pastes = 0;
      },

      paste() {
        if (clipboard === null) return;
        pastes += 1;
        const pasted = pasteFragment(clipboard, pasteOffset * pastes);
        commit((current) => ({
          ...edits.addNodes(current, pasted.nodes),
          connections: [...current.connections, ...pasted.connections],
        }));
        set({ selectedNodeIds: pasted.nodes.map((node) => node.id), selectedEdgeIds: [] });
      },

      duplicate() {
        get().copy();
        get().paste();
      },

      undo() {
        const current = get().workflow;
        const previous = history.undo(current);
        if (previous !== undefined) show(current, previous);
      },

      redo() {
        const current = get().workflow;
        const next = history.redo(current);
        if (next !== undefined) show(current, next);
      },

      layout() {
        commit((current) => layoutWorkflow(current));
      },

      showNotice(notice) {
        set({ notice });
      },

      async registerFile(name, blob, { persist = true } = {}) {
        // Stable across reloads, so that results and checkpoints still match the same file.
        const modified = blob instanceof File ? blob.lastModified : 'bundled';
        const fingerprint = `${name}:${blob.size}:${modified}`;
        uploaded.set(name, { blob, fingerprint });
        await worker.api.putFile(name, blob, fingerprint);
        set(({ files }) => {
          const next = keyedRecord(files);
          next[name] = { name, size: blob.size };
          return { files: next };
        });
        if (persist) await storage.saveFile(name, blob).catch(warnStorage);
      },

      async uploadFile(nodeId, file) {
        await get().registerFile(file.name, file);
        // The same name may hold new content: the node and its descendants are stale either way.
        const runs = keyedRecord(get().runs);
        for (const stale of descendantsOf(get().workflow, nodeId)) delete runs[stale];
        set({ runs });
        get().setParam(nodeId, 'CSV file', file.name);
        // Reading right away makes the columns known to the forms downstream.
        await get().run([nodeId]);
      },

      importWorkflow(text) {
        try {
          const imported = parseWorkflow(text);
          commit(() => imported);
          set({ selectedNodeIds: [], selectedEdgeIds: [], notice: null });
          return true;
        } catch (error) {
          set({ notice: { text: messageOf(error), tone: 'error' } });
          return false;
        }
      },

      exportWorkflow() {
        return serializeWorkflow(get().workflow);
      },

      openWorkflow(opened) {
        commit(() => opened);
        set({ selectedNodeIds: [], selectedEdgeIds: [], notice: null });
      },

      async findResumable() {
        const resumable = await worker.api.resumable(get().workflow);
        const runs = keyedRecord(get().runs);
        for (const [nodeId, iteration] of Object.entries(resumable)) {
          if (runs[nodeId]?.status === 'completed') continue;
          runs[nodeId] = {
            status: 'aborted',
            message: `Training stopped after iteration ${iteration}; Resume goes on from there.`,
            resumeAfter: iteration,
          };
        }
        set({ runs });
      },

      newWorkflow() {
        commit(() => ({
          id: crypto.randomUUID(),
          name: 'Untitled workflow',
          description: '',
          nodes: [],
          connections: [],
          preserved: {},
        }));
      },

      async run(targets) {
        if (get().running) return;
        set({ running: true, notice: null });
        try {
          const task = worker.api.run(get().workflow, targets, proxy(applyRunEvent));
          const outcome = await watchWorker(worker, task);
          if (outcome === workerLost) {
            await recoverFromLostWorker();
          } else if (outcome.failed.length > 0) {
            set({ notice: { text: 'The run failed; the failed node says why.', tone: 'error' } });
          }
        } catch (error) {
          set({ notice: { text: messageOf(error), tone: 'error' } });
        } finally {
          set({ running: false });
        }
      },

      stop() {
        void worker.api.stop();
      },

      saveNow() {
        flushAutosave();
      },

      csvOf(nodeId, portIndex) {
        return worker.api.csvOf(nodeId, portIndex);
      },

      findRows(nodeId, portIndex, column, value) {
        return worker.api.findRows(nodeId, portIndex, column, value);
      },
    };
  });

  flushAutosave = deriveAndAutosave(store, storage);
  return store;
}
