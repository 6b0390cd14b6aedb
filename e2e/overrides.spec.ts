import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('Fit’s “Parameters of input Estimator” override ALS’s values for that Fit only', async ({
  page,
}) => {
  await openApp(page);
  await node(page, 'Fit').click();
  const overrides = page.getByRole('group', { name: 'Parameters of input Estimator' });
  await expect(overrides.getByLabel('rank', { exact: true })).toHaveAttribute('placeholder', '10');

  await overrides.getByLabel('rank', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Fit'))).toHaveText('completed');
  await node(page, 'Fit').click();
  const report = page.getByRole('region', { name: 'Results' });
  await expect(report.getByRole('definition').first()).toHaveText('4');

  await overrides.getByLabel('rank', { exact: true }).fill('0');
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(
    'Parameters of input Estimator › rank must satisfy 1 <= rank',
  );
});
