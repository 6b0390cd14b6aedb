import { expect, test } from '@playwright/test';
import { nodeStatus, openApp } from './support.ts';

test('a full journey requests nothing outside the page’s origin and breaks no policy', async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      foreign.push(url);
    }
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await openApp(page);
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(nodeStatus(page.getByRole('group', { name: 'Transform', exact: true }))).toHaveText(
    'completed',
  );
  await page.getByRole('group', { name: 'Transform', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(await download.failure()).toBeNull();

  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
});

test('the built page carries a strict content security policy', async ({ page }) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain("'unsafe-eval'");
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', /default-src 'self'/);
});
