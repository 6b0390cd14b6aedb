import { expect, type Page, test } from '@playwright/test';
import {
  type CsvExpectation,
  csvCorpusBytes,
  csvExpectations,
} from '../src/core/testing/corpus.ts';
import { nodeStatus, openApp } from './support.ts';

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

// TODO(ui): a file of 10,000 columns (accepted by the reader) freezes the page: measured on
// a loaded 2-core machine without tracing, the read takes 27 s with the main thread blocked
// for up to 25 s, and opening the ALS form then takes 10 s (2,000 columns: 4.8 s, 4 s, 1.7 s).
// Enable once the editor handles wide files; the budget is what a user would wait.
test.fixme('a file of 10,000 columns reads without freezing the editor', async ({ page }) => {
  await openApp(page);
  const read = node(page, 'Read DataFrame');
  await read.click();
  await upload(page, 'columns-10000.csv', expectations['columns-10000.csv']);
  await expect(nodeStatus(read)).toHaveText('completed', { timeout: 15_000 });
  await node(page, 'ALS').click();
  await expect(page.getByLabel('rank', { exact: true })).toBeVisible({ timeout: 2_000 });
  await expectWorkflowIntact(page);
});
