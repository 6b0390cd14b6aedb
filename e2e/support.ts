import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export const sampleRatings = new URL('../public/data/sample_movielens_ratings.csv', import.meta.url)
  .pathname;

/** Opens the app on a fresh profile and waits for the demo workflow to be drawn. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export async function startEmpty(page: Page): Promise<Locator> {
  await openApp(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  return page.locator('.react-flow__pane');
}

/** Drags an operation from the palette onto the canvas and returns the new node. */
export async function dropOperation(
  page: Page,
  name: string,
  at: { x: number; y: number },
): Promise<Locator> {
  const before = await page.locator('.react-flow__node').count();
  const pane = page.locator('.react-flow__pane');
  await page
    .getByRole('navigation', { name: 'Operations' })
    .getByRole('button', { name, exact: true })
    .dragTo(pane, { targetPosition: at });
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  const id = await page.locator('.react-flow__node').last().getAttribute('data-id');
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags from one node's output handle to another node's input handle. */
export async function connect(
  from: Locator,
  fromHandle: string,
  to: Locator,
  toHandle: string,
): Promise<void> {
  await from
    .locator(`[data-handleid="${fromHandle}"]`)
    .dragTo(to.locator(`[data-handleid="${toHandle}"]`));
}

export function nodeStatus(node: Locator): Locator {
  return node.getByTestId('node-status');
}

/** Parses a CSV file with a header row and no quoted fields into records. */
export function readSimpleCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, index) => [name, cells[index]]));
  });
}

/** A ratings CSV of `users` × `items` with about `density` of the pairs rated, seeded. */
export function syntheticRatingsCsv(users: number, items: number, density: number): Buffer {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['user,item,rating'];
  for (let user = 0; user < users; user++) {
    for (let item = 0; item < items; item++) {
      if (random() < density) lines.push(`${user},${item},${1 + Math.floor(random() * 5)}`);
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A node on the canvas, by its label. */
export const nodeNamed = (page: Page, name: string) =>
  page.getByRole('group', { name, exact: true });

/**
 * Opens the demo on a larger file with a slow ALS (rank 40), so that Fit runs for a while:
 * long enough to stop it, kill its worker or reload in the middle.
 */
export async function openWithSlowTraining(
  page: Page,
  { iterations, checkpointInterval }: { iterations: number; checkpointInterval?: number },
): Promise<void> {
  await openApp(page);
  await nodeNamed(page, 'Read DataFrame').click();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'many_ratings.csv',
    mimeType: 'text/csv',
    buffer: syntheticRatingsCsv(400, 500, 0.3),
  });
  await expect(nodeStatus(nodeNamed(page, 'Read DataFrame'))).toHaveText('completed');
  await nodeNamed(page, 'ALS').click();
  await page.getByLabel('rank', { exact: true }).fill('40');
  await page.getByLabel('max iterations', { exact: true }).fill(String(iterations));
  if (checkpointInterval !== undefined) {
    await page.getByLabel('checkpoint interval', { exact: true }).fill(String(checkpointInterval));
  }
}
