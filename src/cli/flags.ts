import { checkNumeric } from '../core/params/numeric.ts';
import type { NumericParamSpec } from '../core/params/spec.ts';
import { UsageError } from './command.ts';

/** Options take a value (`--rank 10`, `--rank=10`) or are switches (`--implicit`). */
export type FlagKinds = Record<string, 'value' | 'switch'>;

export type Flags<Kinds extends FlagKinds> = {
  [Name in keyof Kinds]?: Kinds[Name] extends 'value' ? string : boolean;
};

/**
 * Reads `--name value`, `--name=value` and `--switch` options. A value is always the next
 * argument, even when it starts with a dash (`--seed -5`, `--separator -`). Unknown options,
 * stray words and repeated options are errors that say what would be understood instead.
 */
export function parseFlags<Kinds extends FlagKinds>(
  args: readonly string[],
  kinds: Kinds,
): Flags<Kinds> {
  const flags: Record<string, string | boolean> = {};

  for (let at = 0; at < args.length; at++) {
    const arg = args[at];
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument \`${arg}\`; options start with --.`);
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const kind = kinds[name];
    if (kind === undefined) throw new UsageError(unknownOption(name, Object.keys(kinds)));
    if (name in flags) throw new UsageError(`--${name} is given twice; give it once.`);

    if (kind === 'switch') {
      if (equals !== -1) throw new UsageError(`--${name} is a switch and takes no value.`);
      flags[name] = true;
    } else if (equals !== -1) {
      flags[name] = arg.slice(equals + 1);
    } else {
      if (at + 1 >= args.length) throw new UsageError(`--${name} needs a value.`);
      flags[name] = args[++at];
    }
  }
  return flags as Flags<Kinds>;
}

function unknownOption(name: string, known: string[]): string {
  const closest = known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint =
    closest !== undefined && closest.distance <= Math.max(2, name.length / 3)
      ? ` Did you mean --${closest.candidate}?`
      : '';
  return `unknown option --${name}.${hint}`;
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The number an option holds; `--rank ten` is an error naming the option and the value. */
export function numberFlag(flag: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new UsageError(`--${flag} must be a number; got \`${text}\`.`);
  }
  return value;
}

/** A whole number from `min` to `max` that an option holds, e.g. `--threads 2`. */
export function wholeNumberFlag(flag: string, text: string, min: number, max: number): number {
  const value = numberFlag(flag, text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}; got ${text}.`);
  }
  return value;
}

/**
 * The number an option holds, checked against the parameter it sets, so that the command
 * line and the editor's form enforce the same rule: `--rank 0` fails with
 * "rank must satisfy 1 <= rank <= 1000, rank is an integer; got 0".
 */
export function paramFlag(flag: string, text: string, spec: NumericParamSpec): number {
  const value = numberFlag(flag, text);
  const broken = checkNumeric(spec, value);
  if (broken !== null) throw new UsageError(`--${flag}: ${broken}.`);
  return value;
}
