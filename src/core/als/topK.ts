/**
 * The two steps of top-k recommendation for one query (a user, or an item): score every
 * candidate, then keep the k best. Ties go to the smaller candidate position; candidate
 * positions ascend with their ids, so that is the smaller id.
 */

/** True when candidate a ranks below candidate b: a lower score, or the same and a larger id. */
function ranksBelow(scores: Float64Array, a: number, b: number): boolean {
  return scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
}

/** Candidates to pass over: those whose mark equals the stamp. */
export interface Exclusions {
  marks: Int32Array;
  stamp: number;
}

/**
 * Fills `heap[0, k)` with the k best candidates, best first, passing over `excluded` ones;
 * k must not exceed the candidates left. The heap is a binary min-heap while it fills (the
 * root is the worst kept): O(n log k).
 */
export function selectTop(
  scores: Float64Array,
  k: number,
  heap: Int32Array,
  excluded?: Exclusions,
): void {
  let size = 0;
  const swap = (i: number, j: number) => {
    const kept = heap[i];
    heap[i] = heap[j];
    heap[j] = kept;
  };
  const siftDown = (start: number) => {
    let parent = start;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && ranksBelow(scores, heap[right], heap[left]) ? right : left;
      if (!ranksBelow(scores, heap[child], heap[parent])) return;
      swap(parent, child);
      parent = child;
    }
  };

  const marks = excluded?.marks;
  const stamp = excluded?.stamp;
  for (let candidate = 0; candidate < scores.length; candidate++) {
    if (marks !== undefined && marks[candidate] === stamp) continue;
    if (size < k) {
      let child = size++;
      heap[child] = candidate;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!ranksBelow(scores, heap[child], heap[parent])) break;
        swap(parent, child);
        child = parent;
      }
    } else if (k > 0 && ranksBelow(scores, heap[0], candidate)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }

  // Move the worst to the back until the heap is empty: the array ends sorted best first.
  for (let end = size - 1; end > 0; end--) {
    swap(0, end);
    size = end;
    siftDown(0);
  }
}

/**
 * scores[c] = x · y_c for every candidate row c, four candidates at a time: four independent
 * sums keep the multiply-adds from waiting on each other.
 */
export function scoreCandidates(
  query: Float64Array,
  queryOffset: number,
  candidates: Float64Array,
  rank: number,
  scores: Float64Array,
): void {
  const count = scores.length;
  let c = 0;
  for (; c + 3 < count; c += 4) {
    const o0 = c * rank;
    const o1 = o0 + rank;
    const o2 = o1 + rank;
    const o3 = o2 + rank;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let a = 0; a < rank; a++) {
      const x = query[queryOffset + a];
      s0 += x * candidates[o0 + a];
      s1 += x * candidates[o1 + a];
      s2 += x * candidates[o2 + a];
      s3 += x * candidates[o3 + a];
    }
    scores[c] = s0;
    scores[c + 1] = s1;
    scores[c + 2] = s2;
    scores[c + 3] = s3;
  }
  for (; c < count; c++) {
    let score = 0;
    for (let a = 0; a < rank; a++) score += query[queryOffset + a] * candidates[c * rank + a];
    scores[c] = score;
  }
}
