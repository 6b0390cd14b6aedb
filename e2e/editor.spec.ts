import { expect, type Page, test } from '@playwright/test';
import { evaluateAndRecommendDemo } from '../src/core/workflow/demos.ts';
import { connect, dropOperation, nodeStatus, openApp, startEmpty } from './support.ts';

const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const handle = (page: Page, name: string, id: string) =>
  node(page, name).locator(`[data-handleid="${id}"]`);

test('searching the palette narrows it, and a found operation drags onto the canvas', async ({
  page,
}) => {
  await startEmpty(page);
  const palette = page.getByRole('navigation', { name: 'Operations' });
  await palette.getByRole('searchbox', { name: 'Search operations' }).fill('recommend');

  await expect(palette.getByRole('button', { name: 'ALS', exact: true })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'Fit', exact: true })).toHaveCount(0);

  await dropOperation(page, 'ALS', { x: 300, y: 200 });
  await expect(node(page, 'ALS')).toBeVisible();
});

test('an operation is added from the keyboard at the centre of the view', async ({ page }) => {
  await startEmpty(page);
  const fit = page.getByRole('navigation', { name: 'Operations' }).getByRole('button', {
    name: 'Fit',
    exact: true,
  });
  await fit.focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'Fit')).toBeVisible();
});

test('while an edge is dragged, the free inputs of its type light up', async ({ page }) => {
  await startEmpty(page);
  const als = await dropOperation(page, 'ALS', { x: 120, y: 100 });
  await dropOperation(page, 'Fit', { x: 480, y: 100 });
  await dropOperation(page, 'Transform', { x: 480, y: 320 });

  const start = await als.locator('[data-handleid="out-0"]').boundingBox();
  await page.mouse.move(start!.x + 6, start!.y + 6);
  await page.mouse.down();
  await page.mouse.move(start!.x + 120, start!.y + 60, { steps: 5 });

  await expect(handle(page, 'Fit', 'in-0')).toHaveAttribute('data-compatible', 'true');
  await expect(handle(page, 'Fit', 'in-1')).toHaveAttribute('data-compatible', 'false');
  await expect(handle(page, 'Transform', 'in-0')).toHaveAttribute('data-compatible', 'false');
  await page.mouse.up();
  await expect(handle(page, 'Fit', 'in-0')).toHaveAttribute('data-compatible', 'false');
});

test('an edge dropped on empty canvas offers the operations that take it and connects one', async ({
  page,
}) => {
  await startEmpty(page);
  const read = await dropOperation(page, 'Read DataFrame', { x: 120, y: 120 });
  const start = await read.locator('[data-handleid="out-0"]').boundingBox();

  await page.mouse.move(start!.x + 6, start!.y + 6);
  await page.mouse.down();
  await page.mouse.move(start!.x + 300, start!.y + 200, { steps: 8 });
  await page.mouse.up();

  const chooser = page.getByRole('dialog', { name: 'Add a connected operation' });
  const transform = chooser.getByRole('button', { name: 'Transform', exact: true });
  await expect(transform).toBeVisible();
  await expect(chooser.getByRole('button', { name: 'ALS' })).toHaveCount(0);
  await transform.click();

  await expect(node(page, 'Transform')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('a missing column shows on Fit before anything is run', async ({ page }) => {
  await openApp(page);
  await node(page, 'Read DataFrame').click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/other_columns.csv');
  await expect(nodeStatus(node(page, 'Read DataFrame'))).toHaveText('completed');

  await expect(node(page, 'Fit')).toContainText('Column `user` does not exist');
  await expect(node(page, 'Fit')).toContainText('(+2 more)');
  await expect(nodeStatus(node(page, 'Fit'))).toHaveText('draft');
  await node(page, 'Fit').click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(
    'user column: Column `user` does not exist in the input DataFrame ' +
      '(column names: `uid`, `movie`, `stars`)',
  );
});

test('undo and redo take back and restore a parameter edit and a delete', async ({ page }) => {
  await openApp(page);
  await node(page, 'ALS').click();
  const rank = page.getByLabel('rank', { exact: true });
  await rank.fill('7');
  await expect(rank).toHaveValue('7');

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Undo' }).click();
  await node(page, 'ALS').click();
  await expect(page.getByLabel('rank', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByLabel('rank', { exact: true })).toHaveValue('7');

  await node(page, 'Transform').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'Transform')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Transform')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'Transform')).toHaveCount(0);
});

test('copied nodes paste as new nodes with the edges between them', async ({ page }) => {
  await openApp(page);
  await node(page, 'ALS').click();
  await node(page, 'Fit').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');

  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.getByRole('group', { name: 'Fit', exact: true })).toHaveCount(2);
  // Four edges of the demo plus the ALS → Fit edge between the copies.
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
});

test('the shortcut overview lists the keys', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Ctrl/Cmd+Z');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('auto-layout moves nodes as one undoable step', async ({ page }) => {
  await startEmpty(page);
  const als = await dropOperation(page, 'ALS', { x: 400, y: 300 });
  const fit = await dropOperation(page, 'Fit', { x: 150, y: 100 });
  await connect(als, 'out-0', fit, 'in-0');
  const before = await als.boundingBox();

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const alsBox = await als.boundingBox();
  const fitBox = await fit.boundingBox();
  expect(fitBox!.x).toBeGreaterThan(alsBox!.x);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await als.boundingBox())?.x).toBeCloseTo(before!.x, 0);
});

