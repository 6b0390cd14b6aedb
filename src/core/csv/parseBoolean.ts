/** Booleans for "convert to boolean": `true`/`false`/`1`/`0` in any case, spaces trimmed. */

export const NOT_BOOLEAN = -1;

const CASE_BIT = 0x20;

/** 1 for true, 0 for false, `NOT_BOOLEAN` for anything else. */
export function parseBoolean(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 1) {
    if (bytes[start] === 0x31) return 1;
    if (bytes[start] === 0x30) return 0;
    return NOT_BOOLEAN;
  }
  if (length === 4 && equalsIgnoringCase(bytes, start, 'true')) return 1;
  if (length === 5 && equalsIgnoringCase(bytes, start, 'false')) return 0;
  return NOT_BOOLEAN;
}

/** Compares with a lowercase ASCII word; setting bit 0x20 lowercases ASCII letters only. */
function equalsIgnoringCase(bytes: Uint8Array, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if ((bytes[start + k] | CASE_BIT) !== word.charCodeAt(k)) return false;
  }
  return true;
}
