/**
 * Settings and building blocks shared by the fuzz tests (`*.fuzz.test.ts`). Every property
 * runs with a fixed seed unless FUZZ_SEED says otherwise, so a failure seen once is seen
 * again; FUZZ_RUNS raises the number of runs for a long session:
 *
 *   FUZZ_SEED=7 FUZZ_RUNS=100000 npx vitest run src/core --testNamePattern fuzz
 *
 * A failing property prints its seed and the `path` of the shrunk case; pass both back
 * (`{ seed, path }` in `fuzzParameters`) to replay exactly that case.
 */
import fc from 'fast-check';

const defaultSeed = 20_240_611;

function numberFromEnvironment(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, not ${text}`);
  return value;
}

/** The seed every property of this run uses. */
export const fuzzSeed = numberFromEnvironment('FUZZ_SEED') ?? defaultSeed;

/** Runs per property: FUZZ_RUNS when set, else `quickRuns`, sized for the everyday suite. */
export function fuzzRuns(quickRuns: number): number {
  return numberFromEnvironment('FUZZ_RUNS') ?? quickRuns;
}

/** fast-check parameters for one property: the shared seed and its number of runs. */
export function fuzzParameters<T>(quickRuns: number): fc.Parameters<T> {
  return { seed: fuzzSeed, numRuns: fuzzRuns(quickRuns) };
}

/**
 * A vitest timeout for a property: generous per run, so that a long session is not cut
 * short, while a hang inside one run is caught by that run's own `withTimeout`.
 */
export function fuzzTimeout(quickRuns: number, msPerRun: number): number {
  return Math.max(30_000, fuzzRuns(quickRuns) * msPerRun);
}

/** One step that changes bytes: insert, delete or replace at a position taken modulo length. */
export type ByteMutation =
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'replace'; at: number; byte: number };

/**
 * Bytes that mean something to a CSV reader or to UTF-8, drawn more often than the rest:
 * separators, quotes, line breaks, blanks, digits and number letters, NUL, the byte order
 * marks and lead bytes of multi-byte characters.
 */
const telling = [
  0x2c, 0x3b, 0x3a, 0x09, 0x20, 0x22, 0x0a, 0x0d, 0x30, 0x31, 0x39, 0x2e, 0x2d, 0x2b, 0x65, 0x45,
  0x4e, 0x49, 0x61, 0x7c, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0,
  0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0x80,
];

export const csvByte: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...telling) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(csvByte, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: csvByte }),
);

/** `bytes` changed by each mutation in turn. */
export function mutateBytes(bytes: Uint8Array, mutations: ByteMutation[]): Uint8Array {
  let current = Array.from(bytes);
  for (const mutation of mutations) {
    const at = current.length === 0 ? 0 : mutation.at % (current.length + 1);
    if (mutation.kind === 'insert') {
      current = [...current.slice(0, at), ...mutation.bytes, ...current.slice(at)];
    } else if (mutation.kind === 'delete') {
      current.splice(at, mutation.count);
    } else if (at < current.length) {
      current[at] = mutation.byte;
    }
  }
  return Uint8Array.from(current);
}

/** Cut positions for a source of `length` bytes from piece sizes of 1 to 16, repeated. */
export function cutsOf(length: number, pieceSizes: number[]): number[] {
  const cuts: number[] = [];
  if (pieceSizes.length === 0) return cuts;
  for (let at = pieceSizes[0], step = 1; at < length; step++) {
    cuts.push(at);
    at += pieceSizes[step % pieceSizes.length];
  }
  return cuts;
}

export const pieceSizes = fc.array(fc.integer({ min: 1, max: 16 }), { maxLength: 6 });
