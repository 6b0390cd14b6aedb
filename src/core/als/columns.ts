import {
  type Data,
  type Decimal,
  type Float,
  type Table,
  Type,
  util,
  type Vector,
} from 'apache-arrow';
import { RecflowError } from '../errors';
import { columnTypeOf, isNumeric, listColumns, schemaOf } from '../frame/schema';

/**
 * Reading numeric Arrow columns into Float64Arrays chunk by chunk, from the value buffers and
 * null bitmaps, without a JS object per row. Accepts every Int and Uint width, Float16/32/64
 * and Decimal; anything else is reported with the column's type as the user sees it.
 */

/** The column `name`, checked to exist and to hold numbers. */
export function numericColumn(table: Table, name: string): Vector {
  const field = table.schema.fields.find((candidate) => candidate.name === name);
  if (!field) {
    const schema = schemaOf(table);
    const choices =
      schema.columns.length > 0 ? `choose one of ${listColumns(schema)}` : 'the input has none';
    throw new RecflowError(`column \`${name}\` does not exist; ${choices}.`);
  }

  const type = columnTypeOf(field.type);
  if (!isNumeric(type)) {
    throw new RecflowError(
      `column \`${name}\` must be numeric but is ${type}; choose a numeric column or ` +
        'convert this one to numbers.',
    );
  }
  return table.getChild(name)!;
}

/** A decimal's two's-complement little-endian 32-bit words, divided by 10^scale. */
function decimalToNumber(words: Uint32Array, start: number, stride: number, scale: number) {
  let unscaled = 0n;
  for (let w = stride - 1; w >= 0; w--) unscaled = (unscaled << 32n) | BigInt(words[start + w]);
  if (words[start + stride - 1] & 0x80000000) unscaled -= 1n << BigInt(32 * stride);
  const value = Number(unscaled);
  return scale >= 0 ? value / 10 ** scale : value * 10 ** -scale;
}

function copyChunk(data: Data, out: Float64Array, base: number): void {
  const { type, length } = data;
  if (type.typeId === Type.Decimal) {
    const { bitWidth, scale } = type as Decimal;
    const stride = bitWidth / 32;
    const words = data.values as Uint32Array;
    for (let i = 0; i < length; i++) {
      out[base + i] = decimalToNumber(words, i * stride, stride, scale);
    }
    return;
  }

  const values = data.values;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < length; i++) out[base + i] = Number(values[i]);
  } else if (type.typeId === Type.Float && (type as Float).precision === 0) {
    // Float16 arrives as raw half-precision bits.
    for (let i = 0; i < length; i++) out[base + i] = util.uint16ToFloat64(values[i] as number);
  } else {
    out.set((values as Int32Array | Float64Array).subarray(0, length), base);
  }
}

/** 0-based index within the chunk of its first null, or -1. */
function firstNullIn(data: Data): number {
  if (data.nullCount <= 0) return -1;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return -1;
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i;
    if ((bitmap[bit >> 3] & (1 << (bit & 7))) === 0) return i;
  }
  return -1;
}

/**
 * The values of a numeric column as doubles, and the 0-based row of its first null (-1 if
 * none; a null reads as 0). Int64 beyond 2^53 and wide decimals are rounded to the nearest
 * double, which still tells an id out of the 32-bit range apart.
 */
export function readNumbers(vector: Vector): { values: Float64Array; firstNull: number } {
  const values = new Float64Array(vector.length);
  let firstNull = -1;
  let base = 0;
  for (const data of vector.data) {
    copyChunk(data, values, base);
    const chunkNull = firstNull < 0 ? firstNullIn(data) : -1;
    if (chunkNull >= 0) firstNull = base + chunkNull;
    base += data.length;
  }
  return { values, firstNull };
}
