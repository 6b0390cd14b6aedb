import { RecflowError } from '../core/errors.ts';
import { type Command, exitCodes, UsageError } from './command.ts';
import { alsCommand } from './commands/als.ts';
import { benchCommand } from './commands/bench.ts';
import { docsCommand } from './commands/docs.ts';
import { exportPysparkCommand } from './commands/exportPyspark.ts';
import { helpCommand, overview } from './commands/help.ts';
import { runCommand } from './commands/run.ts';

const commands: readonly Command[] = [
  runCommand,
  exportPysparkCommand,
  alsCommand,
  benchCommand,
  docsCommand,
  helpCommand(() => commands),
];

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/**
 * Runs `recflow <command> [options]` and resolves to the exit code. Errors the user can act on
 * print their message alone; anything else is a bug in recflow and prints its stack.
 */
export async function main(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  const prefix = name === undefined || isHelp(name) ? 'recflow' : `recflow ${name}`;

  try {
    if (name === undefined || isHelp(name)) {
      process.stdout.write(`${overview(commands)}\n`);
      return exitCodes.ok;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (command === undefined) {
      process.stderr.write(`recflow: unknown command \`${name}\`.\n\n${overview(commands)}\n`);
      return exitCodes.usage;
    }
    if (command.name !== 'help' && rest.some(isHelp)) {
      process.stdout.write(`${command.usage}\n`);
      return exitCodes.ok;
    }
    return await command.run(rest);
  } catch (error) {
    const { text, code } = describeError(prefix, error);
    process.stderr.write(text);
    return code;
  }
}

/**
 * What to print for an error, and the exit code: the message alone for errors the user can
 * act on (with a pointer to --help for a bad command line), the stack for anything else,
 * which is a bug in recflow.
 */
export function describeError(prefix: string, error: unknown): { text: string; code: number } {
  if (error instanceof UsageError) {
    return {
      text: `${prefix}: ${error.message}\nRun \`${prefix} --help\` for the options.\n`,
      code: exitCodes.usage,
    };
  }
  if (error instanceof RecflowError) {
    return { text: `${prefix}: ${error.message}\n`, code: exitCodes.userError };
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { text: `${prefix}: internal error, a bug in recflow:\n${stack}\n`, code: exitCodes.bug };
}
