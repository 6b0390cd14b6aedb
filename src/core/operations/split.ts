import { RecflowError, throwIfAborted } from '../errors.ts';
import { takeRows } from '../frame/takeRows.ts';
import type { DataFrameValue, Knowledge, OperationDescriptor } from '../operation.ts';
import { type ParamSpec, type ResolvedParams, read } from '../params/index.ts';

const params: ParamSpec[] = [
  {
    name: 'split mode',
    kind: 'choice',
    default: 'RANDOM',
    description: 'How rows are divided between the two outputs.',
    options: [
      {
        name: 'RANDOM',
        params: [
          {
            name: 'split ratio',
            kind: 'numeric',
            default: 0.5,
            min: 0,
            max: 1,
            description:
              'Share of the rows that go to the first output; the rest go to the second.',
          },
          {
            name: 'seed',
            kind: 'numeric',
            default: 0,
            min: -2147483648,
            max: 2147483647,
            integer: true,
            description:
              'Seed of the random draw; the same seed splits the same rows the same way.',
          },
        ],
      },
      {
        name: 'CONDITIONAL',
        params: [
          {
            name: 'condition',
            kind: 'string',
            default: '',
            description: 'A SQL condition; rows that meet it go to the first output.',
          },
        ],
      },
    ],
  },
];

const conditionalUnsupported =
  'split mode: recflow does not support conditions yet; choose RANDOM to split the rows.';

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole output. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A uniform draw in [0, 1) for one row, a pure function of (seed, row): the same seed puts
 * each row on the same side whatever the chunking of the table. Spark draws per partition,
 * so its splits differ from these; only the ratio is comparable.
 */
export function rowDraw(seed: number, row: number): number {
  const high = mix32((seed ^ 0x9e3779b9) + Math.imul(Math.floor(row / 2 ** 32), 0x632be5ab));
  return mix32(mix32(row >>> 0) ^ high) / 2 ** 32;
}

/** Which rows go to the first output (a draw below the ratio) and which to the second. */
export function randomSplitRows(
  rowCount: number,
  ratio: number,
  seed: number,
): { first: Int32Array; second: Int32Array } {
  const first = new Int32Array(rowCount);
  const second = new Int32Array(rowCount);
  let firstCount = 0;
  let secondCount = 0;
  for (let row = 0; row < rowCount; row++) {
    if (rowDraw(seed, row) < ratio) first[firstCount++] = row;
    else second[secondCount++] = row;
  }
  return { first: first.slice(0, firstCount), second: second.slice(0, secondCount) };
}

function randomParams(resolved: ResolvedParams): { ratio: number; seed: number } | null {
  const mode = read.choice(resolved, 'split mode');
  if (mode.option !== 'RANDOM') return null;
  return { ratio: read.number(mode.params, 'split ratio'), seed: read.number(mode.params, 'seed') };
}

export const split: OperationDescriptor = {
  id: 'd273c42f-b840-4402-ba6b-18282cc68de3',
  name: 'Split',
  category: ['Set operation'],
  description:
    'Divides the rows of a DataFrame in two, e.g. into training and test ratings: RANDOM ' +
    'sends about the split ratio of the rows to the first output, drawn from the seed.',
  inputs: [{ type: 'DataFrame', description: 'the rows to divide' }],
  outputs: [
    { type: 'DataFrame', description: 'about the split ratio of the rows' },
    { type: 'DataFrame', description: 'the other rows' },
  ],
  params,

  infer({ params: resolved, inputs: [frame] }) {
    const schema = frame?.type === 'DataFrame' ? frame.schema : null;
    const output: Knowledge = { type: 'DataFrame', schema };
    const errors = randomParams(resolved) === null ? [conditionalUnsupported] : [];
    return { outputs: [output, output], errors };
  },

  async execute(inputs, context) {
    const random = randomParams(context.params);
    // TODO(split): evaluate CONDITIONAL's SQL condition once recflow has row expressions.
    if (random === null) throw new RecflowError(conditionalUnsupported);

    const table = (inputs[0] as DataFrameValue).table;
    const rows = randomSplitRows(table.numRows, random.ratio, random.seed);
    throwIfAborted(context.signal);
    return [
      { type: 'DataFrame', table: takeRows(table, rows.first) },
      { type: 'DataFrame', table: takeRows(table, rows.second) },
    ];
  },
};
