import { describe, expect, it } from 'vitest';
import { RecflowError } from '../errors.ts';
import { als, alsRecflowOnlyParams, alsSparkNames } from '../operations/als.ts';
import { operations } from '../operations/catalog.ts';
import { evaluate } from '../operations/evaluate.ts';
import { filterColumns } from '../operations/filterColumns.ts';
import { fitTransform } from '../operations/fitTransform.ts';
import { rankingEvaluator } from '../operations/rankingEvaluator.ts';
import { readDataFrame } from '../operations/readDataFrame.ts';
import { recommend } from '../operations/recommend.ts';
import { regressionEvaluator } from '../operations/regressionEvaluator.ts';
import { split } from '../operations/split.ts';
import { edgeOf, nodeOf, workflowOf } from '../operations/testing/workflow.ts';
import { transform } from '../operations/transform.ts';
import { evaluateAndRecommendDemo, trainAndScoreDemo } from '../workflow/demos.ts';
import type { WorkflowNode } from '../workflow/model.ts';
import { exportPySpark } from './pyspark.ts';
import { alsKeywords, nodeExports } from './pysparkNodes.ts';
import {
  compileError,
  hasPython,
  keywordArguments,
  pysparkConstructors,
  runWithFakeSpark,
  warnWithoutPython,
} from './testing/python.ts';

warnWithoutPython('the checks that exported PySpark scripts compile and run');

const labelled = (node: WorkflowNode, label: string): WorkflowNode => ({ ...node, label });

/**
 * Every operation and most options at once: two files with other separators, Split, Filter
 * Columns and its transformer, ALS with every parameter set and id columns by index, Fit +
 * Transform, scoring another DataFrame, Recommend with and without seen pairs, both
 * evaluators. Labels that are awkward as Python names.
 */
function everythingWorkflow() {
  const nodes = [
    labelled(
      nodeOf('train', readDataFrame, {
        'CSV file': 'train.dat',
        separator: { custom: { 'custom separator': '::' } },
        'names included': false,
      }),
      'Ratings (train)',
    ),
    labelled(
      nodeOf('held-out', readDataFrame, { 'CSV file': 'test.tsv', separator: { tab: {} } }),
      'ratings train',
    ),
    nodeOf('split', split, { 'split mode': { RANDOM: { 'split ratio': 0.75, seed: 42 } } }),
    nodeOf('filter', filterColumns, {
      'selected columns': {
        selections: [{ type: 'indexRange', values: [0, 2] }],
        excluding: false,
      },
    }),
    labelled(
      nodeOf('als', als, {
        alpha: 40,
        'checkpoint interval': 2,
        'implicit prefs': true,
        'item column': { type: 'index', value: 1 },
        'max iterations': 5,
        nonnegative: true,
        'num item blocks': 4,
        'num user blocks': 3,
        'prediction column': 'guess',
        rank: 7,
        'rating column': { type: 'index', value: 2 },
        'regularization param': 0.05,
        seed: -5,
        'user column': { type: 'index', value: 0 },
        'cold start strategy': { drop: {} },
      }),
      'class',
    ),
    nodeOf('fit-transform', fitTransform),
    nodeOf('score', transform),
    nodeOf('recommend-unseen', recommend, { 'number of recommendations': 5 }),
    nodeOf('recommend-items', recommend, {
      'recommend for': { items: {} },
      'number of recommendations': 3,
    }),
    nodeOf('ranking', rankingEvaluator, {
      'ranking metric': { ndcg: {} },
      k: 5,
      'user column': { type: 'index', value: 0 },
      'item column': { type: 'index', value: 1 },
    }),
    nodeOf('evaluate-ranking', evaluate),
    nodeOf('regression', regressionEvaluator, {
      'regression metric': { mae: {} },
      'prediction column': { type: 'column', value: 'guess' },
      'label column': { type: 'index', value: 2 },
    }),
    nodeOf('evaluate-regression', evaluate),
    nodeOf('select-held-out', transform),
  ];
  const connections = [
    edgeOf('train', 0, 'split', 0),
    edgeOf('split', 0, 'filter', 0),
    edgeOf('als', 0, 'fit-transform', 0),
    edgeOf('filter', 0, 'fit-transform', 1),
    edgeOf('fit-transform', 1, 'score', 0),
    edgeOf('held-out', 0, 'score', 1),
    edgeOf('fit-transform', 1, 'recommend-unseen', 0),
    edgeOf('filter', 0, 'recommend-unseen', 1),
    edgeOf('fit-transform', 1, 'recommend-items', 0),
    edgeOf('recommend-unseen', 0, 'ranking', 0),
    edgeOf('ranking', 0, 'evaluate-ranking', 0),
    edgeOf('held-out', 0, 'evaluate-ranking', 1),
    edgeOf('regression', 0, 'evaluate-regression', 0),
    edgeOf('score', 0, 'evaluate-regression', 1),
    edgeOf('filter', 1, 'select-held-out', 0),
    edgeOf('held-out', 0, 'select-held-out', 1),
  ];
  return { ...workflowOf(nodes, connections), name: 'Everything', id: 'everything' };
}

