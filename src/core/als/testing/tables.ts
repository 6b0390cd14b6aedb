import {
  type DataType,
  Decimal,
  makeData,
  makeVector,
  Table,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';

/** An Arrow column of the given type, with `null` for empty cells. */
export function column<T extends DataType>(values: unknown[], type: T): Vector<T> {
  return vectorFromArray(values, type) as Vector<T>;
}

/** A 128-bit Decimal column (what a CSV reader may make of "123.00"), two's complement. */
export function decimalColumn(values: number[], scale: number, precision = 15): Vector {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    let unscaled = BigInt(Math.round(value * 10 ** scale));
    if (unscaled < 0n) unscaled += 1n << 128n;
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number((unscaled >> BigInt(32 * w)) & 0xffffffffn);
    }
  });
  const type = new Decimal(scale, precision, 128);
  return makeVector(makeData({ type, length: values.length, nullCount: 0, data: words }));
}

/** A table of the given columns, in one record batch. */
export function tableOf(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

/** The same rows split into record batches of `batchSize` rows. */
export function inBatches(table: Table, batchSize: number): Table {
  const slices: Table[] = [];
  for (let start = 0; start < table.numRows; start += batchSize) {
    slices.push(table.slice(start, start + batchSize));
  }
  return new Table(slices.flatMap((slice) => slice.batches));
}
