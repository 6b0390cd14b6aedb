import { RecflowError } from '../errors.ts';

/**
 * Checks a separator and returns its UTF-8 bytes. Quotes and line breaks are refused because
 * they already mean something in CSV; any other string, of any length, is fine.
 */
export function separatorBytes(separator: string): Uint8Array {
  if (separator.length === 0) {
    throw new RecflowError('the separator is empty; choose one such as `,`, `;` or tab.');
  }
  if (separator.includes('"')) {
    throw new RecflowError(
      'the separator contains a double quote, which CSV uses to quote values; choose another.',
    );
  }
  if (separator.includes('\n') || separator.includes('\r')) {
    throw new RecflowError(
      'the separator contains a line break, which CSV uses between rows; choose another.',
    );
  }
  return new TextEncoder().encode(separator);
}
