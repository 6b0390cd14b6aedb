import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** Browser benchmarks: the same browser and server as the tests, but only `bench/`. */
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: '**/*.bench.ts',
  timeout: 600_000,
  reporter: 'list',
});
