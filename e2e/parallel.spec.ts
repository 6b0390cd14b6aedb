import { expect, test } from '@playwright/test';
import type { Remote } from 'comlink';
import type { AlsBenchApi } from '../bench/alsBenchWorker.ts';
import { nodeStatus, openApp } from './support.ts';

/** The benchmark page's handle on its worker (see bench/alsPage.ts). */
type BenchWindow = Window & { alsBench: Remote<AlsBenchApi> };

/**
 * Parallel training in the browser gives the one-worker model bit for bit: the benchmark
 * page's worker trains the 1m shape (1,000,209 ratings) on a pool of two workers, on a pool
 * of one, and alone, and compares SHA-256 hashes of the factors.
 */
test('a pool of workers trains the same model as one worker, bit for bit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/bench/als.html');
  await expect(page.locator('#status')).toHaveText('ready');
  expect(
    await page.evaluate(() => (window as unknown as BenchWindow).alsBench.environment()),
  ).toMatchObject({
    crossOriginIsolated: true,
  });
  await page.evaluate(() => (window as unknown as BenchWindow).alsBench.generate('1m'));

  for (const benchCase of [
    { name: 'explicit rank 10', implicitPrefs: false, rank: 10, solver: 'cholesky' },
    { name: 'implicit rank 12, CG', implicitPrefs: true, rank: 12, solver: 'cg' },
  ] as const) {
    const train = (threads: number) =>
      page.evaluate(
        ([c, t]) =>
          (window as unknown as BenchWindow).alsBench.fit(c, { threads: t, iterations: 2 }),
        [benchCase, threads] as const,
      );
    const pooled = await train(2);
    const oneWorker = await train(1);
    const alone = await train(0);
    expect(pooled.modelHash, benchCase.name).toBe(oneWorker.modelHash);
    expect(pooled.modelHash, benchCase.name).toBe(alone.modelHash);
    expect(pooled.losses).toEqual(alone.losses);
  }
});

test('the app trains Fit on its pool of workers', async ({ page }) => {
  const poolScripts: string[] = [];
  page.on('request', (request) => {
    if (/poolWorker[-.][\w-]*\.js/.test(request.url())) poolScripts.push(request.url());
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(page.getByRole('group', { name: 'Fit', exact: true }))).toHaveText(
    'completed',
  );
  // one pool worker per core, started by the app's worker for the first training
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(poolScripts).toHaveLength(cores);
});
