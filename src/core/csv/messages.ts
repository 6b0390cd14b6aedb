/** Pieces of user-facing messages shared by the reader and the writer. */

const NAMED_SEPARATORS: Record<string, string> = {
  ',': 'comma (`,`)',
  ';': 'semicolon (`;`)',
  ':': 'colon (`:`)',
  ' ': 'space',
  '\t': 'tab',
};

/** "comma (`,`)", "tab", "`::`": a separator as the user picked it in the form. */
export function describeSeparator(separator: string): string {
  return NAMED_SEPARATORS[separator] ?? `\`${separator}\``;
}

const LONGEST_QUOTED_VALUE = 40;

/** A cell's text for a message: back-quoted, cut after 40 characters, line breaks shown. */
export function quoteValue(text: string): string {
  const visible = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  if (visible.length <= LONGEST_QUOTED_VALUE) return `\`${visible}\``;
  return `\`${visible.slice(0, LONGEST_QUOTED_VALUE)}…\``;
}

/** "1 field", "3 fields". */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
