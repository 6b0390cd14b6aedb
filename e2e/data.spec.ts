import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('a semicolon file with other column names trains once separator and columns are set', async ({
  page,
}) => {
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/semicolon_ratings.csv');
  await page.getByRole('combobox', { name: 'separator', exact: true }).selectOption('semicolon');
  // A column of its own: read with commas, the file has one column `uid;movie;stars`.
  await expect(
    page.getByRole('table', { name: 'Data preview' }).getByRole('columnheader', { name: /^movie/ }),
  ).toBeVisible();

  await node(page, 'ALS').click();
  await page.getByRole('combobox', { name: 'user column' }).selectOption('column:uid');
  await page.getByRole('combobox', { name: 'item column' }).selectOption('column:movie');
  await page.getByRole('combobox', { name: 'rating column' }).selectOption('index:2');
  await expect(node(page, 'Fit')).not.toContainText('does not exist');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
  await node(page, 'Transform').click();
  const preview = page.getByRole('table', { name: 'Data preview' });
  await expect(preview.getByRole('columnheader', { name: /prediction/ })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: /stars/ })).toBeVisible();
});

test('a broken file fails on its node with the row; a good file runs without a reload', async ({
  page,
}) => {
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/ragged.csv');

  await expect(nodeStatus(read)).toHaveText('failed');
  await expect(read.getByRole('alert')).toContainText('row 3');
  await expect(page.getByRole('region', { name: 'Results' })).toContainText(
    'No result: this node failed',
  );

  await page.getByLabel('CSV file').setInputFiles('public/data/sample_movielens_ratings.csv');
  await expect(nodeStatus(read)).toHaveText('completed');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
});

test('a DataFrame report charts how each column is spread', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
  await node(page, 'Read DataFrame').click();

  await expect(page.getByText('1,501 rows × 4 columns')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Distribution of rating' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Distribution of rating' }).locator('rect'),
  ).toHaveCount(20);
  await expect(page.getByText('min 1 · max 5')).toBeVisible();
});
