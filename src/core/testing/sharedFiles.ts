import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared reference material (specs, fixtures, sample data) sits beside the
 * repository in `../shared`. Tests that read it skip, visibly, where it is absent.
 */
export const sharedDirectory = fileURLToPath(new URL('../../../../shared/', import.meta.url));

export function sharedFile(relativePath: string): string | null {
  const path = sharedDirectory + relativePath;
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
