import { createStore, del, get, set } from 'idb-keyval';
import type { CheckpointStore } from '../core/operation.ts';

/**
 * Training checkpoints in IndexedDB, so that a reload or a crash loses at most the iterations
 * since the last one. Keys are the cache keys of the nodes that saved them.
 */
export function indexedDbCheckpoints(): CheckpointStore {
  // Without IndexedDB (Node, tests) nothing is kept and training starts from the beginning.
  if (typeof indexedDB === 'undefined') {
    return { load: async () => undefined, save: async () => {}, clear: async () => {} };
  }
  const checkpoints = createStore('recflow-checkpoints', 'checkpoints');
  return {
    load: (key) => get(key, checkpoints),
    save: (key, snapshot) => set(key, snapshot, checkpoints),
    clear: (key) => del(key, checkpoints),
  };
}
