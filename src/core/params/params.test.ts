import { describe, expect, it } from 'vitest';
import {
  type ChoiceParamSpec,
  findColumn,
  type NumericParamSpec,
  numericRule,
  type ParamSpec,
  resolveParams,
  validateParams,
} from './index.ts';

const rank: NumericParamSpec = {
  name: 'rank',
  kind: 'numeric',
  default: 10,
  min: 1,
  integer: true,
  description: 'Rank.',
};
const ratio: NumericParamSpec = {
  name: 'split ratio',
  kind: 'numeric',
  default: 0.5,
  min: 0,
  max: 1,
  description: 'Share of rows in the first output.',
};
const splitMode: ChoiceParamSpec = {
  name: 'split mode',
  kind: 'choice',
  default: 'RANDOM',
  description: 'How rows are split.',
  options: [
    { name: 'RANDOM', params: [ratio] },
    { name: 'CONDITIONAL', params: [] },
  ],
};
const specs: ParamSpec[] = [
  rank,
  { name: 'implicit prefs', kind: 'boolean', default: false, description: 'Implicit.' },
  {
    name: 'prediction column',
    kind: 'string',
    default: 'prediction',
    description: 'Name.',
    check: (value) => (value === '' ? 'give the new column a name' : null),
  },
  {
    name: 'user column',
    kind: 'column',
    default: { type: 'column', value: 'user' },
    source: 'fit input',
    columnType: 'numeric',
    description: 'Users.',
  },
  splitMode,
];

describe('numeric rules', () => {
  it('reads as the form shows them', () => {
    expect(numericRule(rank)).toBe('1 <= rank, rank is an integer');
    expect(numericRule(ratio)).toBe('0 <= split ratio <= 1');
  });

  it('names the rule a value breaks and the value', () => {
    const issues = validateParams(specs, { rank: 0.5 });
    expect(issues).toEqual([
      { param: 'rank', message: 'rank must satisfy 1 <= rank, rank is an integer; got 0.5' },
    ]);
  });

  it('accepts values on the bounds and rejects values past them', () => {
    expect(validateParams([ratio], { 'split ratio': 0 })).toEqual([]);
    expect(validateParams([ratio], { 'split ratio': 1 })).toEqual([]);
    expect(validateParams([ratio], { 'split ratio': 1.01 })).toHaveLength(1);
    expect(validateParams([rank], { rank: 0 })).toHaveLength(1);
  });

  it('rejects text where a number belongs', () => {
    expect(validateParams([rank], { rank: '5' })[0].message).toContain('must be a number');
  });
});

describe('unset values', () => {
  it('mean the default and are valid', () => {
    expect(validateParams(specs, {})).toEqual([]);
    expect(validateParams(specs, { rank: null })).toEqual([]);
  });

  it('resolve to the defaults, with a choice resolved to its option and nested values', () => {
    expect(resolveParams(specs, { rank: 5 })).toEqual({
      rank: 5,
      'implicit prefs': false,
      'prediction column': 'prediction',
      'user column': { type: 'column', value: 'user' },
      'split mode': { option: 'RANDOM', params: { 'split ratio': 0.5 } },
    });
  });
});

describe('other kinds', () => {
  it('checks booleans, strings and their rules', () => {
    const issues = validateParams(specs, { 'implicit prefs': 'yes', 'prediction column': '' });
    expect(issues.map((issue) => issue.param)).toEqual(['implicit prefs', 'prediction column']);
    expect(issues[1].message).toBe('prediction column: give the new column a name');
  });

  it('accepts a column by name or by index and nothing else', () => {
    expect(validateParams(specs, { 'user column': { type: 'index', value: 2 } })).toEqual([]);
    expect(validateParams(specs, { 'user column': { type: 'index', value: -1 } })).toHaveLength(1);
    expect(validateParams(specs, { 'user column': 'user' })).toHaveLength(1);
  });

  it('checks the nested parameters of the chosen option under a path', () => {
    const issues = validateParams(specs, { 'split mode': { RANDOM: { 'split ratio': 2 } } });
    expect(issues).toEqual([
      {
        param: 'split mode › split ratio',
        message: 'split ratio must satisfy 0 <= split ratio <= 1; got 2',
      },
    ]);
  });

  it('rejects an option that does not exist', () => {
    const [issue] = validateParams(specs, { 'split mode': { SOMETIMES: {} } });
    expect(issue.message).toBe(
      'split mode must be one of "RANDOM", "CONDITIONAL"; got {"SOMETIMES":{}}',
    );
  });
});

describe('finding a selected column', () => {
  const schema = {
    columns: [
      { name: 'user', type: 'string' as const },
      { name: 'item', type: 'integer' as const },
    ],
  };
  const spec = specs[3] as Extract<ParamSpec, { kind: 'column' }>;

  it('finds columns by name and by index', () => {
    expect(findColumn(spec, { type: 'index', value: 1 }, schema)).toEqual({
      column: { name: 'item', type: 'integer' },
    });
  });

  it('lists the columns there are when the selected one is missing', () => {
    expect(findColumn(spec, { type: 'column', value: 'rating' }, schema)).toEqual({
      error:
        'user column: Column `rating` does not exist in the input DataFrame ' +
        '(column names: `user`, `item`)',
    });
  });

  it('says which type a column has and which it needs', () => {
    expect(findColumn(spec, { type: 'column', value: 'user' }, schema)).toEqual({
      error: "user column: Column `user` has type 'string' instead of expected 'numeric'",
    });
  });
});
