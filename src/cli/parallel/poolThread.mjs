// One thread of recflow's worker_threads pool. Node 20 runs TypeScript only through tsx, whose
// loader hooks must be registered in each thread before the first TypeScript import.
const { register } = await import('tsx/esm/api');

register();
await import('./poolThread.ts');
