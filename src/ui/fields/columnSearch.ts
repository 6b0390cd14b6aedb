import type { ColumnSchema } from '../../core/frame/schema.ts';
import type { ColumnSelection } from '../../core/params/index.ts';

/**
 * Column widgets list every column of a narrow input. A wide one (files of thousands of
 * columns are read) would put tens of thousands of elements in the form, so above these
 * counts the widgets list what a typed search matches instead.
 */
export const PICK_FROM_LIST_UP_TO = 100;
export const FILTER_CHECKS_FROM = 20;
export const MOST_MATCHES = 100;

export interface ColumnMatches {
  shown: ColumnSchema[];
  /** How many columns match in all, shown or not. */
  total: number;
}

/**
 * The columns whose names contain `query`, ignoring case, in the input's order except that
 * an exact name comes first; `first` names are listed ahead of the rest whether they match
 * or not (the checked boxes of a selection stay in sight while the user searches).
 */
export function matchColumns(
  columns: readonly ColumnSchema[],
  query: string,
  first: ReadonlySet<string> = new Set(),
  most = MOST_MATCHES,
): ColumnMatches {
  const needle = query.trim().toLowerCase();
  const leading: ColumnSchema[] = [];
  const rest: ColumnSchema[] = [];
  for (const column of columns) {
    if (first.has(column.name) || column.name === query.trim()) leading.push(column);
    else if (column.name.toLowerCase().includes(needle)) rest.push(column);
  }
  const all = [...leading, ...rest];
  return { shown: all.slice(0, most), total: all.length };
}

/** How a single-column selection reads in a text box: the name, or `#` and the 0-based index. */
export function formatColumnSelection(selection: ColumnSelection): string {
  return selection.type === 'index' ? `#${selection.value}` : selection.value;
}

/**
 * What a typed column means: a column's name when one has exactly that name, else `#n` is
 * the column at 0-based index n, else the text is taken as a name (and the form says when
 * the input has no such column). Empty text means the parameter's default.
 */
export function parseColumnSelection(
  text: string,
  columns: readonly ColumnSchema[],
): ColumnSelection | undefined {
  if (text === '') return undefined;
  if (columns.some((column) => column.name === text)) return { type: 'column', value: text };
  const index = /^#(\d+)$/.exec(text.trim());
  if (index) return { type: 'index', value: Number(index[1]) };
  return { type: 'column', value: text };
}
