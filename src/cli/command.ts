import { RecflowError } from '../core/errors.ts';

/** One subcommand of `recflow`: `recflow <name> [options]`. */
export interface Command {
  name: string;
  /** One line for the list of commands in `recflow --help`. */
  summary: string;
  /** The full text of `recflow <name> --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** A command line that cannot be understood: an unknown option, a missing or bad value. */
export class UsageError extends RecflowError {
  override name = 'UsageError';
}

/** Exit codes: 1 for input the user can fix, 2 for a command line that needs fixing. */
export const exitCodes = { ok: 0, userError: 1, usage: 2, bug: 70 } as const;
