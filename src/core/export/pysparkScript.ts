import type { ParamSpec, ResolvedChoice, ResolvedParams } from '../params/index.ts';
import type { ColumnSelection, MultipleColumnSelection } from '../params/spec.ts';
import { type HelperName, helpers } from './pysparkHelpers.ts';
import { pyBool, pyLiteral, pyNumber, pyString } from './python.ts';

/**
 * The pieces of a PySpark script as the node emitters build it: imports, helper functions,
 * command-line arguments and the statements of `main()`. `pyspark.ts` puts them together.
 */

/** A command-line argument of the script: the path of one Read DataFrame's file. */
export interface InputArgument {
  /** The option without its dashes, e.g. `read-dataframe`; argparse stores it under `dest`. */
  option: string;
  dest: string;
  /** The file name in the workflow; null makes the argument required. */
  defaultPath: string | null;
  help: string;
}

export class ScriptParts {
  private readonly imports = new Map<string, Set<string>>();
  private readonly wantedHelpers = new Set<HelperName>();
  readonly statements: string[] = [];
  readonly arguments: InputArgument[] = [];
  /** Where Spark's behaviour differs from recflow's, for the header; each said once. */
  readonly differences = new Set<string>();

  /** `from module import name` (name may be `functions as F`). */
  needImport(module: string, name: string): void {
    const names = this.imports.get(module) ?? new Set<string>();
    names.add(name);
    this.imports.set(module, names);
  }

  needHelper(name: HelperName): void {
    this.wantedHelpers.add(name);
    for (const [module, imported] of helpers[name].imports) this.needImport(module, imported);
    for (const dependency of helpers[name].uses) this.needHelper(dependency);
  }

  get helperNames(): HelperName[] {
    return [...this.wantedHelpers];
  }

  /** Import lines, sorted as isort would: `import x` first, then `from x import y`. */
  importLines(): string[] {
    const modules = [...this.imports.keys()].sort();
    return modules.map((module) => {
      const names = [...this.imports.get(module)!].sort();
      return `from ${module} import ${names.join(', ')}`;
    });
  }

  /** A node's statements, after a blank line and a comment that says which node they are. */
  block(comment: string[], lines: string[]): void {
    this.statements.push('', ...comment.map((text) => `# ${text}`), ...lines);
  }
}

/**
 * A Python expression for the column name a selector picks: the name itself, or for a
 * selection by index the name at that index of the DataFrame it picks from, read when the
 * script runs (`ratings.columns[2]`).
 */
export function columnName(selection: ColumnSelection, dataFrame: string): string {
  return selection.type === 'column'
    ? pyString(selection.value)
    : `${dataFrame}.columns[${selection.value}]`;
}

/** A multiple column selection as the `selections` argument of `selected_columns`. */
export function selectionsLiteral(selection: MultipleColumnSelection): string {
  const parts = selection.selections.map(
    (part) => `(${pyString(part.type)}, ${pyLiteral(part.values)})`,
  );
  return `[${parts.join(', ')}]`;
}

/**
 * A resolved parameter value as a Python expression, by the kind of its spec: numbers,
 * booleans and strings as literals, a column selector as `columnName`, a choice as the
 * name of the chosen option.
 */
export function paramExpression(
  spec: ParamSpec,
  params: ResolvedParams,
  dataFrame: string,
): string {
  const value = params[spec.name];
  switch (spec.kind) {
    case 'numeric':
      return pyNumber(value as number, spec.integer === true);
    case 'boolean':
      return pyBool(value as boolean);
    case 'string':
    case 'file':
      return pyLiteral(value);
    case 'column':
      return columnName(value as ColumnSelection, dataFrame);
    case 'columns':
      return selectionsLiteral(value as MultipleColumnSelection);
    case 'choice':
      return pyString((value as ResolvedChoice).option);
    case 'overrides':
      return pyLiteral(value);
  }
}

/** A keyword argument of a Spark class: its name, and the recflow parameter it comes from. */
export interface SparkKeyword {
  sparkName: string;
  spec: ParamSpec;
  /** The Python value when it is not the parameter's own (e.g. a renamed metric). */
  expression?: (params: ResolvedParams) => string;
  /**
   * Set when the class has the parameter but its constructor does not take it (PySpark's
   * ALS has predictionCol, yet `ALS(predictionCol=...)` is a TypeError): it is set with
   * `.set<Name>(value)` after construction instead.
   */
  setAfterwards?: boolean;
}

/** Parameter values and the DataFrame that index selectors among them pick from. */
export interface Configuration {
  params: ResolvedParams;
  dataFrame: string;
}

function keywordValue(keyword: SparkKeyword, { params, dataFrame }: Configuration): string {
  return keyword.expression?.(params) ?? paramExpression(keyword.spec, params, dataFrame);
}

/**
 * The Spark object `variable`, built with `built`, as used with `wanted`: itself when every
 * keyword comes out the same, else a copy with those that differ (`als.copy({als.rank: 20})`),
 * e.g. a column selected by index in another DataFrame, or a value Fit overrides.
 */
export function configuredAs(
  variable: string,
  keywords: SparkKeyword[],
  built: Configuration,
  wanted: Configuration,
): string {
  const changed = keywords.filter(
    (keyword) => keywordValue(keyword, wanted) !== keywordValue(keyword, built),
  );
  if (changed.length === 0) return variable;
  const entries = changed.map(
    (keyword) => `${variable}.${keyword.sparkName}: ${keywordValue(keyword, wanted)}`,
  );
  return `${variable}.copy({${entries.join(', ')}})`;
}

/**
 * An ALS or evaluator node: Spark builds it from keyword arguments, some of which are
 * column names that recflow may select by index in the DataFrame it is fitted on or
 * measures, and which Fit or Evaluate may override ("Parameters of input …"). So the object
 * is built where it is first used, with that DataFrame at hand; later uses get a copy where
 * their column names or values differ.
 */
export class DeferredComponent {
  private builtOn: Configuration | null = null;

  constructor(
    readonly variable: string,
    /** Where the class comes from: `from module import className`. */
    private readonly module: string,
    private readonly className: string,
    readonly keywords: SparkKeyword[],
    /** The values the node itself sets. */
    readonly params: ResolvedParams,
    private readonly comment: string[],
  ) {}

  /** Whether the object was ever used, and so built. */
  get built(): boolean {
    return this.builtOn !== null;
  }

  /**
   * The Python expression for the object as used on `dataFrame` with `params` (the node's
   * own unless overridden), building it on first use.
   */
  use(parts: ScriptParts, dataFrame: string, params: ResolvedParams = this.params): string {
    if (this.builtOn === null) {
      const built = { params: this.params, dataFrame };
      parts.needImport(this.module, this.className);
      const lines = this.keywords
        .filter((keyword) => !keyword.setAfterwards)
        .map((keyword) => `    ${keyword.sparkName}=${keywordValue(keyword, built)},`);
      const setters = this.keywords
        .filter((keyword) => keyword.setAfterwards)
        .map((keyword) => {
          const setter = `set${keyword.sparkName[0].toUpperCase()}${keyword.sparkName.slice(1)}`;
          return `.${setter}(${keywordValue(keyword, built)})`;
        });
      parts.block(this.comment, [
        `${this.variable} = ${this.className}(`,
        ...lines,
        `)${setters.join('')}`,
      ]);
      this.builtOn = built;
    }
    return configuredAs(this.variable, this.keywords, this.builtOn, { params, dataFrame });
  }
}
