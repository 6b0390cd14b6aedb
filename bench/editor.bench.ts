import { expect, test } from '@playwright/test';
import { trainAndScoreDemo } from '../src/core/workflow/demos.ts';
import { serializeWorkflow } from '../src/core/workflow/format.ts';
import type { Workflow } from '../src/core/workflow/model.ts';

/** `copies` copies of the demo's four nodes, in a grid, each wired as in the demo. */
function largeWorkflow(copies: number): Workflow {
  const demo = trainAndScoreDemo();
  const columns = Math.ceil(Math.sqrt(copies));
  const nodes = [];
  const connections = [];
  for (let copy = 0; copy < copies; copy++) {
    const dx = (copy % columns) * 950;
    const dy = Math.floor(copy / columns) * 420;
    const id = (original: string) => `${original}-${copy}`;
    nodes.push(
      ...demo.nodes.map((node) => ({
        ...node,
        id: id(node.id),
        position: { x: node.position.x + dx, y: node.position.y + dy },
      })),
    );
    connections.push(
      ...demo.connections.map((edge) => ({
        from: { ...edge.from, nodeId: id(edge.from.nodeId) },
        to: { ...edge.to, nodeId: id(edge.to.nodeId) },
      })),
    );
  }
  return { ...demo, id: 'large', name: `${copies * 4} nodes`, nodes, connections };
}

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))];

test('frame time while dragging a node in a 300-node workflow', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Workflow file').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeWorkflow(largeWorkflow(75))),
  });
  await expect(page.locator('.react-flow__node')).toHaveCount(300);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(500);

  const target = page.locator('.react-flow__node').nth(150);
  const box = (await target.boundingBox())!;
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { frameTimes: number[] }).frameTimes = times;
    let last = performance.now();
    const tick = (now: number) => {
      times.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  for (let step = 0; step < 120; step++) {
    await page.mouse.move(box.x + box.width / 2 + step * 3, box.y + 10 + Math.sin(step / 8) * 40);
  }
  await page.mouse.up();

  const frames = await page.evaluate(() =>
    (window as unknown as { frameTimes: number[] }).frameTimes.slice(2),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((sum, time) => sum + time, 0) / frames.length;
  console.log(
    `300 nodes, dragging one node: ${frames.length} frames, ` +
      `mean ${mean.toFixed(1)} ms, median ${quantile(sorted, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(sorted, 0.95).toFixed(1)} ms, worst ${sorted.at(-1)!.toFixed(1)} ms ` +
      `(headless Chromium, ${await page.evaluate(() => navigator.hardwareConcurrency)} cores)`,
  );
});
