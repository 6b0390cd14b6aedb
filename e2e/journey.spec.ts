import { expect, test } from '@playwright/test';
import {
  connect,
  dropOperation,
  nodeStatus,
  readSimpleCsv,
  sampleRatings,
  startEmpty,
} from './support.ts';

test('a user builds ALS → Fit → Transform from the palette, trains and downloads predictions', async ({
  page,
}) => {
  await startEmpty(page);

  const read = await dropOperation(page, 'Read DataFrame', { x: 120, y: 260 });
  const als = await dropOperation(page, 'ALS', { x: 120, y: 80 });
  const fit = await dropOperation(page, 'Fit', { x: 420, y: 160 });
  const transform = await dropOperation(page, 'Transform', { x: 700, y: 260 });

  await connect(als, 'out-0', fit, 'in-0');
  await connect(read, 'out-0', fit, 'in-1');
  await connect(fit, 'out-0', transform, 'in-0');
  await connect(read, 'out-0', transform, 'in-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  await read.click();
  await page.getByLabel('CSV file').setInputFiles(sampleRatings);
  await expect(nodeStatus(read)).toHaveText('completed');

  await als.click();
  await page.getByLabel('rank', { exact: true }).fill('5');
  // The ALS form now offers the columns of the file arriving at its Fit.
  await expect(page.getByRole('combobox', { name: 'user column' })).toContainText('timestamp');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(transform)).toHaveText('completed');

  await transform.click();
  const preview = page.getByRole('table', { name: 'Data preview' });
  await expect(preview.getByRole('columnheader', { name: /prediction/ })).toBeVisible();
  await expect(page.getByText('1,501 rows × 5 columns')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const rows = readSimpleCsv(await download.path());
  expect(rows).toHaveLength(1501);
  for (const row of rows) expect(Number.isFinite(Number(row.prediction))).toBe(true);
});

test('a DataFrame output cannot feed Fit’s Estimator input, and the user is told why', async ({
  page,
}) => {
  await startEmpty(page);
  const read = await dropOperation(page, 'Read DataFrame', { x: 120, y: 160 });
  const fit = await dropOperation(page, 'Fit', { x: 460, y: 160 });

  await connect(read, 'out-0', fit, 'in-0');

  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(
    "Fit's input 0 takes an Estimator, but this output gives a DataFrame.",
  );
});
