/**
 * Fixtures for the tests of this folder; not part of the public API. Each builds a small
 * source in memory, so a test shows all of its input.
 */
import type { Table } from 'apache-arrow';
import type { ColumnType } from '../frame/schema.ts';
import { schemaOf } from '../frame/schema.ts';
import { readCsv } from './readCsv.ts';
import type { CsvOptions, CsvReadHooks, CsvReadResult, CsvSource } from './types.ts';
import { defaultCsvOptions } from './types.ts';

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Reads CSV text with the defaults, overridden by `options`. */
export function read(
  text: string | Uint8Array,
  options: Partial<CsvOptions> = {},
  hooks?: CsvReadHooks,
): Promise<CsvReadResult> {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  return readCsv(bytes, { ...defaultCsvOptions, ...options }, hooks);
}

/** Column name → type, in column order. */
export function typesOf(table: Table): Record<string, ColumnType> {
  return Object.fromEntries(schemaOf(table).columns.map((column) => [column.name, column.type]));
}

/** Column name → values as plain JavaScript (null for null, ms for timestamps). */
export function valuesOf(table: Table): Record<string, unknown[]> {
  return Object.fromEntries(
    table.schema.fields.map((field) => [field.name, [...table.getChild(field.name)!]]),
  );
}

/** Arrow type names, such as `Int32` or `Timestamp<MILLISECOND>`, by column name. */
export function arrowTypesOf(table: Table): Record<string, string> {
  return Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]));
}

/** The stream form of `CsvSource`. */
export type StreamSource = Exclude<CsvSource, Uint8Array>;

/**
 * A source that hands out `bytes` in pieces ending at `cuts` (indexes into `bytes`), as a
 * `ReadableStream` or as an async iterable; `reads` counts the streams opened.
 */
export function chunkedSource(
  bytes: Uint8Array,
  cuts: number[],
  kind: 'readable-stream' | 'async-iterable' = 'readable-stream',
): StreamSource & { reads: number; cancelled: number } {
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  const pieces = bounds.slice(1).map((end, index) => bytes.slice(bounds[index], end));
  const source = {
    size: bytes.length,
    reads: 0,
    cancelled: 0,
    stream(): ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
      source.reads++;
      if (kind === 'async-iterable') {
        return (async function* () {
          for (const piece of pieces) yield piece;
        })();
      }
      let next = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (next < pieces.length) controller.enqueue(pieces[next++]);
          else controller.close();
        },
        cancel() {
          source.cancelled++;
        },
      });
    },
  };
  return source;
}

/** Cuts `bytes` into pieces of `size` bytes. */
export function everyNBytes(bytes: Uint8Array, size: number): number[] {
  const cuts: number[] = [];
  for (let cut = size; cut < bytes.length; cut += size) cuts.push(cut);
  return cuts;
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
