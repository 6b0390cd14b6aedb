/**
 * A record keyed by names the user chose, such as node ids and file names, which can be any
 * text: `__proto__`, `constructor` and `toString` included. It has no prototype, so each of
 * those is an ordinary entry: an absent one reads as undefined, and setting one never reaches
 * Object.prototype. The copy holds the own entries of `from`.
 */
export function keyedRecord<T>(from: Readonly<Record<string, T>> = {}): Record<string, T> {
  const record: Record<string, T> = Object.create(null);
  for (const key of Object.keys(from)) record[key] = from[key];
  return record;
}