describe('the ALS parameter mapping', () => {
  it('gives every ALS parameter spec a Spark name, and names no other', () => {
    const specNames = als.params
      .map((spec) => spec.name)
      .filter((name) => !alsRecflowOnlyParams.includes(name));

    expect(Object.keys(alsSparkNames).sort()).toEqual([...specNames].sort());
    expect(alsKeywords().map((keyword) => keyword.spec.name)).toEqual(specNames);
  });

  it('maps to distinct Spark names: PySpark ALS keywords, and predictionCol, a setter', () => {
    const sparkNames = Object.values(alsSparkNames);
    const constructorKeywords = new Set(pysparkConstructors.ALS);

    expect(new Set(sparkNames).size).toBe(sparkNames.length);
    expect(sparkNames.filter((name) => !constructorKeywords.has(name))).toEqual(['predictionCol']);
  });
});

describe('exportPySpark', () => {
  it('has an export for every operation in the catalog', () => {
    for (const operation of operations) {
      expect(nodeExports.has(operation.id), operation.name).toBe(true);
    }
  });

  it.each([
    ['Train and score', trainAndScoreDemo],
    ['Evaluate and recommend', evaluateAndRecommendDemo],
  ])('passes every ALS parameter of the %s demo with its value', (_, demo) => {
    const workflow = demo();
    const coldStart = workflow.nodes.find((node) => node.operationId === als.id)!.params;
    const { keywords, setters } = keywordArguments(exportPySpark(workflow), 'ALS');

    // PySpark's ALS constructor does not take predictionCol; the script sets it right after.
    expect(setters).toEqual({ setPredictionCol: '"prediction"' });
    expect(keywords).toEqual({
      alpha: '1.0',
      checkpointInterval: '10',
      implicitPrefs: 'False',
      itemCol: '"item"',
      maxIter: '10',
      nonnegative: 'False',
      numItemBlocks: '10',
      numUserBlocks: '10',
      rank: '10',
      ratingCol: '"rating"',
      regParam: '0.1',
      seed: '1994790107',
      userCol: '"user"',
      coldStartStrategy: 'cold start strategy' in coldStart ? '"drop"' : '"nan"',
    });
  });

  it('passes the values a node sets, and resolves columns picked by index when it runs', () => {
    const script = exportPySpark(everythingWorkflow());

    expect(keywordArguments(script, 'ALS').setters).toEqual({ setPredictionCol: '"guess"' });
    expect(keywordArguments(script, 'ALS').keywords).toEqual({
      alpha: '40.0',
      checkpointInterval: '2',
      implicitPrefs: 'True',
      itemCol: 'filter_columns.columns[1]',
      maxIter: '5',
      nonnegative: 'True',
      numItemBlocks: '4',
      numUserBlocks: '3',
      rank: '7',
      ratingCol: 'filter_columns.columns[2]',
      regParam: '0.05',
      seed: '-5',
      userCol: 'filter_columns.columns[0]',
      coldStartStrategy: '"drop"',
    });
  });

  it('reads each CSV with its separator, header and RFC 4180 quotes', () => {
    const script = exportPySpark(everythingWorkflow());

    expect(script).toContain(
      'ratings_train = spark.read.csv(\n        args.ratings_train,\n        sep="::",\n' +
        "        header=False,\n        inferSchema=True,\n        escape='\"',\n    )",
    );
    expect(script).toContain('sep="\\t",\n        header=True,');
    expect(script).toMatch(/"--ratings-train",\n\s+default="train\.dat",/);
    expect(script).toMatch(/"--ratings-train-2",\n\s+default="test\.tsv",/);
  });

  it('maps Split, Filter Columns, Recommend and both evaluators to their Spark calls', () => {
    const script = exportPySpark(everythingWorkflow());

    expect(script).toContain(
      'split_first, split_second = ratings_train.randomSplit([0.75, 1 - 0.75], seed=42)',
    );
    expect(script).toContain('selected_columns(split_first, [("indexRange", [0, 2])], False)');
    expect(script).toContain('fit_transform_model = class_.fit(filter_columns)');
    // Scoring other data re-reads the id columns selected by index from that DataFrame.
    expect(script).toContain(
      'transform_2 = fit_transform_model.copy({fit_transform_model.itemCol: ' +
        'ratings_train_2.columns[1], fit_transform_model.userCol: ratings_train_2.columns[0]})' +
        '.transform(ratings_train_2)',
    );
    expect(script).toContain(
      'recommendations_without_seen(\n        fit_transform_model, True, 5, filter_columns, ' +
        'filter_columns.columns[0], filter_columns.columns[1]\n    )',
    );
    expect(script).toContain('fit_transform_model.recommendForAllItems(3)');
    expect(keywordArguments(script, 'RankingEvaluator').keywords).toEqual({
      metricName: '"ndcgAtK"',
      k: '5',
      predictionCol: '"predicted"',
      labelCol: '"relevant"',
    });
    expect(script).toContain(
      'ranking_input(recommend, ratings_train_2, ratings_train_2.columns[0], ' +
        'ratings_train_2.columns[1], "rank")',
    );
    expect(keywordArguments(script, 'RegressionEvaluator').keywords).toEqual({
      metricName: '"mae"',
      labelCol: 'transform_2.columns[2]',
      predictionCol: '"guess"',
    });
    expect(script).toContain('print("evaluate-regression: mae =", evaluate)');
  });

  it('applies "Parameters of input …" as a copy with just the overridden values', () => {
    const workflow = evaluateAndRecommendDemo();
    const override = (id: string, name: string, values: Record<string, unknown>) => {
      const node = workflow.nodes.find((candidate) => candidate.id === id)!;
      node.params = { ...node.params, [name]: values };
    };
    override('demo-fit', 'Parameters of input Estimator', { rank: 20, 'implicit prefs': true });
    override('demo-evaluate', 'Parameters of input Evaluator', {
      'regression metric': { mae: {} },
    });

    const script = exportPySpark(workflow);

    expect(keywordArguments(script, 'ALS').keywords.rank).toBe('10');
    expect(script).toContain(
      'fit = als.copy({als.implicitPrefs: True, als.rank: 20}).fit(split_first)',
    );
    expect(script).toContain(
      'evaluate = regression_evaluator.copy({regression_evaluator.metricName: "mae"})' +
        '.evaluate(transform)',
    );
    expect(script).toContain('print("demo-evaluate: mae =", evaluate)');
  });

  it('refuses an override of a parameter the input does not have, naming the node', () => {
    const workflow = trainAndScoreDemo();
    const fitNode = workflow.nodes.find((node) => node.id === 'demo-fit')!;
    fitNode.params = { 'Parameters of input Estimator': { rnak: 20 } };

    expect(() => exportPySpark(workflow)).toThrow(
      '`Fit` (node demo-fit): Parameters of input Estimator: ALS has no parameter `rnak`; ' +
        'remove it.',
    );
  });

  it('writes every DataFrame that no node consumes under --output-dir', () => {
    const script = exportPySpark(evaluateAndRecommendDemo());

    expect(script).toContain(
      'recommend.write.csv(output_dir + "/demo-recommend-0", header=True, mode="overwrite")',
    );
    expect(script.match(/\.write\.csv\(/g)).toHaveLength(1);
    expect(script).toContain('"--output-dir",');
  });

  it('names its variables after the nodes, in snake_case, each once', () => {
    const script = exportPySpark(everythingWorkflow());

    for (const name of ['ratings_train', 'ratings_train_2', 'class_', 'fit_transform']) {
      expect(script).toMatch(new RegExp(`^    ${name} = `, 'm'));
    }
  });

  it('says in its header which workflow it came from', () => {
    const script = exportPySpark(evaluateAndRecommendDemo(), { sourceFile: 'demo.json' });

    const header = script.slice(0, script.indexOf('\n\n')).replace(/\n# /g, ' ');
    expect(header).toMatch(
      new RegExp(
        "^#!/usr/bin/env python3 Generated by recflow's PySpark export .* from the workflow " +
          '"Evaluate and recommend" \\(id demo-evaluate-and-recommend, file demo\\.json\\)',
      ),
    );
  });

  it('refuses operations it has no Spark counterpart for, naming every such node', () => {
    const workflow = trainAndScoreDemo();
    workflow.nodes.push(
      {
        ...nodeOf('seahorse-node', readDataFrame),
        operationId: '0c2ff818-0000-0000-0000-000000000000',
        operationName: 'Linear Regression',
        label: 'my model',
        unsupported: { node: {}, gui: {} },
      },
      nodeOf('conditional', split, { 'split mode': { CONDITIONAL: { condition: 'rating > 3' } } }),
    );

    const error = (() => {
      try {
        exportPySpark(workflow);
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(RecflowError);
    const { message } = error as RecflowError;
    expect(message).toMatch(/`my model` \(node seahorse-node\): .*Linear Regression/);
    expect(message).toMatch(/`Split` \(node conditional\): split mode CONDITIONAL/);
    expect(message).toMatch(/`Split` \(node conditional\): input 0 \(DataFrame\) is not connected/);
  });

  it('refuses an edge the editor would not draw, naming its nodes', () => {
    const workflow = trainAndScoreDemo();
    workflow.connections.push(edgeOf('demo-fit', 0, 'demo-fit', 0));

    expect(() => exportPySpark(workflow)).toThrow(/`Fit` \(node demo-fit\) input 0/);
  });

  it('refuses a Recommend fed by a column filter, naming it', () => {
    const workflow = workflowOf(
      [
        nodeOf('ratings', readDataFrame, { 'CSV file': 'r.csv' }),
        nodeOf('filter', filterColumns),
        nodeOf('recommend', recommend),
      ],
      [edgeOf('ratings', 0, 'filter', 0), edgeOf('filter', 1, 'recommend', 0)],
    );

    expect(() => exportPySpark(workflow)).toThrow(
      /`Recommend` \(node recommend\): input 0 is a column filter, not a trained ALS model/,
    );
  });
});

describe.skipIf(!hasPython)('the exported script in Python', () => {
  it.each([
    ['Train and score', trainAndScoreDemo],
    ['Evaluate and recommend', evaluateAndRecommendDemo],
    ['everything', everythingWorkflow],
  ])('compiles for %s', (_, workflow) => {
    expect(compileError(exportPySpark(workflow()))).toBeNull();
  });

  it.each([
    ['Train and score', trainAndScoreDemo, 'demo-transform-0'],
    ['Evaluate and recommend', evaluateAndRecommendDemo, 'demo-recommend-0'],
  ])('runs %s against a stand-in pyspark that takes PySpark’s keywords', (_, demo, output) => {
    const run = runWithFakeSpark(exportPySpark(demo()));

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const als = run.calls.find((call) => call.name === 'ALS')!;
    expect(als.kwargs).toMatchObject({ rank: '10', regParam: '0.1', userCol: "'user'" });
    const read = run.calls.find((call) => call.name.endsWith('read.csv'))!;
    expect(read.args).toEqual(["'sample_movielens_ratings.csv'"]);
    expect(read.kwargs).toEqual({
      sep: "','",
      header: 'True',
      inferSchema: 'True',
      escape: "'\"'",
    });
    const written = run.calls.filter((call) => call.name.endsWith('write.csv'));
    expect(written.map((call) => call.args[0])).toEqual([`'output/${output}'`]);
  });

  it('runs every step in order against a stand-in pyspark', () => {
    const run = runWithFakeSpark(exportPySpark(everythingWorkflow()), ['--output-dir', 'out/']);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const called = (name: string) => run.calls.filter((call) => call.name.endsWith(name));
    expect(called('read.csv').map((call) => call.args[0])).toEqual(["'train.dat'", "'test.tsv'"]);
    expect(called('ALS')).toHaveLength(1);
    expect(called('ALS')[0].kwargs.userCol).toMatch(
      /randomSplit\(\)\[0\]\.select\(\)\.columns\[0\]/,
    );
    expect(called('setPredictionCol')[0].args).toEqual(["'guess'"]);
    expect(called('RankingEvaluator')[0].kwargs.metricName).toBe("'ndcgAtK'");
    expect(called('.randomSplit')[0].args).toEqual(['[0.75, 0.25]']);
    // Over-fetched: k plus the most items any user has seen, counted when the script runs.
    expect(called('recommendForAllUsers')[0].args[0]).toMatch(/\.first\(\)\[0\] op \(5,\)\)$/);
    expect(called('write.csv').map((call) => call.args[0])).toEqual([
      "'out/split-1'",
      "'out/fit-transform-0'",
      "'out/recommend-items-0'",
      "'out/select-held-out-0'",
    ]);
    expect(run.stdout).toMatch(/^evaluate-ranking: ndcg@5 = /m);
  });
});
