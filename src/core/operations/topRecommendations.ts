import { lookupPositions } from '../als/ids.ts';
import { scoreCandidates, selectTop } from '../als/topK.ts';
import type { AlsModel } from '../als/types.ts';
import { throwIfAborted } from '../errors.ts';

/**
 * Top-k recommendations from a model's factor matrices, optionally leaving out pairs the
 * user has already seen. Each query (a user, or an item for "recommend for items") scores
 * every candidate with a dot product, skips its seen candidates and keeps the k best in a
 * min-heap: O(candidates · (rank + log k)) per query, with no object per pair. Ties go to
 * the smaller candidate id, as in the ALS module's recommendForAllUsers.
 */

export type RecommendFor = 'users' | 'items';

/** Pairs to leave out, by id: user ids[i] has seen item ids[i]. */
export interface SeenPairs {
  users: Int32Array;
  items: Int32Array;
}

/**
 * Recommendations packed in flat arrays: query `queryIds[q]` gets
 * `candidateIds[starts[q] .. starts[q + 1])` with `scores` alongside, best first.
 * A query gets fewer than k when fewer than k unseen candidates exist.
 */
export interface TopRecommendations {
  queryIds: Int32Array;
  starts: Int32Array;
  candidateIds: Int32Array;
  scores: Float64Array;
}

export interface RecommendHooks {
  signal?: AbortSignal;
  yieldToEvents?: () => Promise<void>;
  onProgress?: (queriesDone: number, queries: number) => void;
}

/** Queries scored between two yields, so that Stop is answered within a fraction of a second. */
const QUERIES_PER_YIELD = 256;

/** For every query position, the candidate positions it has seen (CSR, duplicates kept). */
function seenLists(queryPositions: Int32Array, candidatePositions: Int32Array, queries: number) {
  const starts = new Int32Array(queries + 1);
  for (let i = 0; i < queryPositions.length; i++) {
    if (queryPositions[i] >= 0 && candidatePositions[i] >= 0) starts[queryPositions[i] + 1]++;
  }
  for (let q = 0; q < queries; q++) starts[q + 1] += starts[q];

  const candidates = new Int32Array(starts[queries]);
  const next = starts.slice(0, queries);
  for (let i = 0; i < queryPositions.length; i++) {
    const q = queryPositions[i];
    if (q >= 0 && candidatePositions[i] >= 0) candidates[next[q]++] = candidatePositions[i];
  }
  return { starts, candidates };
}

/** The top `k` (≥ 1) candidates of every user, or of every item, of a model. */
export async function topRecommendations(
  model: AlsModel,
  recommendFor: RecommendFor,
  k: number,
  seen?: SeenPairs,
  hooks: RecommendHooks = {},
): Promise<TopRecommendations> {
  const { rank } = model;
  const byUser = recommendFor === 'users';
  const [queryIds, queryFactors] = byUser
    ? [model.userIds, model.userFactors]
    : [model.itemIds, model.itemFactors];
  const [candidateIds, candidateFactors] = byUser
    ? [model.itemIds, model.itemFactors]
    : [model.userIds, model.userFactors];
  const queries = queryIds.length;
  const candidates = candidateIds.length;

  // Pairs with an id the model has not seen cannot be recommended anyway: lookups give -1.
  const seenUsers = seen ? lookupPositions(model.userIds, seen.users) : new Int32Array(0);
  const seenItems = seen ? lookupPositions(model.itemIds, seen.items) : new Int32Array(0);
  const excluded = byUser
    ? seenLists(seenUsers, seenItems, queries)
    : seenLists(seenItems, seenUsers, queries);

  const most = Math.min(k, candidates);
  let candidateOut = new Int32Array(queries * most);
  let scoresOut = new Float64Array(queries * most);
  const starts = new Int32Array(queries + 1);
  const scores = new Float64Array(candidates);
  const heap = new Int32Array(most);
  const marks = new Int32Array(candidates);

  for (let q = 0; q < queries; q++) {
    if (q % QUERIES_PER_YIELD === 0 && q > 0) {
      hooks.onProgress?.(q, queries);
      await hooks.yieldToEvents?.();
      throwIfAborted(hooks.signal);
    }

    // Marks carry the query's stamp q + 1, so they never need clearing.
    let seenCount = 0;
    for (let s = excluded.starts[q]; s < excluded.starts[q + 1]; s++) {
      const candidate = excluded.candidates[s];
      if (marks[candidate] !== q + 1) seenCount++;
      marks[candidate] = q + 1;
    }
    const count = Math.min(most, candidates - seenCount);

    scoreCandidates(queryFactors, q * rank, candidateFactors, rank, scores);
    selectTop(scores, count, heap, { marks, stamp: q + 1 });

    const base = starts[q];
    for (let j = 0; j < count; j++) {
      candidateOut[base + j] = candidateIds[heap[j]];
      scoresOut[base + j] = scores[heap[j]];
    }
    starts[q + 1] = base + count;
  }
  hooks.onProgress?.(queries, queries);

  const total = starts[queries];
  if (total < candidateOut.length) {
    candidateOut = candidateOut.slice(0, total);
    scoresOut = scoresOut.slice(0, total);
  }
  return { queryIds: queryIds.slice(), starts, candidateIds: candidateOut, scores: scoresOut };
}
