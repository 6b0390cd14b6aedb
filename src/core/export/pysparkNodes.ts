import type { OperationDescriptor } from '../operation.ts';
import { als, alsRecflowOnlyParams, alsSparkNames } from '../operations/als.ts';
import { evaluate } from '../operations/evaluate.ts';
import { filterColumns } from '../operations/filterColumns.ts';
import { fit } from '../operations/fit.ts';
import { fitTransform } from '../operations/fitTransform.ts';
import { rankingEvaluator } from '../operations/rankingEvaluator.ts';
import { readDataFrame, separatorOf } from '../operations/readDataFrame.ts';
import { recommend } from '../operations/recommend.ts';
import { regressionEvaluator } from '../operations/regressionEvaluator.ts';
import { split } from '../operations/split.ts';
import { transform } from '../operations/transform.ts';
import { type ResolvedParams, read } from '../params/index.ts';
import type { MultipleColumnSelection } from '../params/spec.ts';
import { nodeLabel } from '../workflow/model.ts';
import { resultName } from './outputNames.ts';
import {
  type AlsModelFlow,
  alsModelOn,
  type Configured,
  configuredFor,
  differences,
  type EmitContext,
  frameOn,
  inputOf,
  type NodeExport,
} from './pysparkFlows.ts';
import {
  columnName,
  configuredAs,
  DeferredComponent,
  type SparkKeyword,
  selectionsLiteral,
} from './pysparkScript.ts';
import { pyBool, pyNumber, pyString } from './python.ts';

/** Spark's keyword arguments of an operation, from (Spark name, docs name) pairs. */
function keywordsOf(
  operation: OperationDescriptor,
  pairs: [sparkName: string, docsName: string][],
): SparkKeyword[] {
  return pairs.map(([sparkName, name]) => {
    const spec = operation.params.find((candidate) => candidate.name === name);
    if (spec === undefined) throw new Error(`${operation.name} has no parameter "${name}".`);
    return { sparkName, spec };
  });
}

/**
 * ALS's keyword arguments: every parameter, in order, named by the one table
 * `alsSparkNames`. PySpark's ALS constructor takes all but predictionCol, which is set after.
 */
export function alsKeywords(): SparkKeyword[] {
  const sparkNames: Record<string, string> = alsSparkNames;
  // recflow's own parameters (the solver) have no Spark counterpart: Spark always solves exactly.
  const mapped = als.params.filter((spec) => !alsRecflowOnlyParams.includes(spec.name));
  return keywordsOf(
    als,
    mapped.map((spec) => [sparkNames[spec.name], spec.name]),
  ).map((keyword) => {
    if (keyword.sparkName === undefined) {
      throw new Error(`ALS parameter "${keyword.spec.name}" has no Spark name in alsSparkNames.`);
    }
    return { ...keyword, setAfterwards: keyword.sparkName === 'predictionCol' };
  });
}

/** The parameters an ALSModel keeps from its ALS: what Transform may score with otherwise. */
const modelKeywords = () =>
  alsKeywords().filter(({ sparkName }) =>
    ['userCol', 'itemCol', 'predictionCol', 'coldStartStrategy'].includes(sparkName),
  );

/** Python expressions for the id column names a model was fitted with. */
function idColumns(model: AlsModelFlow) {
  const { params } = model.config;
  return {
    user: columnName(read.column(params, 'user column'), model.fittedOn),
    item: columnName(read.column(params, 'item column'), model.fittedOn),
  };
}

function selectStatement(variable: string, dataFrame: string, selection: MultipleColumnSelection) {
  const excluding = pyBool(selection.excluding);
  return [
    `${variable} = ${dataFrame}.select(`,
    `    selected_columns(${dataFrame}, ${selectionsLiteral(selection)}, ${excluding})`,
    ')',
  ];
}

const readDataFrameExport: NodeExport = {
  emit({ node, params, parts, variable, comment }) {
    parts.arguments.push({
      option: variable.replace(/_/g, '-'),
      dest: variable,
      defaultPath: read.file(params, 'CSV file'),
      help: `the CSV file that ${nodeLabel(node)} (node ${node.id}) reads`,
    });
    parts.differences.add(differences.csv);
    parts.block(comment, [
      `${variable} = spark.read.csv(`,
      `    args.${variable},`,
      `    sep=${pyString(separatorOf(params))},`,
      `    header=${pyBool(read.boolean(params, 'names included'))},`,
      '    inferSchema=True,',
      // RFC 4180 doubles a quote inside a quoted value; Spark escapes with \ by default.
      `    escape='"',`,
      ')',
    ]);
    return [{ type: 'DataFrame', variable }];
  },
};

