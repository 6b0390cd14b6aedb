/**
 * Column names from a header row, by Seahorse's rules: names are trimmed and a blank name
 * becomes `unnamed_X`, X being the column's 0-based index. Arrow tables need unique names, so a
 * repeated name gets `_2`, `_3`, … on its later copies, and a warning tells the user.
 */
export function namesFromHeader(header: string[]): { names: string[]; warnings: string[] } {
  const trimmed = header.map((name, index) => name.trim() || `unnamed_${index}`);
  const taken = new Set(trimmed);
  const seen = new Map<string, string[]>();
  const names = trimmed.map((name) => {
    const copies = seen.get(name);
    if (copies === undefined) {
      seen.set(name, []);
      return name;
    }
    let suffix = copies.length + 2;
    while (taken.has(`${name}_${suffix}`)) suffix++;
    const unique = `${name}_${suffix}`;
    taken.add(unique);
    copies.push(unique);
    return unique;
  });

  const warnings: string[] = [];
  for (const [name, copies] of seen) {
    if (copies.length === 0) continue;
    const renamed = copies.map((copy) => `\`${copy}\``).join(', ');
    warnings.push(
      `the header names ${copies.length + 1} columns \`${name}\`; the later ` +
        `${copies.length === 1 ? 'one is' : 'ones are'} renamed ${renamed}.`,
    );
  }
  return { names, warnings };
}

/** Spark's names for the columns of a file without a header: `_c0`, `_c1`, … */
export function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `_c${index}`);
}
