import { type Command, exitCodes, UsageError } from '../command.ts';

/** The list of commands with one line each, as `recflow --help` prints it. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return [
    'Usage: recflow <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Run `recflow <command> --help` (or `recflow help <command>`) for its options.',
  ].join('\n');
}

/** `recflow help [command]`: the overview, or one command's options. */
export function helpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'Show this list, or the options of one command: recflow help als',
    usage: 'Usage: recflow help [command]\n\nShows the commands, or the options of one command.',
    async run(args) {
      const [name, ...extra] = args;
      if (extra.length > 0)
        throw new UsageError(`help takes one command name; got ${args.join(' ')}.`);
      if (name === undefined) {
        process.stdout.write(`${overview(commands())}\n`);
        return exitCodes.ok;
      }
      const command = commands().find((candidate) => candidate.name === name);
      if (command === undefined) {
        const names = commands()
          .map((candidate) => `\`${candidate.name}\``)
          .join(', ');
        throw new UsageError(`there is no command \`${name}\`; the commands are ${names}.`);
      }
      process.stdout.write(`${command.usage}\n`);
      return exitCodes.ok;
    },
  };
}
