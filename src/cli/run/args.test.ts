import { describe, expect, it } from 'vitest';
import { parseFileCommandLine } from './args.ts';

const kinds = { out: 'value', json: 'switch' } as const;

describe('parseFileCommandLine', () => {
  it('takes the one argument that is neither an option nor its value as the file', () => {
    const line = parseFileCommandLine(
      ['--out', 'results', 'workflow.json', '--json'],
      kinds,
      ['data'],
      'workflow file',
    );

    expect(line).toEqual({
      file: 'workflow.json',
      repeated: { data: [] },
      flags: { out: 'results', json: true },
    });
  });

  it('collects a repeatable option each time it is given, with a space or an =', () => {
    const line = parseFileCommandLine(
      ['w.json', '--data', 'a.csv=x/a.csv', '--data=b=y/b=1.csv'],
      kinds,
      ['data'],
      'workflow file',
    );

    expect(line.repeated.data).toEqual(['a.csv=x/a.csv', 'b=y/b=1.csv']);
  });

  it('leaves the other options to parseFlags and its checks', () => {
    expect(() =>
      parseFileCommandLine(['w.json', '--outt', 'x'], kinds, [], 'workflow file'),
    ).toThrow('unknown option --outt. Did you mean --out?');
  });
});
