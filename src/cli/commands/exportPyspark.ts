import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { messageOf, RecflowError } from '../../core/errors.ts';
import { exportPySpark } from '../../core/export/pyspark.ts';
import { type Command, exitCodes } from '../command.ts';
import { parseFileCommandLine } from '../run/args.ts';
import { readWorkflowFile } from '../run/workflowFile.ts';

const flagKinds = { out: 'value' } as const;

const usage = `Usage: recflow export-pyspark WORKFLOW.json [--out FILE.py]

Prints a PySpark script that performs the workflow on a Spark cluster (Spark 3.0 or later):
the CSVs read with the same options, pyspark.ml.recommendation.ALS with every parameter
of each ALS node, Split as randomSplit, the evaluators as RegressionEvaluator and
RankingEvaluator, Recommend as recommendForAllUsers/Items, and every DataFrame that no
node consumes written as CSV. A node with no Spark counterpart (an operation recflow does
not know, Split CONDITIONAL) stops the export with a message naming it.

Options:
  --out FILE.py      write the script to FILE.py instead of printing it

The script takes each Read DataFrame's path as an option (defaulting to the file name the
workflow reads) and --output-dir DIR; run it with --help for the list.

Example:
  recflow export-pyspark workflow.json --out job.py
  spark-submit job.py --read-dataframe hdfs:///ratings.csv --output-dir hdfs:///results`;

/** `recflow export-pyspark`: the same workflow as a PySpark job. */
export const exportPysparkCommand: Command = {
  name: 'export-pyspark',
  summary: 'Print (or write) a PySpark script that runs a workflow file on Spark',
  usage,
  async run(args) {
    const { file, flags } = parseFileCommandLine(args, flagKinds, [], 'workflow file');
    const workflow = await readWorkflowFile(file);
    const script = exportPySpark(workflow, { sourceFile: basename(file) });

    if (flags.out === undefined) {
      process.stdout.write(script);
      return exitCodes.ok;
    }
    try {
      await writeFile(flags.out, script);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      throw new RecflowError(`--out ${flags.out}: cannot write the script (${reason}).`, {
        cause: error,
      });
    }
    process.stderr.write(`recflow export-pyspark: wrote ${flags.out}\n`);
    return exitCodes.ok;
  },
};
