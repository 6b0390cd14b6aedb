import { UsageError } from '../command.ts';
import { type FlagKinds, type Flags, parseFlags } from '../flags.ts';

/** A command line with one file named first or anywhere, and options that may repeat. */
export interface FileCommandLine<Kinds extends FlagKinds> {
  file: string;
  /** The values of each repeatable option, in the order given. */
  repeated: Record<string, string[]>;
  flags: Flags<Kinds>;
}

/**
 * Reads `recflow <command> FILE [options]`: the one argument that is not an option (nor an
 * option's value) is the file; options named in `repeatable` may be given any number of
 * times (`--data a=x.csv --data b=y.csv`); the rest go to `parseFlags`, with its checks.
 */
export function parseFileCommandLine<Kinds extends FlagKinds>(
  args: readonly string[],
  kinds: Kinds,
  repeatable: readonly string[],
  fileName: string,
): FileCommandLine<Kinds> {
  const files: string[] = [];
  const rest: string[] = [];
  const repeated: Record<string, string[]> = Object.fromEntries(
    repeatable.map((name) => [name, []]),
  );

  for (let at = 0; at < args.length; at++) {
    const arg = args[at];
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (repeatable.includes(name)) {
      if (equals !== -1) repeated[name].push(arg.slice(equals + 1));
      else if (at + 1 < args.length) repeated[name].push(args[++at]);
      else throw new UsageError(`--${name} needs a value.`);
      continue;
    }
    rest.push(arg);
    // A value option's value is the next argument, even when it looks like a file.
    if (kinds[name] === 'value' && equals === -1 && at + 1 < args.length) rest.push(args[++at]);
  }

  // Options first: `--outt x` should say "unknown option --outt", not "two files".
  const flags = parseFlags(rest, kinds);
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? `give the ${fileName} to use, e.g. workflow.json.`
        : `give one ${fileName}; got ${files.map((file) => `\`${file}\``).join(', ')}.`,
    );
  }
  return { file: files[0], repeated, flags };
}
