import { createStore } from 'zustand/vanilla';
import { messageOf } from '../core/errors.ts';
import type { NodeProgress } from '../core/operation.ts';
import { operationById } from '../core/operations/catalog.ts';
import type { ParamValues } from '../core/params/index.ts';
import type { NodeStatus, RunEvent } from '../core/run/executor.ts';
import type { NodeKnowledge } from '../core/workflow/knowledge.ts';
import type { PortSummary } from '../core/run/summary.ts';
import { connectionProblem } from '../core/workflow/connect.ts';
import {
  type Connection,
  connectionKey,
  defaultNodeColor,
  descendantsOf,
  type Position,
  type Workflow,
} from '../core/workflow/model.ts';
import type { WorkerClient } from '../worker/client.ts';
import { proxy } from '../worker/client.ts';
import { knowledgeOf, problemsOf } from './knowledge.ts';

/** What the editor shows about one node's last run. */
export interface NodeRun {
  status: NodeStatus;
  progress?: NodeProgress;
  message?: string;
  outputs?: PortSummary[];
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
  selectedNodeId: string | null;
  notice: Notice | null;
  running: boolean;
  /** Derived from the workflow and the runs whenever either changes. */
  knowledge: Map<string, NodeKnowledge>;
  problems: Record<string, string[]>;

