/**
 * Fuzz tests of parameter validation over every operation of the catalog, seeded and short
 * by default. For a long session:
 *
 *   FUZZ_RUNS=100000 npx vitest run src/core --testNamePattern fuzz
 *
 * (add FUZZ_SEED=<n> to explore other cases; see `testing/corpusFuzz.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../operations/catalog.ts';
import { fuzzParameters, fuzzSeed, fuzzTimeout } from '../testing/corpusFuzz.ts';
import {
  isColumnSelection,
  isMultipleColumnSelection,
  type ParamSpec,
  type ParamValues,
  type ResolvedChoice,
  resolveParams,
  validateParams,
} from './index.ts';

/** Any value a workflow file can hold, keys that reach prototypes included. */
const jsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 }).chain((value) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(value) },
    // As JSON.parse gives it: `__proto__` as an own key, not a prototype.
    { weight: 1, arbitrary: fc.constant(JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`)) },
  ),
);

/** Numbers at and around every edge a numeric rule has. */
const edgyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 31, -(2 ** 31), 2 ** 53, 1e308, -1e308, Infinity),
  fc.constantFrom(-Infinity, Number.NaN, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2),
);

/** A value for `spec`: usually one of roughly the right shape, else anything at all. */
function valueFor(spec: ParamSpec): fc.Arbitrary<unknown> {
  const anything = fc.oneof(jsonValue, fc.constant(undefined), fc.constant(null));
  return fc.oneof({ weight: 3, arbitrary: shapedValue(spec) }, { weight: 1, arbitrary: anything });
}

function shapedValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'numeric': {
      const bounds = [spec.min, spec.max].filter((bound) => bound !== undefined) as number[];
      const nearBounds = bounds.flatMap((bound) => [bound, bound - 1, bound + 1, bound + 0.5]);
      return nearBounds.length > 0
        ? fc.oneof(edgyNumber, fc.constantFrom(...nearBounds))
        : edgyNumber;
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
    case 'string':
      return fc.oneof(fc.string(), fc.constantFrom('', ' ', '\t', '__proto__'));
    case 'file':
      return fc.oneof(fc.string(), fc.constantFrom('', 'ratings.csv'));
    case 'overrides':
      return fc.oneof(fc.constant({}), fc.dictionary(fc.string(), jsonValue));
    case 'column':
      return fc.record({
        type: fc.constantFrom('column', 'index', 'name', ''),
        value: fc.oneof(fc.string(), edgyNumber, jsonValue),
      });
    case 'columns':
      return fc.record(
        {
          selections: fc.oneof(
            fc.array(
              fc.record({
                type: fc.constantFrom('columnList', 'indexList', 'indexRange', 'typeList', 'x'),
                values: fc.oneof(
                  fc.array(fc.oneof(fc.string(), fc.nat(5), edgyNumber), { maxLength: 3 }),
                  fc.array(fc.constantFrom('numeric', 'string', 'boolean', 'vector'), {
                    maxLength: 2,
                  }),
                  jsonValue,
                ),
              }),
              { maxLength: 3 },
            ),
            jsonValue,
          ),
          excluding: fc.oneof(fc.boolean(), jsonValue),
        },
        { requiredKeys: [] },
      );
    case 'choice': {
      const option = fc.constantFrom(...spec.options);
      const chosen = option.chain((picked) =>
        fc.record({
          name: fc.oneof(
            { weight: 4, arbitrary: fc.constant(picked.name) },
            { weight: 1, arbitrary: fc.string() },
          ),
          nested: fc.oneof(
            { weight: 4, arbitrary: valuesFor(picked.params) },
            { weight: 1, arbitrary: jsonValue },
          ),
        }),
      );
      return fc.oneof(
        { weight: 4, arbitrary: chosen.map(({ name, nested }) => ({ [name]: nested })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(chosen, chosen)
            .map(([a, b]) => ({ [a.name]: a.nested, [b.name]: b.nested })),
        },
      );
    }
  }
}

/**
 * Values for a list of specs: one of them set and the rest left to their defaults, so that
 * the values often pass and their resolution is tested too, or any of them set at once.
 */
function valuesFor(specs: ParamSpec[]): fc.Arbitrary<ParamValues> {
  if (specs.length === 0) return fc.constant({});
  const one = fc
    .constantFrom(...specs)
    .chain((spec) => valueFor(spec).map((value) => ({ [spec.name]: value })));
  const record = Object.fromEntries(specs.map((spec) => [spec.name, valueFor(spec)]));
  const any = fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<ParamValues>;
  return fc.oneof(one, any);
}

/** Problems with a resolved value, in words: it must be of its kind's JavaScript type. */
function typeProblems(specs: ParamSpec[], resolved: Record<string, unknown>, path = ''): string[] {
  return specs.flatMap((spec) => {
    const value = resolved[spec.name];
    const name = `${path}${spec.name}`;
    const wrong = (what: string) => [`${name}: ${what}, got ${String(value)}`];
    switch (spec.kind) {
      case 'numeric': {
        if (typeof value !== 'number' || Number.isNaN(value)) return wrong('not a number');
        if (spec.integer && !Number.isInteger(value)) return wrong('not an integer');
        const low =
          spec.min === undefined || (spec.minExclusive ? value > spec.min : value >= spec.min);
        const high =
          spec.max === undefined || (spec.maxExclusive ? value < spec.max : value <= spec.max);
        return low && high ? [] : wrong('out of range');
      }
      case 'boolean':
        return typeof value === 'boolean' ? [] : wrong('not a boolean');
      case 'string':
        if (typeof value !== 'string') return wrong('not a string');
        return spec.check?.(value) ? wrong('breaks its check') : [];
      case 'file':
        return typeof value === 'string' && value !== '' ? [] : wrong('not a file name');
      case 'column':
        return isColumnSelection(value) ? [] : wrong('not a column selection');
      case 'columns':
        return isMultipleColumnSelection(value) ? [] : wrong('not a multiple column selection');
      case 'choice': {
        const choice = value as ResolvedChoice;
        const option = spec.options.find((candidate) => candidate.name === choice?.option);
        if (option === undefined) return wrong('not one of the options');
        return typeProblems(option.params, choice.params, `${name} › `);
      }
      case 'overrides':
        return typeof value === 'object' && value !== null ? [] : wrong('not an object');
      default:
        return wrong('of a kind this test does not know');
    }
  });
}

describe(`fuzz: parameter validation (seed ${fuzzSeed})`, () => {
  for (const operation of operations) {
    it(
      `${operation.name}: any values give issues or values of the right types, never a throw`,
      () => {
        let valid = 0;
        fc.assert(
          fc.property(valuesFor(operation.params), (values) => {
            const issues = validateParams(operation.params, values);
            for (const issue of issues) {
              expect(typeof issue.param).toBe('string');
              expect(typeof issue.message).toBe('string');
              // The message names the parameter it is about.
              expect(issue.message).toContain(issue.param.split(' › ').at(-1));
            }
            if (issues.length > 0) return;
            valid++;
            const resolved = resolveParams(operation.params, values);
            expect(typeProblems(operation.params, resolved)).toEqual([]);
          }),
          fuzzParameters(150),
        );
        // Operations without a file to upload must also pass sometimes, or only the
        // refusals would be tested.
        const needsUpload = operation.params.some((spec) => spec.kind === 'file');
        if (operation.params.length > 0 && !needsUpload) expect(valid).toBeGreaterThan(0);
      },
      fuzzTimeout(150, 5),
    );
  }

  it('defaults alone are valid for every operation, except a file to upload', () => {
    for (const operation of operations) {
      const issues = validateParams(operation.params, {});
      const files = operation.params
        .filter((spec) => spec.kind === 'file')
        .map((spec) => spec.name);
      expect(issues.map((issue) => issue.param)).toEqual(files);
    }
  });
});
