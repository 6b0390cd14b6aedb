import { RecflowError } from '../errors.ts';
import type { OperationDescriptor } from '../operation.ts';
import { operationById } from '../operations/catalog.ts';
import { resolveParams, validateParams } from '../params/index.ts';
import {
  connectionInto,
  nodeLabel,
  topologicalOrder,
  type Workflow,
  type WorkflowNode,
} from '../workflow/model.ts';
import { describeNode, graphProblems } from './graph.ts';
import { finalDataFrameOutputs } from './outputNames.ts';
import type { Flow } from './pysparkFlows.ts';
import { helpers, helpersInOrder } from './pysparkHelpers.ts';
import { nodeExports } from './pysparkNodes.ts';
import type { DeferredComponent } from './pysparkScript.ts';
import { type InputArgument, ScriptParts } from './pysparkScript.ts';
import { commentText, PythonNames, pyString } from './python.ts';

/**
 * The PySpark export: a workflow as a Python script that performs the same steps on a Spark
 * cluster with pyspark.ml (Spark 3.0 or later). Pure and framework-free, so that the command
 * line (`recflow export-pyspark`) and the browser (a download) offer the same script.
 */

export interface PySparkExportOptions {
  /** The workflow file the script is made from, named in its header. */
  sourceFile?: string;
}

/** Names the script defines or imports itself; node variables never take them. */
const reservedNames = [
  'args',
  'argparse',
  'spark',
  'F',
  'Window',
  'SparkSession',
  'ALS',
  'RegressionEvaluator',
  'RankingEvaluator',
  'main',
  'parse_args',
  'output_dir',
  'help',
  'column_kind',
  ...Object.keys(helpers),
];

/**
 * Why the workflow cannot be exported, each naming its node: operations recflow does not
 * know, operations or parameter values with no Spark counterpart, invalid parameters,
 * inputs left unconnected, edges the editor would refuse.
 */
export function exportProblems(workflow: Workflow): string[] {
  const problems = graphProblems(workflow);
  for (const node of workflow.nodes) {
    const operation = operationById(node.operationId);
    const exporter = nodeExports.get(node.operationId);
    const named = describeNode(node);
    if (operation === undefined) {
      problems.push(
        `${named}: recflow does not know the operation ${node.operationName} ` +
          `(${node.operationId}), so it has no PySpark counterpart; remove the node.`,
      );
      continue;
    }
    if (exporter === undefined) {
      problems.push(`${named}: ${operation.name} has no PySpark counterpart yet; remove the node.`);
      continue;
    }

    const issues = validateParams(operation.params, node.params);
    problems.push(...issues.map((issue) => `${named}: ${issue.message}.`));
    if (issues.length === 0) {
      const reason = exporter.unsupported?.(resolveParams(operation.params, node.params));
      if (reason) problems.push(`${named}: ${reason}`);
    }
    for (const [portIndex, port] of operation.inputs.entries()) {
      if (
        !port.optional &&
        connectionInto(workflow, { nodeId: node.id, portIndex }) === undefined
      ) {
        problems.push(`${named}: input ${portIndex} (${port.type}) is not connected; connect one.`);
      }
    }
  }
  return problems;
}

/**
 * The workflow as a PySpark script. Throws a RecflowError listing every node that keeps it
 * from being exported (see `exportProblems`).
 */
export function exportPySpark(workflow: Workflow, options: PySparkExportOptions = {}): string {
  const problems = exportProblems(workflow);
  if (problems.length > 0) {
    throw new RecflowError(
      [
        'cannot export the workflow to PySpark:',
        ...problems.map((problem) => `  - ${problem}`),
      ].join('\n'),
    );
  }

  const parts = new ScriptParts();
  parts.needImport('pyspark.sql', 'SparkSession');
  const names = new PythonNames(reservedNames);
  const flows = new Map<string, Flow[]>();
  const nodes = new Map(workflow.nodes.map((node) => [node.id, node]));

  for (const id of topologicalOrder(workflow)) {
    const node = nodes.get(id)!;
    const operation = operationById(node.operationId)!;
    const inputs = operation.inputs.map((_, portIndex) => {
      const edge = connectionInto(workflow, { nodeId: id, portIndex });
      return edge && flows.get(edge.from.nodeId)?.[edge.from.portIndex];
    });
    try {
      const outputs = nodeExports.get(operation.id)!.emit({
        node,
        operation,
        params: resolveParams(operation.params, node.params),
        inputs,
        parts,
        names,
        variable: names.unique(nodeLabel(node), operation.name),
        comment: nodeComment(node, operation),
      });
      flows.set(id, outputs);
    } catch (error) {
      if (!(error instanceof RecflowError)) throw error;
      throw new RecflowError(
        `cannot export the workflow to PySpark: ${describeNode(node)}: ${error.message}`,
        { cause: error },
      );
    }
  }

  noteUnused(flows, parts);
  const written = writeOutputs(workflow, flows, parts);
  return render(workflow, parts, written, options);
}

function nodeComment(node: WorkflowNode, operation: OperationDescriptor): string[] {
  const label = node.label.trim();
  const title = label === '' ? operation.name : `${label} (${operation.name})`;
  return [commentText(`${title}, node ${node.id}`)];
}