const splitExport: NodeExport = {
  unsupported(params) {
    return read.choice(params, 'split mode').option === 'RANDOM'
      ? null
      : 'split mode CONDITIONAL has no Spark counterpart here (recflow cannot run it ' +
          'either); choose RANDOM.';
  },
  emit(context) {
    const { parts, names, variable, comment } = context;
    const mode = read.choice(context.params, 'split mode').params;
    const ratio = pyNumber(read.number(mode, 'split ratio'), false);
    const seed = pyNumber(read.number(mode, 'seed'), true);
    const [first, second] = [names.unique(`${variable}_first`), names.unique(`${variable}_second`)];
    const weights = `[${ratio}, 1 - ${ratio}]`;
    parts.differences.add(differences.split);
    parts.block(comment, [
      `${first}, ${second} = ${frameOn(context, 0)}.randomSplit(${weights}, seed=${seed})`,
    ]);
    return [
      { type: 'DataFrame', variable: first },
      { type: 'DataFrame', variable: second },
    ];
  },
};

const filterColumnsExport: NodeExport = {
  emit(context) {
    const { parts, variable, comment } = context;
    const selection = read.columns(context.params, 'selected columns');
    parts.needHelper('selected_columns');
    parts.block(comment, selectStatement(variable, frameOn(context, 0), selection));
    return [
      { type: 'DataFrame', variable },
      { type: 'Transformer', kind: 'columns', selection },
    ];
  },
};

const alsExport: NodeExport = {
  emit({ operation, params, parts, variable, comment }) {
    parts.differences.add(differences.als);
    const estimator = new DeferredComponent(
      variable,
      'pyspark.ml.recommendation',
      'ALS',
      alsKeywords(),
      params,
      comment,
    );
    return [{ type: 'Estimator', estimator, config: { operation, params } }];
  },
};

/** Fits the estimator on input 0 to the DataFrame on input 1; the model and its flow. */
function fitModel(context: EmitContext, variable: string) {
  const { estimator, config } = inputOf(context, 0, 'Estimator');
  const dataFrame = frameOn(context, 1);
  const params = configuredFor(context, 0, config);
  const fitted = estimator.use(context.parts, dataFrame, params);
  const statement = `${variable} = ${fitted}.fit(${dataFrame})`;
  const model: AlsModelFlow = {
    type: 'Transformer',
    kind: 'als',
    variable,
    config: { operation: config.operation, params },
    fittedOn: dataFrame,
  };
  return { statement, model, dataFrame };
}

const fitExport: NodeExport = {
  emit(context) {
    const { statement, model } = fitModel(context, context.variable);
    context.parts.block(context.comment, [statement]);
    return [model];
  },
};

const fitTransformExport: NodeExport = {
  emit(context) {
    const { variable, names } = context;
    const { statement, model, dataFrame } = fitModel(context, names.unique(`${variable}_model`));
    context.parts.block(context.comment, [
      statement,
      `${variable} = ${model.variable}.transform(${dataFrame})`,
    ]);
    return [{ type: 'DataFrame', variable }, model];
  },
};

/**
 * The model as it scores `dataFrame`. recflow resolves id columns selected by index in the
 * DataFrame being scored, and Transform may override the model's columns or cold start
 * strategy; either gives a copy of the model with those set.
 */
function modelFor(context: EmitContext, model: AlsModelFlow, dataFrame: string): string {
  const params = configuredFor(context, 0, model.config);
  const built = { params: model.config.params, dataFrame: model.fittedOn };
  return configuredAs(model.variable, modelKeywords(), built, { params, dataFrame });
}

const transformExport: NodeExport = {
  emit(context) {
    const { parts, variable, comment } = context;
    const transformer = inputOf(context, 0, 'Transformer');
    const dataFrame = frameOn(context, 1);
    if (transformer.kind === 'columns') {
      parts.needHelper('selected_columns');
      parts.block(comment, selectStatement(variable, dataFrame, transformer.selection));
    } else {
      const model = modelFor(context, transformer, dataFrame);
      parts.block(comment, [`${variable} = ${model}.transform(${dataFrame})`]);
    }
    return [{ type: 'DataFrame', variable }];
  },
};

const recommendExport: NodeExport = {
  emit(context) {
    const { parts, variable, comment, params } = context;
    const model = alsModelOn(context, 0);
    const ids = idColumns(model);
    const seen = context.inputs[1]?.type === 'DataFrame' ? frameOn(context, 1) : null;
    const k = pyNumber(read.number(params, 'number of recommendations'), true);
    const forUsers = read.choice(params, 'recommend for').option === 'users';

    if (seen === null) {
      parts.needHelper('exploded_recommendations');
      const [query, candidate] = forUsers ? [ids.user, ids.item] : [ids.item, ids.user];
      const call = forUsers ? 'recommendForAllUsers' : 'recommendForAllItems';
      parts.block(comment, [
        `${variable} = exploded_recommendations(`,
        `    ${model.variable}.${call}(${k}), ${query}, ${candidate}`,
        ')',
      ]);
    } else {
      parts.needHelper('recommendations_without_seen');
      parts.block(comment, [
        `${variable} = recommendations_without_seen(`,
        `    ${model.variable}, ${pyBool(forUsers)}, ${k}, ${seen}, ${ids.user}, ${ids.item}`,
        ')',
      ]);
    }
    return [{ type: 'DataFrame', variable }];
  },
};

