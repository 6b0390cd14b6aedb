import { describe, expect, it } from 'vitest';
import { RecflowError } from '../core/errors.ts';
import { UsageError } from './command.ts';
import { describeError } from './main.ts';
import { runCli } from './testing/runCli.ts';

describe('recflow', () => {
  it('lists its commands with --help and without arguments', async () => {
    const [help, bare] = await Promise.all([runCli(['--help']), runCli([])]);

    expect(help.code).toBe(0);
    for (const command of ['als', 'bench', 'docs', 'help']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
    expect(bare.stdout).toBe(help.stdout);
  });

  it('prints the options of one command with `help <command>` or `<command> --help`', async () => {
    const [viaHelp, viaFlag] = await Promise.all([
      runCli(['help', 'als']),
      runCli(['als', '--help']),
    ]);

    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: recflow als --train FILE\.csv/);
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
  });

  it('refuses an unknown command with exit code 2 and the list of commands', async () => {
    const { code, stdout, stderr } = await runCli(['trian']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^recflow: unknown command `trian`\.\n\nUsage: recflow <command>/);
  });

  it('finds the committed operation docs current', async () => {
    const { code, stdout } = await runCli(['docs', '--check']);

    expect(stdout).toMatch(/are current/);
    expect(code).toBe(0);
  });
});

describe('describeError', () => {
  it('prints only the message of an error the user can fix', () => {
    const { text, code } = describeError('recflow als', new RecflowError('the file is empty.'));

    expect(text).toBe('recflow als: the file is empty.\n');
    expect(code).toBe(1);
  });

  it('points to --help after a bad command line', () => {
    const { text, code } = describeError('recflow als', new UsageError('--rank needs a value.'));

    expect(text).toMatch(/--rank needs a value\.\nRun `recflow als --help` for the options\.\n$/);
    expect(code).toBe(2);
  });

  it('prints the stack of anything else, as a bug in recflow', () => {
    const { text, code } = describeError('recflow als', new TypeError('x is undefined'));

    expect(text).toMatch(
      /^recflow als: internal error, a bug in recflow:\nTypeError: x is undefined\n\s+at /,
    );
    expect(code).toBe(70);
  });
});
