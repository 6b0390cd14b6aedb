/**
 * Python source fragments for the generated PySpark script: literals that Python reads back
 * as the same value, comments that cannot break out of their line, and identifiers.
 */

/** Python's keywords and the soft ones that would read oddly as variable names. */
const pythonKeywords = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'case',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'match',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'type',
  'while',
  'with',
  'yield',
]);

/**
 * A Python string literal. JSON's escapes (`\"`, `\\`, `\n`, `\u00e9`) all mean the same in
 * Python; line and paragraph separators are escaped too, so the literal stays on one line.
 */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A Python number: `10` for an integer parameter, `10.0` or `0.1` for a real one. */
export function pyNumber(value: number, integer: boolean): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  if (integer || !Number.isInteger(value)) return String(value);
  // 1e21 and above print in exponent form, which Python reads as a float already.
  return Math.abs(value) >= 1e21 ? String(value) : `${value}.0`;
}

export const pyBool = (value: boolean): string => (value ? 'True' : 'False');

/** JSON-like data (strings, numbers, booleans, lists, objects) as a Python literal. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'boolean') return pyBool(value);
  if (typeof value === 'number') return pyNumber(value, Number.isInteger(value));
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, inner]) => `${pyString(key)}: ${pyLiteral(inner)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return pyString(String(value));
}

/** Text for a `#` comment: control characters and line breaks become spaces. */
export function commentText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** "Read DataFrame" → `read_dataframe`, "Fit + Transform" → `fit_transform`; ASCII only. */
export function snakeCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Hands out Python identifiers that are unique in the script: a name already taken (or
 * reserved for the script's own variables, functions and imports) gets `_2`, `_3`, ...
 */
export class PythonNames {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** A fresh identifier based on `text`, or on `fallback` when `text` has no usable letters. */
  unique(text: string, fallback = 'node'): string {
    let base = snakeCase(text) || snakeCase(fallback) || 'node';
    if (/^[0-9]/.test(base)) base = `node_${base}`;
    if (pythonKeywords.has(base)) base = `${base}_`;

    let name = base;
    for (let count = 2; this.taken.has(name); count++) name = `${base}_${count}`;
    this.taken.add(name);
    return name;
  }
}
