/**
 * Parameter specs: the single source of truth for an operation's settings. The form, the
 * validation messages, the defaults, the JSON keys of the workflow file, the generated docs
 * and the PySpark export all read them.
 */

interface ParamSpecBase {
  /** The name as in the docs and the workflow file ("rank", "user column"). */
  name: string;
  /** One sentence of what it means. */
  description: string;
}

export interface NumericParamSpec extends ParamSpecBase {
  kind: 'numeric';
  default: number;
  min?: number;
  max?: number;
  /** Bounds are inclusive unless said otherwise. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

export interface BooleanParamSpec extends ParamSpecBase {
  kind: 'boolean';
  default: boolean;
}

export interface StringParamSpec extends ParamSpecBase {
  kind: 'string';
  default: string;
  /** Checks a value; returns the rule it breaks, or null. */
  check?: (value: string) => string | null;
}

/** `{ type: 'column', value: 'rating' }` or `{ type: 'index', value: 2 }` (0-based). */
export type ColumnSelection = { type: 'column'; value: string } | { type: 'index'; value: number };

export interface ColumnParamSpec extends ParamSpecBase {
  kind: 'column';
  default: ColumnSelection;
  /**
   * Which DataFrame the column is picked from: an input port of this node, or, for an
   * estimator or an evaluator, the DataFrame arriving at the node its output goes into:
   * the DataFrame an estimator is fitted on, or the one an evaluator measures at Evaluate.
   */
  source: { port: number } | 'fit input';
  /** Restricts the column's type; `numeric` admits integer and double. */
  columnType?: 'numeric' | 'string' | 'any';
}

/**
 * One part of a multiple column selection, as Seahorse stores it: column names, 0-based
 * indexes, an inclusive index range `[first, last]` (`[i]` is `[i, i]`, `[]` selects nothing),
 * or column types (Seahorse's names: `numeric`, `boolean`, `string`, `timestamp`, ...).
 */
export type ColumnSelectionPart =
  | { type: 'columnList'; values: string[] }
  | { type: 'indexList'; values: number[] }
  | { type: 'indexRange'; values: number[] }
  | { type: 'typeList'; values: string[] };

/**
 * `{ "selections": [...], "excluding": false }`: the columns any part selects, or with
 * `excluding` every other column; either way in the input's order, each once.
 */
export interface MultipleColumnSelection {
  selections: ColumnSelectionPart[];
  excluding: boolean;
}

export interface ColumnsParamSpec extends ParamSpecBase {
  kind: 'columns';
  default: MultipleColumnSelection;
  /** Which DataFrame the columns are picked from, as for a single column selector. */
  source: ColumnParamSpec['source'];
}

export interface ChoiceOption {
  /** The option's key in the workflow file ("RANDOM", "rmse", "comma"). */
  name: string;
  /** Label shown in the form when it differs from the name. */
  label?: string;
  params: ParamSpec[];
}

/** A choice's value: the chosen option with its nested values: `{ "RANDOM": { "seed": 0 } }`. */
export type ChoiceValue = Record<string, ParamValues>;

export interface ChoiceParamSpec extends ParamSpecBase {
  kind: 'choice';
  default: string;
  options: ChoiceOption[];
}

/** A file the user uploads, kept with the workspace; the value is its file name. */
export interface FileParamSpec extends ParamSpecBase {
  kind: 'file';
  default: null;
  /** Accepted file types, as for an `<input type="file" accept>`. */
  accept: string;
}

/**
 * Seahorse's "Parameters of input Estimator" (or Transformer, Evaluator): values that
 * override those of the object arriving on input `port`, by that object's parameter names.
 */
export interface OverridesParamSpec extends ParamSpecBase {
  kind: 'overrides';
  default: ParamValues;
  port: number;
}

export type ParamSpec =
  | NumericParamSpec
  | BooleanParamSpec
  | StringParamSpec
  | ColumnParamSpec
  | ColumnsParamSpec
  | ChoiceParamSpec
  | FileParamSpec
  | OverridesParamSpec;

export type ParamKind = ParamSpec['kind'];

/** Values as stored in a workflow file, by docs name; an absent or null value means the default. */
export type ParamValues = Record<string, unknown>;
