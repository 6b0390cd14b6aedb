import type { FileStore, StoredFile } from '../core/operation.ts';

/**
 * The files the user uploaded, held in the worker as Blobs: a Blob crosses threads without
 * its bytes being copied, and can be streamed as many times as a re-read needs.
 */
export class BlobFileStore implements FileStore {
  private readonly files = new Map<string, StoredFile>();

  put(name: string, blob: Blob, fingerprint: string): void {
    this.files.set(name, {
      name,
      size: blob.size,
      fingerprint,
      stream: () => blob.stream(),
    });
  }

  remove(name: string): void {
    this.files.delete(name);
  }

  get(name: string): StoredFile | undefined {
    return this.files.get(name);
  }
}
