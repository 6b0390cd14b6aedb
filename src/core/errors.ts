/**
 * An error the user can act on: the message names what is wrong (a column, a row, a value)
 * and how to fix it. The executor prefixes it with the name of the node that raised it, so
 * messages here never start with a node or operation name.
 */
export class RecflowError extends Error {
  override name = 'RecflowError';

  /** 1-based row of the input file or table the problem was found in, when there is one. */
  readonly row: number | undefined;

  constructor(message: string, options: { row?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.row = options.row;
  }
}

/** Thrown when the user stops a run; the node it interrupts ends as aborted, not failed. */
export class AbortedError extends Error {
  override name = 'AbortedError';

  constructor(message = 'Stopped by the user.') {
    super(message);
  }
}

/** Throws an AbortedError when the signal has fired; call it between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortedError' || error.name === 'AbortError');
}

/** The message of anything thrown, for showing to the user. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