  addNode(operationId: string, position: Position): string;
  moveNode(id: string, position: Position): void;
  removeNodes(ids: string[]): void;
  /** Adds the edge, or returns why it cannot be added (and shows it). */
  connect(connection: Connection): string | null;
  disconnect(keys: string[]): void;
  setParam(nodeId: string, name: string, value: unknown): void;
  select(nodeId: string | null): void;
  showNotice(notice: Notice | null): void;
  uploadFile(nodeId: string, file: Blob & { name: string }): Promise<void>;
  registerFile(name: string, blob: Blob): Promise<void>;
  loadWorkflow(workflow: Workflow): void;
  /** Starts over on an empty canvas; uploaded files stay available. */
  newWorkflow(): void;
  run(targets?: string[]): Promise<void>;
  stop(): void;
  csvOf(nodeId: string, portIndex: number): Promise<Blob>;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

let uploads = 0;

export function createEditorStore(worker: WorkerClient, initial: Workflow) {
  const store = createStore<EditorState>()((set, get) => {
    /** Edits make a node and everything downstream of it stale. */
    const invalidate = (workflow: Workflow, nodeIds: string[]) => {
      const runs = { ...get().runs };
      for (const id of nodeIds) {
        for (const stale of descendantsOf(workflow, id)) delete runs[stale];
      }
      return runs;
    };

    const updateWorkflow = (change: (workflow: Workflow) => Workflow, touched: string[]) => {
      const workflow = change(get().workflow);
      set({ workflow, runs: invalidate(workflow, touched) });
    };

    const applyRunEvent = (event: RunEvent) => {
      const runs = { ...get().runs };
      if (event.status === 'draft') delete runs[event.nodeId];
      else if (event.status === 'running') runs[event.nodeId] = event;
      else if (event.status === 'completed') runs[event.nodeId] = event;
      else if (event.status === 'failed') runs[event.nodeId] = event;
      else runs[event.nodeId] = { status: event.status };
      set({ runs });
    };

    return {
      workflow: initial,
      runs: {},
      files: {},
      selectedNodeId: null,
      notice: null,
      running: false,
      knowledge: new Map(),
      problems: {},

      addNode(operationId, position) {
        const operation = operationById(operationId);
        if (operation === undefined) throw new Error(`Unknown operation ${operationId}`);
        const id = crypto.randomUUID();
        updateWorkflow(
          (workflow) => ({
            ...workflow,
            nodes: [
              ...workflow.nodes,
              {
                id,
                operationId,
                operationName: operation.name,
                params: {},
                position,
                label: '',
                color: defaultNodeColor,
              },
            ],
          }),
          [],
        );
        set({ selectedNodeId: id });
        return id;
      },

      moveNode(id, position) {
        set(({ workflow }) => ({
          workflow: {
            ...workflow,
            nodes: workflow.nodes.map((node) => (node.id === id ? { ...node, position } : node)),
          },
        }));
      },

      removeNodes(ids) {
        const gone = new Set(ids);
        const before = get().workflow;
        const downstream = before.connections
          .filter((edge) => gone.has(edge.from.nodeId))
          .map((edge) => edge.to.nodeId);
        const workflow: Workflow = {
          ...before,
          nodes: before.nodes.filter((node) => !gone.has(node.id)),
          connections: before.connections.filter(
            (edge) => !gone.has(edge.from.nodeId) && !gone.has(edge.to.nodeId),
          ),
        };
        const runs = invalidate(workflow, downstream);
        for (const id of ids) delete runs[id];
        const selected = get().selectedNodeId;
        set({
          workflow,
          runs,
          selectedNodeId: selected !== null && gone.has(selected) ? null : selected,
        });
        void worker.forget(ids);
      },

      connect(connection) {
        const problem = connectionProblem(get().workflow, connection);
        if (problem !== null) {
          set({ notice: { text: problem, tone: 'error' } });
          return problem;
        }
        updateWorkflow(
          (workflow) => ({ ...workflow, connections: [...workflow.connections, connection] }),
          [connection.to.nodeId],
        );
        set({ notice: null });
        return null;
      },

      disconnect(keys) {
        const removed = new Set(keys);
        const targets = get()
          .workflow.connections.filter((edge) => removed.has(connectionKey(edge)))
          .map((edge) => edge.to.nodeId);
        updateWorkflow(
          (workflow) => ({
            ...workflow,
            connections: workflow.connections.filter((edge) => !removed.has(connectionKey(edge))),
          }),
          targets,
        );
      },

      setParam(nodeId, name, value) {
        updateWorkflow(
          (workflow) => ({
            ...workflow,
            nodes: workflow.nodes.map((node) => {
              if (node.id !== nodeId) return node;
              const params: ParamValues = { ...node.params };
              if (value === undefined) delete params[name];
              else params[name] = value;
              return { ...node, params };
            }),
          }),
          [nodeId],
        );
      },

      select(nodeId) {
        set({ selectedNodeId: nodeId });
      },

      showNotice(notice) {
        set({ notice });
      },

      async registerFile(name, blob) {
        uploads += 1;
        await worker.putFile(name, blob, `${name}:${blob.size}:${Date.now()}:${uploads}`);
        set(({ files }) => ({ files: { ...files, [name]: { name, size: blob.size } } }));
      },

      async uploadFile(nodeId, file) {
        await get().registerFile(file.name, file);
        // Setting the value again after a re-upload must still make the node stale.
        const workflow = get().workflow;
        set({ runs: invalidate(workflow, [nodeId]) });
        get().setParam(nodeId, 'CSV file', file.name);
        // Reading right away makes the columns known to the forms downstream.
        await get().run([nodeId]);
      },

      loadWorkflow(workflow) {
        set({ workflow, runs: {}, selectedNodeId: null, notice: null });
      },

      newWorkflow() {
        get().loadWorkflow({
          id: crypto.randomUUID(),
          name: 'Untitled workflow',
          description: '',
          nodes: [],
          connections: [],
          preserved: {},
        });
      },

      async run(targets) {
        if (get().running) return;
        set({ running: true, notice: null });
        try {
          const outcome = await worker.run(get().workflow, targets, proxy(applyRunEvent));
          if (outcome.failed.length > 0) {
            set({ notice: { text: 'The run failed; the failed node says why.', tone: 'error' } });
          }
        } catch (error) {
          set({ notice: { text: messageOf(error), tone: 'error' } });
        } finally {
          set({ running: false });
        }
      },

      stop() {
        void worker.stop();
      },

      csvOf(nodeId, portIndex) {
        return worker.csvOf(nodeId, portIndex);
      },
    };
  });

  const derive = ({ workflow, runs }: EditorState) => {
    const knowledge = knowledgeOf(workflow, runs);
    store.setState({ knowledge, problems: problemsOf(knowledge) });
  };
  store.subscribe((state, previous) => {
    if (state.workflow !== previous.workflow || state.runs !== previous.runs) derive(state);
  });
  derive(store.getState());
  return store;
}
