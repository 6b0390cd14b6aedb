import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const seahorseFixtures = new URL('../../shared/fixtures/seahorse/', import.meta.url).pathname;

async function exportWorkflow(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

test('a reload restores the workflow, the uploaded file and the finished results', async ({
  page,
}) => {
  await openApp(page);
  await node(page, 'ALS').click();
  await page.getByLabel('rank', { exact: true }).fill('3');
  await node(page, 'Read DataFrame').click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/other_columns.csv');
  await expect(nodeStatus(node(page, 'Read DataFrame'))).toHaveText('completed');
  // Autosave settles within a second of the last change.
  await page.waitForTimeout(1000);

  await page.reload();
  await expect(node(page, 'ALS')).toBeVisible();
  await node(page, 'ALS').click();
  await expect(page.getByLabel('rank', { exact: true })).toHaveValue('3');
  await node(page, 'Read DataFrame').click();
  await expect(page.getByText('other_columns.csv (0.1 KB)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('movie');

  // The file itself came back too: running reads it again in the worker.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(node(page, 'Fit')).toContainText('failed');
  await expect(node(page, 'Fit')).toContainText('Column `user` does not exist');
  await expect(nodeStatus(node(page, 'Read DataFrame'))).toHaveText('completed');
});

test('a reload straight after an edit keeps the edit', async ({ page }) => {
  await openApp(page);
  await node(page, 'ALS').click();
  await page.getByLabel('rank', { exact: true }).fill('7');
  await page.getByLabel('node name').fill('Quick ALS');
  await page.keyboard.press('Tab');
  // No wait for autosave: the page saves what is pending as it goes away.
  await page.reload();

  await expect(node(page, 'Quick ALS')).toBeVisible();
  await node(page, 'Quick ALS').click();
  await expect(page.getByLabel('rank', { exact: true })).toHaveValue('7');
});

test('a full browser storage is reported, and the uploaded file is read all the same', async ({
  page,
}) => {
  // Every IndexedDB write fails as it does when the origin's quota is used up.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/other_columns.csv');

  await expect(page.getByRole('status')).toContainText(
    'Could not save your work in this browser (The quota has been exceeded.). ' +
      'Export the workflow to keep a copy.',
  );
  await expect(nodeStatus(read)).toHaveText('completed');
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('movie');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
});

test('export then import gives the same workflow', async ({ page }) => {
  await openApp(page);
  await node(page, 'ALS').click();
  await page.getByLabel('regularization param', { exact: true }).fill('0.05');
  await page.getByLabel('node name').fill('My ALS');
  const exported = await exportWorkflow(page);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByLabel('Workflow file').setInputFiles({
    name: 'workflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });

  await expect(node(page, 'My ALS')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  expect(JSON.parse(await exportWorkflow(page))).toEqual(JSON.parse(exported));
});

test('a bad workflow file is refused with a message and the current workflow stays', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Workflow file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"workflow": {"nodes": [], "connections": [{"from": {}}]}}'),
  });
  await expect(page.getByRole('status')).toContainText(
    'This is not a workflow file recflow can open',
  );
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
});

for (const fixture of ['01_machinelearning1.json', 'show_various_report_types.json']) {
  test(`Seahorse's ${fixture} imports with its unknown operations kept`, async ({ page }) => {
    const original = JSON.parse(readFileSync(seahorseFixtures + fixture, 'utf8'));
    await openApp(page);
    await page.getByLabel('Workflow file').setInputFiles(seahorseFixtures + fixture);

    await expect(page.locator('.react-flow__node')).toHaveCount(original.workflow.nodes.length);
    await expect(page.getByText('not supported in recflow').first()).toBeVisible();
    const saved = JSON.parse(await exportWorkflow(page));
    expect(saved.workflow).toEqual(original.workflow);
    expect(saved.thirdPartyData).toEqual(original.thirdPartyData);
  });
}

test('the workflow downloads as a PySpark job carrying every ALS parameter', async ({ page }) => {
  await openApp(page);
  await node(page, 'ALS').click();
  await page.getByLabel('rank', { exact: true }).fill('12');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PySpark job' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.py$/);
  const script = readFileSync(await download.path(), 'utf8');
  expect(script).toContain('from pyspark.ml.recommendation import ALS');
  for (const keyword of ['rank=12', 'maxIter=10', 'regParam=0.1', 'userCol="user"']) {
    expect(script).toContain(keyword);
  }
});