test('ports are connected from the keyboard through the node’s inputs', async ({ page }) => {
  await startEmpty(page);
  const palette = page.getByRole('navigation', { name: 'Operations' });
  for (const name of ['ALS', 'Fit']) {
    await palette.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  }
  // The last added node, Fit, is selected: its form lists what may feed each input.
  const input = page.getByRole('combobox', { name: 'input 0 (Estimator)' });
  await input.focus();
  await input.selectOption({ label: 'ALS · output 0 (Estimator)' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await input.selectOption({ label: 'not connected' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('the mini map draws every node, hides and shows, and the choice outlives a reload', async ({
  page,
}) => {
  await openApp(page);
  const minimap = page.getByRole('img', { name: 'Mini map' });
  await expect(minimap).toBeVisible();
  await expect(minimap.locator('.react-flow__minimap-node')).toHaveCount(4);
  await page.getByRole('combobox', { name: 'Open a demo' }).selectOption('Evaluate and recommend');
  await expect(minimap.locator('.react-flow__minimap-node')).toHaveCount(
    evaluateAndRecommendDemo().nodes.length,
  );

  await page.getByRole('button', { name: 'Hide mini map' }).click();
  await expect(minimap).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(minimap).toHaveCount(0);

  await page.getByRole('button', { name: 'Show mini map' }).click();
  await expect(minimap).toBeVisible();
});

test('a workflow that replaces the current one is shown whole', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  // Zoomed in on one corner, as after working on a detail.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 4; i++) await zoomIn.click();

  await page.getByRole('combobox', { name: 'Open a demo' }).selectOption('Evaluate and recommend');
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(evaluateAndRecommendDemo().nodes.length);
  await expect(async () => {
    for (const box of await Promise.all((await nodes.all()).map((node) => node.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(canvas.x);
      expect(box!.y).toBeGreaterThanOrEqual(canvas.y);
      expect(box!.x + box!.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
  }).toPass({ timeout: 5000 });
});

test('a node selected near the bottom stays in sight when the results panel opens', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  // With results to show, the panel takes half the height.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(node(page, 'Transform'))).toHaveText('completed');
  for (const name of ['Read DataFrame', 'Transform']) {
    await node(page, name).click();
    await expect(page.getByRole('heading', { name: `Results of ${name}` })).toBeVisible();
    await expect(async () => {
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const box = (await node(page, name).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(canvas.y);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    }).toPass({ timeout: 5000 });
  }
});
