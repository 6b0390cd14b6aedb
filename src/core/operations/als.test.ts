import { describe, expect, it } from 'vitest';
import { resolveParams, validateParams } from '../params/index.ts';
import { sharedFile } from '../testing/sharedFiles.ts';
import { als, alsParamsOf } from './als.ts';

/** Seahorse's type names for recflow's parameter kinds. */
const seahorseType = {
  numeric: 'Numeric',
  boolean: 'Boolean',
  string: 'String',
  column: 'SingleColumnSelector',
  columns: 'MultipleColumnSelector',
  choice: 'Choice',
  file: 'File',
  overrides: 'Dynamic',
} as const;

/** The rows of the seed's parameters table (the page's port table comes before it). */
function seedTable(page: string): { name: string; type: string }[] {
  const rows = page.slice(page.indexOf('## Parameters')).split('<tr>').slice(1);
  return rows
    .map((row) => /<td><code>([^<]+)<\/code><\/td>\s*<td><code><a[^>]*>([^<]+)<\/a>/.exec(row))
    .filter((match) => match !== null)
    .map((match) => ({ name: match[1], type: match[2] }));
}

const seed = sharedFile('spec/seed-als-operation.md');

describe.skipIf(seed === null)('the ALS parameter specs', () => {
  it('match the seed docs table: the same names, kinds and order', () => {
    const documented = seedTable(seed!);
    expect(documented).toHaveLength(14);

    const specified = als.params
      .slice(0, documented.length)
      .map((spec) => ({ name: spec.name, type: seahorseType[spec.kind] }));
    expect(specified).toEqual(documented);
  });

  it('add only the cold start strategy and the solver after the seed’s fourteen', () => {
    expect(als.params.slice(14).map((spec) => spec.name)).toEqual([
      'cold start strategy',
      'solver',
    ]);
  });
});

if (seed === null) {
  it.skip('the seed docs table is absent (../shared/spec/seed-als-operation.md)', () => {});
}

describe('the ALS defaults', () => {
  it('are Spark ML’s', () => {
    const defaults = Object.fromEntries(als.params.map((spec) => [spec.name, spec.default]));
    expect(defaults).toMatchObject({
      alpha: 1,
      'checkpoint interval': 10,
      'implicit prefs': false,
      'item column': { type: 'column', value: 'item' },
      'max iterations': 10,
      nonnegative: false,
      'num item blocks': 10,
      'num user blocks': 10,
      'prediction column': 'prediction',
      rank: 10,
      'rating column': { type: 'column', value: 'rating' },
      'regularization param': 0.1,
      seed: 1994790107,
      'user column': { type: 'column', value: 'user' },
      'cold start strategy': 'nan',
      solver: 'cholesky',
    });
  });
});

describe('the solver parameter', () => {
  const resolved = (values: Record<string, unknown>) => resolveParams(als.params, values);

  it('maps to AlsParams: cholesky by default, cg with its steps', () => {
    expect(alsParamsOf(resolved({}))).toMatchObject({ solver: 'cholesky' });
    expect(alsParamsOf(resolved({ solver: { cg: {} } }))).toMatchObject({
      solver: 'cg',
      cgSteps: 3,
    });
    expect(alsParamsOf(resolved({ solver: { cg: { 'cg steps': 7 } } }))).toMatchObject({
      solver: 'cg',
      cgSteps: 7,
    });
  });

  it('allows 1 to 50 cg steps', () => {
    expect(validateParams(als.params, { solver: { cg: { 'cg steps': 50 } } })).toEqual([]);
    expect(validateParams(als.params, { solver: { cg: { 'cg steps': 0 } } })).not.toEqual([]);
    expect(validateParams(als.params, { solver: { cg: { 'cg steps': 51 } } })).not.toEqual([]);
  });

  it('says before running that cg cannot keep factors non-negative', () => {
    const infer = (values: Record<string, unknown>) =>
      als.infer({ params: resolved(values), inputs: [] }).errors;
    expect(infer({ nonnegative: true, solver: { cg: {} } })).toEqual([
      expect.stringContaining('solver: cg cannot keep factors non-negative'),
    ]);
    expect(infer({ nonnegative: true })).toEqual([]);
  });
});
