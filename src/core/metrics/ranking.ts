import { findSorted, groupByKey } from './groups.ts';

/**
 * Ranking metrics at a cut-off k, with binary relevance: an item is relevant to a user when
 * the held-out interactions hold the pair (its rating does not matter). For one user with
 * the relevant set R and the top-k recommendations rec_k, hit(i) = 1 when the i-th
 * recommendation (1-based) is in R:
 *
 *   precision@k = |rec_k ∩ R| / k          (k even when fewer than k were recommended)
 *   recall@k    = |rec_k ∩ R| / |R|
 *   nDCG@k      = DCG / IDCG,  DCG = Σ_i hit(i) / log2(i + 1),
 *                 IDCG = Σ_{i ≤ min(k, |R|)} 1 / log2(i + 1)
 *   MAP@k       = Σ_i hit(i) · precision@i / min(k, |R|)
 *
 * `meanRankingMetric` averages over the users that have at least one held-out interaction;
 * such a user without recommendations counts as 0 (every hit missed). An item recommended
 * twice to a user counts once.
 */

export type RankingMetricName = 'precision' | 'recall' | 'ndcg' | 'map';

export const rankingMetricNames: readonly RankingMetricName[] = [
  'precision',
  'recall',
  'ndcg',
  'map',
];

/** hits[i] is 1 when the (i+1)-th recommendation is relevant; only the first k count. */
type Hits = ArrayLike<number>;

function hitCount(hits: Hits, k: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(k, hits.length); i++) count += hits[i];
  return count;
}

export function precisionAtK(hits: Hits, k: number): number {
  return hitCount(hits, k) / k;
}

export function recallAtK(hits: Hits, relevantCount: number, k: number): number {
  return hitCount(hits, k) / relevantCount;
}

export function ndcgAtK(hits: Hits, relevantCount: number, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, hits.length); i++) {
    if (hits[i]) dcg += 1 / Math.log2(i + 2);
  }
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantCount); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

export function averagePrecisionAtK(hits: Hits, relevantCount: number, k: number): number {
  let found = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, hits.length); i++) {
    if (!hits[i]) continue;
    found++;
    sum += found / (i + 1);
  }
  return sum / Math.min(k, relevantCount);
}

/** The metric of one user's list; `relevantCount` ≥ 1. */
export function rankingMetricOfList(
  metric: RankingMetricName,
  hits: Hits,
  relevantCount: number,
  k: number,
): number {
  switch (metric) {
    case 'precision':
      return precisionAtK(hits, k);
    case 'recall':
      return recallAtK(hits, relevantCount, k);
    case 'ndcg':
      return ndcgAtK(hits, relevantCount, k);
    case 'map':
      return averagePrecisionAtK(hits, relevantCount, k);
  }
}

/** Recommendations, one row each: `ranks` order a user's items, smallest first. */
export interface RankedItems {
  users: Int32Array;
  items: Int32Array;
  ranks: Float64Array;
}

/** Held-out interactions: the (user, item) pairs that count as relevant. */
export interface Interactions {
  users: Int32Array;
  items: Int32Array;
}

/** Binary search in the ascending `values[from, to)`; the position or -1. */
function positionIn(values: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else if (values[middle] > value) high = middle - 1;
    else return middle;
  }
  return -1;
}

/**
 * The metric averaged over the users with at least one held-out interaction, and how many
 * users that is (the mean is NaN when there are none).
 */
export function meanRankingMetric(
  metric: RankingMetricName,
  k: number,
  recommended: RankedItems,
  heldOut: Interactions,
): { value: number; users: number } {
  // Relevant items per user, sorted and without duplicates, for binary search.
  const relevant = groupByKey(heldOut.users, heldOut.items, { sortValues: true });
  const relevantItems = relevant.values;
  // Each position belongs to one user, so a flag per position tells a repeated hit apart.
  const counted = new Uint8Array(relevantItems.length);

  // Row numbers of each user's recommendations, in the order of their ranks.
  const rows = Int32Array.from(recommended.users, (_, row) => row);
  const lists = groupByKey(recommended.users, rows);
  for (let u = 0; u < lists.keys.length; u++) {
    const list = lists.values.subarray(lists.starts[u], lists.starts[u + 1]);
    list.sort((a, b) => recommended.ranks[a] - recommended.ranks[b] || a - b);
  }

  const hits = new Uint8Array(k);
  let sum = 0;
  for (let u = 0; u < relevant.keys.length; u++) {
    const [from, to] = [relevant.starts[u], relevant.starts[u + 1]];
    const listIndex = findSorted(lists.keys, relevant.keys[u]);
    const listStart = listIndex < 0 ? 0 : lists.starts[listIndex];
    const length = listIndex < 0 ? 0 : Math.min(k, lists.starts[listIndex + 1] - listStart);

    hits.fill(0);
    for (let i = 0; i < length; i++) {
      const item = recommended.items[lists.values[listStart + i]];
      const found = positionIn(relevantItems, from, to, item);
      if (found >= 0 && counted[found] === 0) {
        counted[found] = 1;
        hits[i] = 1;
      }
    }
    sum += rankingMetricOfList(metric, hits.subarray(0, length), to - from, k);
  }
  return { value: sum / relevant.keys.length, users: relevant.keys.length };
}
