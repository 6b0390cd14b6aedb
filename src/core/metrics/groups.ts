/**
 * Grouping rows by an integer key without an object per row: the distinct keys ascending,
 * and each key's values as a slice of one array (compressed sparse rows).
 */
export interface Groups {
  /** The distinct keys, ascending. */
  keys: Int32Array;
  /** The values of keys[g] are values[starts[g] .. starts[g + 1]). */
  starts: Int32Array;
  values: Int32Array;
}

/** Binary search in the ascending `sorted`; the position or -1. */
export function findSorted(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else if (sorted[middle] > value) high = middle - 1;
    else return middle;
  }
  return -1;
}

function distinctSorted(values: Int32Array): Int32Array {
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  }
  return sorted.slice(0, distinct);
}

/**
 * Groups `values[i]` under `keys[i]`, keeping the rows' order within a group; with
 * `sortValues`, each group's values are sorted ascending and duplicates dropped.
 */
export function groupByKey(
  keys: Int32Array,
  values: Int32Array,
  options: { sortValues?: boolean } = {},
): Groups {
  const distinctKeys = distinctSorted(keys);
  const starts = new Int32Array(distinctKeys.length + 1);
  const groupOf = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    groupOf[i] = findSorted(distinctKeys, keys[i]);
    starts[groupOf[i] + 1]++;
  }
  for (let g = 0; g < distinctKeys.length; g++) starts[g + 1] += starts[g];

  const grouped = new Int32Array(keys.length);
  const next = starts.slice(0, distinctKeys.length);
  for (let i = 0; i < keys.length; i++) grouped[next[groupOf[i]]++] = values[i];
  if (!options.sortValues) return { keys: distinctKeys, starts, values: grouped };

  // Sort each group, then compact it over its duplicates, moving the groups down.
  let write = 0;
  for (let g = 0; g < distinctKeys.length; g++) {
    const group = grouped.subarray(starts[g], starts[g + 1]).sort();
    starts[g] = write;
    for (let i = 0; i < group.length; i++) {
      const value = group[i];
      if (write === starts[g] || value !== grouped[write - 1]) grouped[write++] = value;
    }
  }
  starts[distinctKeys.length] = write;
  return { keys: distinctKeys, starts, values: grouped.slice(0, write) };
}
