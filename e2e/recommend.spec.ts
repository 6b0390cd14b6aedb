import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function openEvaluateAndRecommend(page: Page) {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Open a demo' }).selectOption('Evaluate and recommend');
  await expect(node(page, 'Recommend')).toBeVisible();
}

test('the evaluate-and-recommend demo shows an RMSE and the top 10 items of a user', async ({
  page,
}) => {
  await openEvaluateAndRecommend(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Evaluate'))).toHaveText('completed');
  await expect(nodeStatus(node(page, 'Recommend'))).toHaveText('completed');

  await node(page, 'Evaluate').click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText(/rmse: \d+\.\d+/);

  await node(page, 'Recommend').click();
  await page.getByRole('searchbox', { name: 'Find rows by user' }).fill('7');
  const found = page.getByRole('table', { name: 'Rows where user is 7' });
  await expect(found.locator('tbody tr')).toHaveCount(10);
  await expect(found.locator('tbody tr').first()).toContainText('1');
});

test('editing the rank re-runs Fit and what follows it, but not Read DataFrame or Split', async ({
  page,
}) => {
  await openEvaluateAndRecommend(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Evaluate'))).toHaveText('completed');

  await node(page, 'ALS').click();
  await page.getByLabel('rank', { exact: true }).fill('4');
  await expect(nodeStatus(node(page, 'Fit'))).toHaveText('draft');
  await expect(nodeStatus(node(page, 'Evaluate'))).toHaveText('draft');
  await expect(nodeStatus(node(page, 'Split'))).toHaveText('completed');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Evaluate'))).toHaveText('completed');
  for (const kept of ['Read DataFrame', 'Split']) {
    await expect(nodeStatus(node(page, kept))).toHaveAttribute('data-reused', 'true');
  }
  for (const rerun of ['ALS', 'Fit', 'Transform', 'Evaluate', 'Recommend']) {
    await expect(nodeStatus(node(page, rerun))).toHaveAttribute('data-reused', 'false');
  }
});
