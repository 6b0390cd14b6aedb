import { expect, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

test('the demo workflow opened on a first visit runs as it is', async ({ page }) => {
  await openApp(page);
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(4);

  await page.getByRole('button', { name: 'Run', exact: true }).click();

  for (const name of ['Read DataFrame', 'ALS', 'Fit', 'Transform']) {
    await expect(nodeStatus(page.getByRole('group', { name, exact: true }))).toHaveText(
      'completed',
    );
  }
  await page.getByRole('group', { name: 'Fit', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText('ALS model');
  await expect(page.getByRole('table', { name: 'Training loss per iteration' })).toBeVisible();
});
