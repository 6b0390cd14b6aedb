#!/usr/bin/env node
// The `recflow` command: registers tsx so that Node 20 runs the TypeScript sources directly,
// then hands the arguments to src/cli/main.ts.
//
// Apache Arrow is plain JavaScript in a few hundred files; loaded before tsx's loader hooks
// exist, it skips them and starts in about a third of the time. Later imports of it from
// TypeScript resolve to the same, already loaded module.
await import('apache-arrow');
const { register } = await import('tsx/esm/api');

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
