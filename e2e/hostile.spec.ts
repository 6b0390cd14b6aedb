import { expect, type Page, test } from '@playwright/test';
import {
  type CsvExpectation,
  csvCorpusBytes,
  csvExpectations,
  workflowCorpusText,
  workflowExpectations,
} from '../src/core/testing/corpus.ts';
import { connect, dropOperation, nodeStatus, openApp } from './support.ts';

/**
 * Hostile CSV files from `test-corpus/csv/` taken through the editor one after the other:
 * each ends on the Read DataFrame node as its manifest says, and the page and the workflow
 * come through every one of them.
 */

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Read with the default options (comma, header row): errors first, then tables. */
const sample = [
  'empty.csv',
  'ragged-too-many-fields.csv',
  'unterminated-quote.csv',
  'utf16le-bom.csv',
  'latin1.csv',
  'binary-png-header.csv',
  'long-line.csv',
  'columns-10001.csv',
  'emoji-and-cjk.csv',
  'formula-value.csv',
];

const expectations = csvExpectations();

async function upload(page: Page, name: string, expectation?: CsvExpectation): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csvCorpusBytes(name, expectation)),
  });
}

/** The demo's four nodes and four edges are all still there. */
async function expectWorkflowIntact(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
}

test('ten hostile CSV files end as the manifest says, and the editor stays usable', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openApp(page);
  const read = node(page, 'Read DataFrame');

  for (const name of sample) {
    const expectation = expectations[name];
    await test.step(name, async () => {
      await read.click();
      await upload(page, name, expectation);

      if (expectation.outcome === 'error') {
        await expect(nodeStatus(read)).toHaveText('failed');
        await expect(read.getByRole('alert')).toContainText(expectation.messageIncludes!);
      } else {
        await expect(nodeStatus(read)).toHaveText('completed');
        await expect(read.getByRole('alert')).toHaveCount(0);
        const size = `${expectation.rows} rows × ${expectation.columns!.length} columns`;
        await expect(page.getByRole('region', { name: 'Results' })).toContainText(size);
      }

      // Still answering: another node's form opens, and the workflow is whole.
      await node(page, 'ALS').click();
      await expect(page.getByLabel('rank', { exact: true })).toBeVisible();
      await expectWorkflowIntact(page);
    });
  }
  expect(pageErrors).toEqual([]);
});

test('HTML in a column name and in cells is shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const markup = '<img src=x onerror=alert(1)>';
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await upload(page, 'xss-column-name.csv');
  await expect(nodeStatus(read)).toHaveText('completed');

  await node(page, 'ALS').click();
  await read.click();
  const preview = page.getByRole('table', { name: 'Data preview' });
  await expect(
    preview.getByRole('columnheader', { name: /<img src=x onerror=alert\(1\)>/ }),
  ).toBeVisible();
  await expect(preview.getByRole('cell', { name: markup, exact: true })).toBeVisible();
  await expect(preview.getByRole('cell', { name: '<script>alert(2)</script>' })).toBeVisible();

  // Training on it works too; the markup column just comes along.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
  await node(page, 'Transform').click();
  await expect(
    page
      .getByRole('table', { name: 'Data preview' })
      .getByRole('columnheader', { name: /<img src=x onerror=alert\(1\)>/ }),
  ).toBeVisible();

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: 'alert(2)' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await expectWorkflowIntact(page);
});

test('a file of 10,000 columns reads, and its columns are found by typing', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await upload(page, 'columns-10000.csv', expectations['columns-10000.csv']);
  await expect(nodeStatus(read)).toHaveText('completed');

  // Fit says which columns ALS looks for; the column fields of ALS offer the matching names
  // of the 10,000 as the user types instead of listing them all.
  await node(page, 'Fit').click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('`user`');
  await expect(problems).toContainText('and 9,980 more');
  await node(page, 'ALS').click();
  const user = page.getByLabel('user column', { exact: true });
  await expect(user).toHaveValue('user');
  await user.fill('c999');
  const suggestions = page.locator(`[id="${await user.getAttribute('list')}"] option`);
  await expect(suggestions).toHaveCount(11);
  await user.fill('c9999');
  await page.getByLabel('item column', { exact: true }).fill('#7');
  await page.getByLabel('rating column', { exact: true }).fill('c1');
  await node(page, 'Fit').click();
  await expect(problems).toHaveCount(0);

  // Filter Columns lists the first matches of its search, and keeps a checked one in sight.
  const filter = await dropOperation(page, 'Filter Columns', { x: 380, y: 60 });
  await connect(read, 'out-0', filter, 'in-0');
  await filter.click();
  const checks = page.locator('.column-checks input[type="checkbox"]');
  await expect(checks).toHaveCount(100);
  const search = page.getByLabel('Find columns for selected columns');
  await search.fill('c4242');
  await page.getByRole('checkbox', { name: /^c4242\b/ }).check();
  await search.fill('c77');
  await expect(page.getByRole('checkbox', { name: /^c4242\b/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^c77\b/ })).not.toBeChecked();

  await page.getByRole('button', { name: 'Run selected', exact: true }).click();
  await expect(nodeStatus(filter)).toHaveText('completed');
  await expect(
    page.getByRole('table', { name: 'Data preview' }).getByRole('columnheader'),
  ).toHaveText([/c4242/]);
});

/** Broken workflow files: the first five are refused, the rest open and run to the end. */
const workflowSample = [
  'not-json.json',
  'duplicate-node-ids.json',
  'connection-to-missing-node.json',
  'node-id-not-text.json',
  'deep-list-100000.json',
  'bom-prefixed.json',
  'cycle.json',
  'prototype-pollution.json',
  'node-ids-like-prototype-keys.json',
  'wrong-parameter-types.json',
  'html-in-names.json',
];

test('broken workflow files are refused or run as the manifest says', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openApp(page);
  const manifest = workflowExpectations();
  const byId = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  for (const name of workflowSample) {
    const expectation = manifest[name];
    await test.step(name, async () => {
      const nodesBefore = await page.locator('.react-flow__node').count();
      await page.getByLabel('Workflow file').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(workflowCorpusText(name, expectation)!),
      });

      if (expectation.outcome === 'error') {
        await expect(page.getByRole('status')).toContainText(expectation.messageIncludes!);
        await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore);
        return;
      }
      await expect(page.locator('.react-flow__node')).toHaveCount(expectation.nodes!);
      for (const [id, label] of Object.entries(expectation.labels ?? {})) {
        await expect(byId(id).locator('.node-title')).toHaveText(label);
      }
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const run = expectation.run!;
      for (const id of run.completed ?? []) {
        await expect(nodeStatus(byId(id)), id).toHaveText('completed', { timeout: 60_000 });
      }
      for (const [id, message] of Object.entries(run.failed ?? {})) {
        await expect(nodeStatus(byId(id)), id).toHaveText('failed');
        await expect(byId(id).getByRole('alert')).toContainText(message);
      }
      for (const id of run.draft ?? []) await expect(nodeStatus(byId(id)), id).toHaveText('draft');
    });
  }
  // The last file's markup is on the page as text, and none of it became elements.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(2)</script>');
  await expect(page.locator('img[src="x"], svg[onload], b[onmouseover]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});
