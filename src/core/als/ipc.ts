import {
  Field,
  FixedSizeList,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Type,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { RecflowError } from '../errors';
import type { AlsModel } from './types';

/**
 * A model as an Arrow IPC file: one table, one row per factor, user rows first:
 *
 *   side: Utf8 ("user" | "item") · id: Int32 · features: FixedSizeList<Float64>[rank]
 *
 * (Spark stores `id` and `features` per side too.) The schema metadata carries
 * `recflow.model` = "als" and `recflow.format` = "1". Within a side, ids ascend.
 */

const MODEL_KEY = 'recflow.model';
const FORMAT_KEY = 'recflow.format';
const FORMAT_VERSION = '1';
/** Arrow IPC files start and end with these six bytes. */
const ARROW_MAGIC = 'ARROW1';

/** The model as the bytes of an Arrow IPC file (layout above). */
export function modelToIpc(model: AlsModel): Uint8Array {
  const { rank, userIds, itemIds } = model;
  const rows = userIds.length + itemIds.length;
  const sides = new Array<string>(rows)
    .fill('user', 0, userIds.length)
    .fill('item', userIds.length);
  const ids = new Int32Array(rows);
  ids.set(userIds);
  ids.set(itemIds, userIds.length);
  const features = new Float64Array(rows * rank);
  features.set(model.userFactors);
  features.set(model.itemFactors, model.userFactors.length);

  const featureType = new FixedSizeList(rank, new Field('factor', new Float64(), false));
  const fields = [
    new Field('side', new Utf8(), false),
    new Field('id', new Int32(), false),
    new Field('features', featureType, false),
  ];
  const metadata = new Map([
    [MODEL_KEY, 'als'],
    [FORMAT_KEY, FORMAT_VERSION],
  ]);
  const schema = new Schema(fields, metadata);
  const children = [
    vectorFromArray(sides, new Utf8()).data[0],
    makeData({ type: new Int32(), length: rows, nullCount: 0, data: ids }),
    makeData({
      type: featureType,
      length: rows,
      nullCount: 0,
      child: makeData({ type: new Float64(), length: rows * rank, nullCount: 0, data: features }),
    }),
  ];
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }),
  );
  return tableToIPC(new Table(schema, [batch]), 'file');
}

function invalid(reason: string): RecflowError {
  return new RecflowError(
    `the file is not an ALS model saved by recflow: ${reason}; export the model again.`,
  );
}

function hasMagic(bytes: Uint8Array): boolean {
  const text = (start: number) => String.fromCharCode(...bytes.subarray(start, start + 6));
  return bytes.length >= 12 && text(0) === ARROW_MAGIC && text(bytes.length - 6) === ARROW_MAGIC;
}

function readTable(bytes: Uint8Array): Table {
  if (!hasMagic(bytes)) throw invalid('it is not an Arrow IPC file');
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw invalid(`its Arrow data cannot be read (${(error as Error).message})`);
  }
}

function checkSchema(table: Table): number {
  const { metadata, fields } = table.schema;
  if (metadata.get(MODEL_KEY) !== 'als') throw invalid(`its metadata lacks ${MODEL_KEY} = als`);
  if (metadata.get(FORMAT_KEY) !== FORMAT_VERSION) {
    throw invalid(
      `it has format ${metadata.get(FORMAT_KEY)}, this version reads ${FORMAT_VERSION}`,
    );
  }

  const typeOf = (name: string) => fields.find((field) => field.name === name)?.type;
  const features = typeOf('features');
  if (typeOf('side')?.typeId !== Type.Utf8) throw invalid('column `side` is missing or not text');
  if (typeOf('id')?.typeId !== Type.Int || (typeOf('id') as Int32).bitWidth !== 32) {
    throw invalid('column `id` is missing or not 32-bit integers');
  }
  if (features?.typeId !== Type.FixedSizeList) throw invalid('column `features` is missing');
  const { listSize, children } = features as FixedSizeList;
  const factorType = children[0].type;
  if (listSize < 1 || factorType.typeId !== Type.Float || (factorType as Float64).precision < 1) {
    throw invalid('column `features` does not hold lists of floats');
  }
  return listSize;
}

/** Reads a model written by `modelToIpc`, checking the layout, ids and factors. */
export function modelFromIpc(bytes: Uint8Array): AlsModel {
  const table = readTable(bytes);
  const rank = checkSchema(table);
  if (table.nullCount > 0) throw invalid('it has empty cells');

  const sideColumn = table.getChild('side')!;
  const idColumn = table.getChild('id')!.toArray() as Int32Array;
  const features = new Float64Array(table.numRows * rank);
  let base = 0;
  for (const data of table.getChild('features')!.data) {
    const values = data.children[0].values as Float64Array;
    features.set(values.subarray(0, data.length * rank), base * rank);
    base += data.length;
  }

  let numUsers = 0;
  while (numUsers < table.numRows && sideColumn.get(numUsers) === 'user') numUsers++;
  for (let row = numUsers; row < table.numRows; row++) {
    if (sideColumn.get(row) !== 'item') throw invalid(`row ${row + 1} is not an item row`);
  }
  for (let row = 1; row < table.numRows; row++) {
    if (row !== numUsers && idColumn[row] <= idColumn[row - 1]) {
      throw invalid(`the ids are not ascending at row ${row + 1}`);
    }
  }
  if (!features.every(Number.isFinite)) throw invalid('a factor is not a finite number');

  return {
    rank,
    userIds: idColumn.slice(0, numUsers),
    userFactors: features.slice(0, numUsers * rank),
    itemIds: idColumn.slice(numUsers),
    itemFactors: features.slice(numUsers * rank),
  };
}
