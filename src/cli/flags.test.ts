import { describe, expect, it } from 'vitest';
import { paramFlag, parseFlags } from './flags.ts';
import { progressBar } from './progress.ts';

const kinds = { rank: 'value', implicit: 'switch', seed: 'value' } as const;

describe('parseFlags', () => {
  it('reads values after a space or an equals sign, and switches', () => {
    expect(parseFlags(['--rank', '5', '--implicit', '--seed=7'], kinds)).toEqual({
      rank: '5',
      implicit: true,
      seed: '7',
    });
  });

  it('takes a value that starts with a dash, such as a negative seed', () => {
    expect(parseFlags(['--seed', '-5'], kinds)).toEqual({ seed: '-5' });
  });

  it('refuses unknown, repeated and value-less options, saying what would work', () => {
    expect(() => parseFlags(['--rnak', '5'], kinds)).toThrow('Did you mean --rank?');
    expect(() => parseFlags(['--rank', '5', '--rank', '6'], kinds)).toThrow('given twice');
    expect(() => parseFlags(['--rank'], kinds)).toThrow('--rank needs a value.');
    expect(() => parseFlags(['--implicit=yes'], kinds)).toThrow('takes no value');
    expect(() => parseFlags(['train.csv'], kinds)).toThrow('unexpected argument `train.csv`');
  });
});

describe('paramFlag', () => {
  const rank = { name: 'rank', kind: 'numeric', default: 10, min: 1, integer: true } as const;

  it("checks a value with the parameter's own rule", () => {
    expect(paramFlag('rank', '12', { ...rank, description: '' })).toBe(12);
    expect(() => paramFlag('rank', '2.5', { ...rank, description: '' })).toThrow(
      '--rank: rank must satisfy 1 <= rank, rank is an integer; got 2.5.',
    );
  });
});

describe('progressBar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (text: string) => written.push(text) };
    const bar = progressBar(stream as unknown as NodeJS.WriteStream);

    bar.update({ label: 'training', fraction: 1 });
    bar.finish();

    expect(written).toEqual([]);
  });

  it('redraws one line in place on a terminal and clears it when done', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
    const bar = progressBar(stream as unknown as NodeJS.WriteStream);

    bar.update({ label: 'training', fraction: 1, detail: 'iteration 10 of 10' });
    bar.finish();

    expect(written[0]).toBe(`\r\x1b[2Ktraining [${'#'.repeat(28)}] 100%  iteration 10 of 10`);
    expect(written[1]).toBe('\r\x1b[2K');
  });
});
