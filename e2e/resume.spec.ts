import { expect, type Page, test } from '@playwright/test';
import { nodeStatus, openWithSlowTraining } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** The demo on a larger file, with an ALS that checkpoints every 25 of 400 iterations. */
const prepare = (page: Page) =>
  openWithSlowTraining(page, { iterations: 400, checkpointInterval: 25 });

/** The scored rows as the results show them: the first rows, predictions at full precision. */
async function predictions(page: Page): Promise<string[]> {
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed', { timeout: 300_000 });
  // Selecting can race the last run events re-rendering the canvas: click until it shows.
  // A click that cannot land gives up quickly and is tried again.
  await expect(async () => {
    await node(page, 'Transform').click({ timeout: 2000 });
    await expect(page.getByRole('heading', { name: 'Results of Transform' })).toBeVisible({
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  const preview = page.getByRole('table', { name: 'Data preview' });
  await expect(preview.getByRole('columnheader', { name: /prediction/ })).toBeVisible();
  return preview.getByRole('cell').allTextContents();
}

test('a training interrupted by a reload resumes from its checkpoint to the same model', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await prepare(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Fit'))).toContainText(
    /iteration ([3-9]\d|[1-3]\d\d) of 400/,
    {
      timeout: 60_000,
    },
  );

  await page.reload();
  const fit = node(page, 'Fit');
  await expect(fit).toContainText(/Training stopped after iteration [1-3]?[0257][05]\b/);
  await fit.getByRole('button', { name: 'Resume' }).click();
  await expect(nodeStatus(fit)).toContainText(/iteration \d+ of 400|completed/);
  const resumed = await predictions(page);

  // The same training without interruption, in a fresh profile with nothing saved.
  const fresh = await browser.newPage();
  await prepare(fresh);
  await fresh.getByRole('button', { name: 'Run', exact: true }).click();
  const uninterrupted = await predictions(fresh);

  expect(resumed.length).toBeGreaterThan(20);
  expect(resumed).toEqual(uninterrupted);
});
