import { readCsv } from '../csv/index.ts';
import { RecflowError } from '../errors.ts';
import type { OperationDescriptor } from '../operation.ts';
import { type ParamSpec, type ResolvedParams, read } from '../params/index.ts';

const separators: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  colon: ':',
  space: ' ',
  tab: '\t',
};

const params: ParamSpec[] = [
  {
    name: 'CSV file',
    kind: 'file',
    default: null,
    accept: '.csv,.tsv,.txt,.dat,text/csv,text/plain',
    description: 'The uploaded file to read; it is kept in the browser with the workflow.',
  },
  {
    name: 'separator',
    kind: 'choice',
    default: 'comma',
    description: 'What separates the fields of a row.',
    options: [
      ...Object.keys(separators).map((name) => ({ name, params: [] })),
      {
        name: 'custom',
        params: [
          {
            name: 'custom separator',
            kind: 'string',
            default: ',',
            description: 'One or more characters, e.g. `::` for MovieLens files.',
            check: (value: string) => (value === '' ? 'type at least one character' : null),
          },
        ],
      },
    ],
  },
  {
    name: 'names included',
    kind: 'boolean',
    default: true,
    description: 'Whether the first row holds the column names.',
  },
  {
    name: 'convert to boolean',
    kind: 'boolean',
    default: false,
    description: 'Whether columns holding only true/false or 0/1 become boolean columns.',
  },
];

/** The separator string the chosen option stands for. */
export function separatorOf(resolved: ResolvedParams): string {
  const choice = read.choice(resolved, 'separator');
  if (choice.option === 'custom') return read.string(choice.params, 'custom separator');
  return separators[choice.option];
}

export const readDataFrame: OperationDescriptor = {
  id: 'c48dd54c-6aef-42df-ad7a-42fc59a09f0e',
  name: 'Read DataFrame',
  category: ['Input/Output'],
  description:
    'Reads a CSV file uploaded in the browser into a DataFrame, inferring each column’s type.',
  inputs: [],
  outputs: [{ type: 'DataFrame', description: 'the rows of the file' }],
  params,

  infer() {
    // The schema is known once the file has been read; the planner supplies it from the result.
    return { outputs: [{ type: 'DataFrame', schema: null }], errors: [] };
  },

  async execute(_inputs, context) {
    const fileName = read.file(context.params, 'CSV file');
    const file = fileName === null ? undefined : context.files.get(fileName);
    if (file === undefined) {
      throw new RecflowError(
        fileName === null
          ? 'no file chosen; upload a CSV file in the parameter panel.'
          : `the file \`${fileName}\` is not in this workspace any more; upload it again.`,
      );
    }

    const started = performance.now();
    const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    const { table } = await readCsv(
      file,
      {
        separator: separatorOf(context.params),
        namesIncluded: read.boolean(context.params, 'names included'),
        convertToBoolean: read.boolean(context.params, 'convert to boolean'),
      },
      {
        signal: context.signal,
        onProgress: (bytesRead, totalBytes) =>
          context.reportProgress({
            label: `${megabytes(bytesRead)} of ${megabytes(totalBytes)}`,
            fraction: totalBytes > 0 ? bytesRead / totalBytes : undefined,
            elapsedMs: performance.now() - started,
          }),
      },
    );
    return [{ type: 'DataFrame', table }];
  },
};