const regressionEvaluatorExport: NodeExport = {
  emit({ operation, params, parts, variable, comment }) {
    parts.differences.add(differences.regression);
    const keywords = keywordsOf(regressionEvaluator, [
      ['metricName', 'regression metric'],
      ['labelCol', 'label column'],
      ['predictionCol', 'prediction column'],
    ]);
    const evaluator = new DeferredComponent(
      variable,
      'pyspark.ml.evaluation',
      'RegressionEvaluator',
      keywords,
      params,
      comment,
    );
    return [{ type: 'Evaluator', kind: 'regression', evaluator, config: { operation, params } }];
  },
};

/** recflow's ranking metrics by Spark's RankingEvaluator metric names (Spark 3.0+). */
export const sparkRankingMetrics: Record<string, string> = {
  precision: 'precisionAtK',
  recall: 'recallAtK',
  ndcg: 'ndcgAtK',
  map: 'meanAveragePrecisionAtK',
};

const rankingEvaluatorExport: NodeExport = {
  emit(context) {
    const { operation, params, variable, comment } = context;
    const [metricName, k] = keywordsOf(rankingEvaluator, [
      ['metricName', 'ranking metric'],
      ['k', 'k'],
    ]);
    const fixed = (sparkName: string, column: string): SparkKeyword => ({
      ...metricName,
      sparkName,
      expression: () => pyString(column),
    });
    const keywords: SparkKeyword[] = [
      {
        ...metricName,
        expression: (values: ResolvedParams) =>
          pyString(sparkRankingMetrics[read.choice(values, 'ranking metric').option]),
      },
      k,
      // The columns `ranking_input` makes.
      fixed('predictionCol', 'predicted'),
      fixed('labelCol', 'relevant'),
    ];
    const evaluator = new DeferredComponent(
      variable,
      'pyspark.ml.evaluation',
      'RankingEvaluator',
      keywords,
      params,
      comment,
    );
    const recommendations = frameOn(context, 0);
    const config: Configured = { operation, params };
    return [{ type: 'Evaluator', kind: 'ranking', evaluator, config, recommendations }];
  },
};

const evaluateExport: NodeExport = {
  emit(context) {
    const { parts, variable, comment, node } = context;
    const evaluator = inputOf(context, 0, 'Evaluator');
    const dataFrame = frameOn(context, 1);
    const params = configuredFor(context, 0, evaluator.config);
    const measured = evaluator.evaluator.use(parts, dataFrame, params);
    let metricName: string;

    if (evaluator.kind === 'regression') {
      metricName = read.choice(params, 'regression metric').option;
      parts.block(comment, [`${variable} = ${measured}.evaluate(${dataFrame})`]);
    } else {
      const { recommendations } = evaluator;
      metricName = `${read.choice(params, 'ranking metric').option}@${read.number(params, 'k')}`;
      const ids = (['user column', 'item column'] as const).map((name) =>
        columnName(read.column(params, name), dataFrame),
      );
      const rank = columnName(read.column(params, 'rank column'), recommendations);
      parts.needHelper('ranking_input');
      parts.block(comment, [
        `${variable} = ${measured}.evaluate(`,
        `    ranking_input(${recommendations}, ${dataFrame}, ${ids.join(', ')}, ${rank})`,
        ')',
      ]);
    }
    // Named as in `recflow run`'s metrics.json, so the two are easy to compare.
    const label = pyString(`${resultName(node)}: ${metricName} =`);
    parts.statements.push(`print(${label}, ${variable})`);
    return [{ type: 'MetricValue', variable }];
  },
};

/** Every operation of the catalog by id, with how it becomes PySpark. */
export const nodeExports: ReadonlyMap<string, NodeExport> = new Map<string, NodeExport>([
  [readDataFrame.id, readDataFrameExport],
  [evaluate.id, evaluateExport],
  [fit.id, fitExport],
  [fitTransform.id, fitTransformExport],
  [transform.id, transformExport],
  [split.id, splitExport],
  [filterColumns.id, filterColumnsExport],
  [als.id, alsExport],
  [recommend.id, recommendExport],
  [regressionEvaluator.id, regressionEvaluatorExport],
  [rankingEvaluator.id, rankingEvaluatorExport],
]);
