/**
 * Python functions the generated script defines when its nodes need them: the parts of
 * recflow's semantics that Spark has no single call for. Each is written once here and
 * emitted once per script, above `main()`.
 */

export type HelperName =
  | 'selected_columns'
  | 'exploded_recommendations'
  | 'recommendations_without_seen'
  | 'ranking_input';

interface Helper {
  /** Helpers this one calls. */
  uses: HelperName[];
  /** `from module import name` pairs it needs. */
  imports: [module: string, name: string][];
  source: string;
}

const functions: [string, string] = ['pyspark.sql', 'functions as F'];

export const helpers: Record<HelperName, Helper> = {
  selected_columns: {
    uses: [],
    imports: [],
    source: `def selected_columns(df, selections, excluding):
    """The columns of recflow's multiple column selector, in the DataFrame's order.

    selections holds (kind, values) pairs: columnList (names), indexList (0-based indexes),
    indexRange ([first, last], inclusive) or typeList (numeric, boolean, string, timestamp,
    array, vector, other). With excluding, every column not selected is kept instead.
    """
    names = df.columns
    types = [column_kind(spark_type) for _, spark_type in df.dtypes]
    missing = []
    for kind, values in selections:
        if kind == "columnList":
            missing += ["column \`%s\`" % name for name in values if name not in names]
        elif kind == "indexList":
            missing += ["index %d" % index for index in values if index >= len(names)]
        elif kind == "indexRange" and values and values[-1] >= len(names):
            missing.append("index range %s" % values)
    if missing:
        raise ValueError(
            "selected columns: the DataFrame has no %s; it has the columns %s"
            % (", ".join(missing), ", ".join(names))
        )

    def selects(kind, values, index):
        if kind == "columnList":
            return names[index] in values
        if kind == "indexList":
            return index in values
        if kind == "indexRange":
            return bool(values) and values[0] <= index <= values[-1]
        return types[index] in values

    return [
        name
        for index, name in enumerate(names)
        if any(selects(kind, values, index) for kind, values in selections) != excluding
    ]


def column_kind(spark_type):
    """Seahorse's name for the kind of a Spark SQL type, as recflow's typeList uses it."""
    if spark_type in ("tinyint", "smallint", "int", "bigint", "float", "double"):
        return "numeric"
    if spark_type.startswith("decimal"):
        return "numeric"
    if spark_type in ("timestamp", "date"):
        return "timestamp"
    if spark_type.startswith("array"):
        return "array"
    if spark_type in ("boolean", "string", "vector"):
        return spark_type
    return "other"`,
  },

  exploded_recommendations: {
    uses: [],
    imports: [functions],
    source: `def exploded_recommendations(recommendations, query_col, candidate_col):
    """recommendForAllUsers/Items output as recflow's rows: query, candidate, rank, score.

    Rank counts from 1, the best first; score is the predicted rating, as a double.
    """
    return recommendations.select(
        F.col(query_col),
        F.posexplode("recommendations").alias("recflow_position", "recflow_recommended"),
    ).select(
        F.col(query_col),
        F.col("recflow_recommended").getField(candidate_col).alias(candidate_col),
        (F.col("recflow_position") + 1).alias("rank"),
        F.col("recflow_recommended").getField("rating").cast("double").alias("score"),
    )`,
  },

  recommendations_without_seen: {
    uses: ['exploded_recommendations'],
    imports: [functions, ['pyspark.sql', 'Window']],
    source: `def recommendations_without_seen(model, for_users, k, seen, user_col, item_col):
    """The top k of every user (or item) among the pairs not in seen, ranked from 1 again.

    Spark has no exclusion of its own, so this over-fetches: a user loses at most as many
    recommendations as they have distinct seen items, so fetching k plus the largest such
    count leaves every user k recommendations wherever k unseen items exist, as recflow
    does. The cost grows with that count: a user who has seen 10,000 items makes every
    user's list 10,000 longer before the anti join cuts it.
    """
    query_col, candidate_col = (user_col, item_col) if for_users else (item_col, user_col)
    pairs = seen.select(user_col, item_col).distinct()
    most_seen = pairs.groupBy(query_col).count().agg(F.max("count")).first()[0] or 0
    fetch = k + most_seen
    fetched = (
        model.recommendForAllUsers(fetch) if for_users else model.recommendForAllItems(fetch)
    )
    unseen = exploded_recommendations(fetched, query_col, candidate_col).join(
        pairs, on=[user_col, item_col], how="left_anti"
    )
    by_rank = Window.partitionBy(query_col).orderBy("rank")
    return (
        unseen.withColumn("rank", F.row_number().over(by_rank))
        .filter(F.col("rank") <= k)
        .select(query_col, candidate_col, "rank", "score")
    )`,
  },

  ranking_input: {
    uses: [],
    imports: [functions],
    source: `def ranking_input(recommendations, held_out, user_col, item_col, rank_col):
    """One row per user with held-out interactions, as RankingEvaluator reads them.

    predicted: the user's recommended items in the order of rank_col (empty for a user
    without recommendations, who then scores 0, as in recflow); relevant: the user's
    held-out items, whatever their ratings. Both are arrays of doubles, as Spark requires.
    """
    ranked = recommendations.groupBy(user_col).agg(
        F.sort_array(
            F.collect_list(F.struct(F.col(rank_col).alias("r"), F.col(item_col).alias("i")))
        ).alias("ranked")
    )
    predicted = ranked.select(
        F.col(user_col), F.col("ranked").getField("i").cast("array<double>").alias("predicted")
    )
    relevant = held_out.groupBy(user_col).agg(
        F.collect_set(F.col(item_col).cast("double")).alias("relevant")
    )
    no_items = F.array().cast("array<double>")
    return relevant.join(predicted, on=user_col, how="left").select(
        F.coalesce(F.col("predicted"), no_items).alias("predicted"), F.col("relevant")
    )`,
  },
};

/** The helpers to define for those asked for, dependencies first, each once. */
export function helpersInOrder(wanted: Iterable<HelperName>): HelperName[] {
  const ordered: HelperName[] = [];
  const visit = (name: HelperName) => {
    if (ordered.includes(name)) return;
    for (const dependency of helpers[name].uses) visit(dependency);
    ordered.push(name);
  };
  for (const name of wanted) visit(name);
  return ordered;
}