/** An ALS or evaluator nothing uses is never built; say so where it would have been. */
function noteUnused(flows: Map<string, Flow[]>, parts: ScriptParts): void {
  const deferred = [...flows.values()].flat().flatMap((flow): DeferredComponent[] => {
    if (flow.type === 'Estimator') return [flow.estimator];
    if (flow.type === 'Evaluator') return [flow.evaluator];
    return [];
  });
  for (const component of deferred.filter((candidate) => !candidate.built)) {
    parts.block(
      [`${component.variable}: connected to nothing that uses it, so Spark never builds it.`],
      [],
    );
  }
}

/** Statements that write the DataFrames no node consumes; whether there are any. */
function writeOutputs(workflow: Workflow, flows: Map<string, Flow[]>, parts: ScriptParts) {
  const outputs = finalDataFrameOutputs(workflow);
  if (outputs.length === 0) return false;
  const lines = outputs.map(({ nodeId, portIndex, name }) => {
    const flow = flows.get(nodeId)?.[portIndex];
    if (flow?.type !== 'DataFrame') throw new Error(`no DataFrame on ${nodeId} port ${portIndex}`);
    const path = `output_dir + ${pyString(`/${name}`)}`;
    return `${flow.variable}.write.csv(${path}, header=True, mode="overwrite")`;
  });
  parts.block(
    ['DataFrames that no node consumes, each as a folder of CSV part files under --output-dir'],
    ['output_dir = args.output_dir.rstrip("/")', ...lines],
  );
  return true;
}

/** Comment lines of at most `width` characters, each starting with `prefix`. */
function wrapComment(text: string, prefix = '# ', width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of commentText(text).split(' ')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(prefix + line);
  return lines;
}

function header(workflow: Workflow, parts: ScriptParts, options: PySparkExportOptions): string[] {
  const file = options.sourceFile === undefined ? '' : `, file ${options.sourceFile}`;
  const options_ = parts.arguments.map((argument) => `--${argument.option} PATH`);
  const differences = [...parts.differences].flatMap((text) => {
    const [first, ...rest] = wrapComment(text, '#     ');
    return [`#   - ${first.slice('#     '.length)}`, ...rest];
  });
  return [
    '#!/usr/bin/env python3',
    ...wrapComment(
      "Generated by recflow's PySpark export (recflow export-pyspark) from the workflow " +
        `"${workflow.name}" (id ` +
        `${workflow.id}${file}). It performs the workflow's steps on Spark with pyspark.ml; ` +
        'change the workflow in recflow and export it again rather than editing this file.',
    ),
    ...(workflow.description.trim() === '' ? [] : ['#', ...wrapComment(workflow.description)]),
    '#',
    '# Run it on Spark 3.0 or later (for multi-character separators and RankingEvaluator):',
    ...wrapComment(
      `spark-submit <this file> ${[...options_, '--output-dir DIR'].join(' ')}`,
      '#   ',
      200,
    ),
    '# Each path defaults to the file name the workflow reads; --help lists the options.',
    ...(differences.length === 0
      ? []
      : ['#', '# Where Spark differs from recflow:', ...differences]),
  ];
}

function argumentLines(argument: InputArgument): string[] {
  const value =
    argument.defaultPath === null ? 'required=True' : `default=${pyString(argument.defaultPath)}`;
  return [
    '    parser.add_argument(',
    `        ${pyString(`--${argument.option}`)},`,
    `        ${value},`,
    '        metavar="PATH",',
    // argparse formats help text with %, so a % in a node's name must be doubled.
    `        help=${pyString(argument.help.replace(/%/g, '%%'))},`,
    '    )',
  ];
}

function parseArgsFunction(workflow: Workflow, parts: ScriptParts, writes: boolean): string[] {
  const outputDir = [
    '    parser.add_argument(',
    '        "--output-dir",',
    '        default="output",',
    '        metavar="DIR",',
    '        help="where to write the DataFrames that no node consumes (default: output)",',
    '    )',
  ];
  return [
    'def parse_args():',
    '    parser = argparse.ArgumentParser(',
    `        description=${pyString(`Runs the recflow workflow "${workflow.name}" on Spark.`)}`,
    '    )',
    ...parts.arguments.flatMap(argumentLines),
    ...(writes ? outputDir : []),
    '    return parser.parse_args()',
  ];
}

function render(
  workflow: Workflow,
  parts: ScriptParts,
  writes: boolean,
  options: PySparkExportOptions,
): string {
  const indent = (line: string) => (line === '' ? '' : `    ${line}`);
  const helperSources = helpersInOrder(parts.helperNames).flatMap((name) => [
    helpers[name].source,
    '',
    '',
  ]);
  const appName = pyString(`recflow: ${workflow.name}`);
  const lines = [
    ...header(workflow, parts, options),
    '',
    'import argparse',
    '',
    ...parts.importLines(),
    '',
    '',
    ...helperSources,
    ...parseArgsFunction(workflow, parts, writes),
    '',
    '',
    'def main():',
    '    args = parse_args()',
    `    spark = SparkSession.builder.appName(${appName}).getOrCreate()`,
    ...parts.statements.map(indent),
    '',
    '    spark.stop()',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ];
  return `${lines.join('\n')}\n`;
}
