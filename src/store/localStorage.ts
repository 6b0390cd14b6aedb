/**
 * Runs `use` on the browser's localStorage. Where the browser refuses it (full, turned off,
 * a private mode that blocks it), gives null instead of throwing: what is kept there is a
 * convenience, and the page works on without it.
 */
export function withLocalStorage<T>(use: (local: Storage) => T): T | null {
  try {
    return use(localStorage);
  } catch {
    return null;
  }
}
