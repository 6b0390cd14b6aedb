import type { Table } from 'apache-arrow';
import type { AlsModel } from './als/types.ts';
import type { Schema } from './frame/schema.ts';
import type { RowRangeRunner } from './parallel/runner.ts';
import type { ParamSpec, ParamValues, ResolvedParams } from './params/index.ts';
import type { PortSpec, PortType } from './ports.ts';

/**
 * Something built from an operation's parameters (an estimator, a model, an evaluator) that
 * can be rebuilt with some of them set otherwise: what Fit's, Transform's and Evaluate's
 * "Parameters of input …" override.
 */
export interface Configurable<Self> {
  /** The name of the operation whose parameters these are, for messages. */
  operationName: string;
  specs: ParamSpec[];
  /** The values it was built with, in the workflow file's form. */
  values: ParamValues;
  withValues(values: ParamValues): Self;
}

/** A report line: a label and what it shows ("rank", "10"). */
export type ReportField = readonly [label: string, value: string];

/** What a trained model says about itself in its report. */
export interface ModelReport {
  title: string;
  fields: ReportField[];
  /** Training loss per iteration, when the model was trained iteratively. */
  lossHistory?: number[];
}

/**
 * What is known about a port before running: a DataFrame's schema (null until a file is
 * read), or what an estimator or a transformer will do to a DataFrame of a given schema.
 */
export type Knowledge =
  | { type: 'DataFrame'; schema: Schema | null }
  | { type: 'Estimator'; estimator: EstimatorKnowledge }
  | { type: 'Transformer'; transformer: TransformerKnowledge }
  | { type: 'Evaluator'; evaluator: EvaluatorKnowledge }
  | { type: 'MetricValue' };

export interface TransformerKnowledge {
  parameters?: Configurable<TransformerKnowledge>;
  /** Problems with transforming a DataFrame of this schema, and the schema that results. */
  transform(schema: Schema): { schema: Schema | null; errors: string[] };
  /** Set when the model recommends (a fitted ALS): the id columns it was trained on. */
  recommender?: { userColumn: string; itemColumn: string };
}

export interface EstimatorKnowledge {
  parameters?: Configurable<EstimatorKnowledge>;
  /** Problems with fitting on a DataFrame of this schema, and what the fitted model will do. */
  fit(schema: Schema): { errors: string[]; transformer: TransformerKnowledge };
}

export interface EvaluatorKnowledge {
  parameters?: Configurable<EvaluatorKnowledge>;
  /** Problems with evaluating a DataFrame of this schema. */
  evaluate(schema: Schema): { errors: string[] };
}

/** Values that flow along edges while running. */
export type PortValue =
  | DataFrameValue
  | EstimatorValue
  | TransformerValue
  | EvaluatorValue
  | MetricValue;

export interface DataFrameValue {
  type: 'DataFrame';
  table: Table;
}

export interface EstimatorValue {
  type: 'Estimator';
  parameters?: Configurable<EstimatorValue>;
  /** The operation that built it and its resolved parameters, for reports and exports. */
  operationName: string;
  params: ResolvedParams;
  fit(table: Table, context: ExecutionContext): Promise<TransformerValue>;
}

export interface TransformerValue {
  type: 'Transformer';
  parameters?: Configurable<TransformerValue>;
  transform(table: Table, context: ExecutionContext): Promise<Table>;
  report(): ModelReport;
  /**
   * Set when the model can recommend (a fitted ALS): its factors and the id columns it was
   * trained on, which name the columns of its recommendations.
   */
  recommender?: Recommender;
}

/** What Recommend needs of a model: factors to score every pair, and the id column names. */
export interface Recommender {
  model: AlsModel;
  userColumn: string;
  itemColumn: string;
}

export interface EvaluatorValue {
  type: 'Evaluator';
  parameters?: Configurable<EvaluatorValue>;
  /** The metric it computes, e.g. "rmse". */
  metricName: string;
  evaluate(table: Table, context: ExecutionContext): Promise<MetricValue>;
}

export interface MetricValue {
  type: 'MetricValue';
  name: string;
  value: number;
}

/** How far a running node has got; shown on the node. */
export interface NodeProgress {
  /** Short text such as "iteration 3 of 10" or "12.5 MB of 40 MB". */
  label: string;
  /** 0..1 when known. */
  fraction?: number;
  elapsedMs?: number;
  /** Training loss after the latest iteration, for training nodes. */
  loss?: number;
}

/** A file the user uploaded, readable as many times as needed. */
export interface StoredFile {
  name: string;
  size: number;
  /** Changes whenever the content does, so results computed from an older upload go stale. */
  fingerprint: string;
  stream(): ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
}

export interface FileStore {
  /** The file uploaded under this name, or undefined. */
  get(name: string): StoredFile | undefined;
}

/** Inputs as an operation receives them: undefined on an optional port left unconnected. */
export type InputValues = (PortValue | undefined)[];

/**
 * Where long computations keep snapshots to resume from after an interruption (a reload, a
 * crash), by the cache key of the node that made them.
 */
export interface CheckpointStore {
  load(key: string): Promise<unknown>;
  save(key: string, snapshot: unknown): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface ExecutionContext {
  params: ResolvedParams;
  /** Changes whenever the node's operation, parameters, inputs or files do. */
  cacheKey: string;
  /** Absent where nothing can be kept (tests, the command line). */
  checkpoints?: CheckpointStore;
  files: FileStore;
  signal: AbortSignal;
  reportProgress(progress: NodeProgress): void;
  /** Lets the thread answer messages (such as Stop) during long computations. */
  yieldToEvents(): Promise<void>;
  /**
   * Runs row ranges of heavy computations (ALS half-steps) on a worker pool; sequential on
   * the calling thread when absent.
   */
  rowRangeRunner?: RowRangeRunner;
}

export interface InferContext {
  params: ResolvedParams;
  /** Knowledge arriving on each input port; undefined where nothing is connected. */
  inputs: (Knowledge | undefined)[];
}

export interface InferResult {
  outputs: Knowledge[];
  /** Problems found without running, each naming the parameter or column and the fix. */
  errors: string[];
}

/** Everything recflow knows about one operation: see DESIGN.md, "The operation contract". */
export interface OperationDescriptor {
  /** Seahorse's operation UUID where Seahorse has the operation. */
  id: string;
  name: string;
  /** Palette path, e.g. ["Machine learning", "Recommendation"]. */
  category: string[];
  description: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  params: ParamSpec[];
  infer(context: InferContext): InferResult;
  execute(inputs: InputValues, context: ExecutionContext): Promise<PortValue[]>;
}

/** Knowledge of a port type when nothing more is known. */
export function unknownKnowledge(type: PortType): Knowledge {
  switch (type) {
    case 'DataFrame':
      return { type, schema: null };
    case 'Estimator':
      return {
        type,
        estimator: { fit: () => ({ errors: [], transformer: unknownTransformer }) },
      };
    case 'Transformer':
      return { type, transformer: unknownTransformer };
    case 'Evaluator':
      return { type, evaluator: { evaluate: () => ({ errors: [] }) } };
    case 'MetricValue':
      return { type };
  }
}

const unknownTransformer: TransformerKnowledge = {
  transform: () => ({ schema: null, errors: [] }),
};
