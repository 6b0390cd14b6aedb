import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openApp, openWithSlowTraining, syntheticRatingsCsv } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('Stop during a long training leaves Fit aborted and the page responsive; Run then completes', async ({
  page,
}) => {
  await openWithSlowTraining(page, { iterations: 500 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Fit'))).toContainText(/iteration \d+ of 500/);
  await expect(node(page, 'Fit')).toContainText(/\d\.\d s · about \d+(\.\d)? s left · loss \d/);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(nodeStatus(node(page, 'Fit'))).toHaveText('aborted');
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('draft');

  // The page answers at once: open the shortcut overview and close it.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button').click();

  await node(page, 'ALS').click();
  await page.getByLabel('max iterations', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
});

test('a worker killed mid-training fails Fit with a message; the workflow stays and Run works again', async ({
  page,
}) => {
  await openWithSlowTraining(page, { iterations: 500 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Fit'))).toContainText('iteration');

  const worker = page.workers().find((candidate) => candidate.url().includes('entry'));
  expect(worker, 'the recflow worker').toBeDefined();
  await worker!.evaluate(() => self.close()).catch(() => {});

  await expect(nodeStatus(node(page, 'Fit'))).toHaveText('failed', { timeout: 30_000 });
  await expect(node(page, 'Fit').getByRole('alert')).toContainText('stopped unexpectedly');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await node(page, 'Read DataFrame').click();
  await expect(page.getByRole('table', { name: 'Data preview' })).toBeVisible();

  await node(page, 'ALS').click();
  await page.getByLabel('max iterations', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
});

test('while a million ratings train, the page has no task longer than 100 ms', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.evaluate(() => {
    const longTasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });

  await node(page, 'Read DataFrame').click();
  // 2,000 users × 1,000 items at one half: a million ratings.
  await page.getByLabel('CSV file').setInputFiles({
    name: 'million.csv',
    mimeType: 'text/csv',
    buffer: syntheticRatingsCsv(2000, 1000, 0.5),
  });
  await expect(nodeStatus(node(page, 'Read DataFrame'))).toHaveText('completed', {
    timeout: 60_000,
  });
  await expect(page.getByText(/1,00\d,\d{3} rows|99\d,\d{3} rows/)).toBeVisible();
  const beforeTraining = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks.length,
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed', { timeout: 120_000 });

  const longTasks = await page.evaluate(() =>
    (window as unknown as { longTasks: number[] }).longTasks.slice(),
  );
  console.log(
    `long tasks: ${longTasks.length} in all, ${longTasks.length - beforeTraining} during training; ` +
      `longest ${Math.max(0, ...longTasks).toFixed(0)} ms; during training: ` +
      longTasks
        .slice(beforeTraining)
        .map((duration) => duration.toFixed(0))
        .join(', '),
  );
  expect(longTasks.slice(beforeTraining).filter((duration) => duration > 100)).toEqual([]);
});
