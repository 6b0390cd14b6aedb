import {
  type Data,
  type DataType,
  makeBuilder,
  makeData,
  RecordBatch,
  Struct,
  Table,
  Type,
  type Vector,
} from 'apache-arrow';

/**
 * Row selection over Arrow tables without a JavaScript object per row where it can: integer
 * and floating-point columns are gathered straight from their value buffers and validity
 * bitmaps; other types (text, booleans, timestamps, decimals) go through an Arrow builder,
 * one value at a time.
 */

type Gatherable =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

function isBitSet(bitmap: Uint8Array, bit: number): boolean {
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}

/** One value per element of the value buffer: every Int width and Float16/32/64. */
function hasFlatValues(type: DataType): boolean {
  return type.typeId === Type.Int || type.typeId === Type.Float;
}

/** Gathers `rows` (ascending) of a flat numeric column into one chunk. */
function gatherFlat(column: Vector, rows: Int32Array): Data {
  const chunks = column.data;
  const first = chunks[0]?.values as Gatherable | undefined;
  const ArrayType = (first?.constructor ?? Float64Array) as new (length: number) => Gatherable;
  const values = new ArrayType(rows.length);
  const validity = new Uint8Array((rows.length + 7) >> 3);
  let nullCount = 0;

  let chunkIndex = 0;
  let chunkStart = 0;
  for (let out = 0; out < rows.length; out++) {
    const row = rows[out];
    while (row >= chunkStart + chunks[chunkIndex].length) {
      chunkStart += chunks[chunkIndex].length;
      chunkIndex++;
    }
    const chunk = chunks[chunkIndex];
    const local = row - chunkStart;
    // Value buffers of sliced chunks start at the slice; their bitmaps keep the offset.
    (values as unknown as number[])[out] = (chunk.values as unknown as number[])[local];
    const valid =
      chunk.nullCount <= 0 ||
      chunk.nullBitmap === undefined ||
      chunk.nullBitmap.length === 0 ||
      isBitSet(chunk.nullBitmap, chunk.offset + local);
    if (valid) validity[out >> 3] |= 1 << (out & 7);
    else nullCount++;
  }

  return makeData({
    type: column.type,
    length: rows.length,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
    data: values,
  } as never);
}

function gatherWithBuilder(column: Vector, rows: Int32Array): Data {
  const builder = makeBuilder({ type: column.type, nullValues: [null, undefined] });
  for (let i = 0; i < rows.length; i++) builder.append(column.get(rows[i]));
  return builder.finish().flush();
}

/**
 * A table of the given rows of `table`, in the order given; `rows` must ascend (each row
 * at most once). Every column keeps its name and type; the result is a single batch.
 */
export function takeRows(table: Table, rows: Int32Array): Table {
  const children = table.schema.fields.map((field, index) => {
    const column = table.getChildAt(index)!;
    return hasFlatValues(field.type) && column.data.length > 0
      ? gatherFlat(column, rows)
      : gatherWithBuilder(column, rows);
  });
  const data = makeData({
    type: new Struct(table.schema.fields),
    length: rows.length,
    nullCount: 0,
    children,
  });
  return new Table(table.schema, [new RecordBatch(table.schema, data)]);
}
