import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Writes a ratings CSV of about `megabytes` MB (user,item,rating,timestamp) once. */
async function ratingsFile(path: string, megabytes: number): Promise<number> {
  if (!existsSync(path)) {
    const out = createWriteStream(path);
    out.write('user,item,rating,timestamp\n');
    let written = 0;
    let state = 7;
    while (written < megabytes * 1e6) {
      const lines: string[] = [];
      for (let line = 0; line < 10_000; line++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        const user = state % 162_541;
        const item = (state >>> 7) % 59_047;
        lines.push(`${user},${item},${1 + (state % 5)},${1_400_000_000 + (state % 99_999_999)}`);
      }
      const chunk = `${lines.join('\n')}\n`;
      written += chunk.length;
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
    await new Promise((resolve) => out.end(resolve));
  }
  return statSync(path).size;
}

/** Resident memory of every Chromium renderer process (a tab and its workers), in bytes. */
function rendererMemory(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

test('a 500 MB ratings file reads in the tab', async ({ page }) => {
  const path = '/tmp/recflow-ratings-500mb.csv';
  const bytes = await ratingsFile(path, 500);
  await page.goto('/');
  const read = page.getByRole('group', { name: 'Read DataFrame', exact: true });
  await read.click();

  const started = Date.now();
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, rendererMemory());
  }, 500);

  await page.getByLabel('CSV file').setInputFiles(path);
  await expect(read.getByTestId('node-status')).toHaveText('completed', { timeout: 600_000 });
  clearInterval(sample);
  const seconds = (Date.now() - started) / 1000;
  const rows = await page
    .getByText(/rows ×/)
    .first()
    .textContent();
  console.log(
    `${(bytes / 1e6).toFixed(0)} MB read in ${seconds.toFixed(1)} s ` +
      `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s, upload included); ${rows}; ` +
      `peak resident memory of Chromium's renderer processes ${(peak / 1e6).toFixed(0)} MB ` +
      '(the tab with its workers; /proc, sampled every 0.5 s)',
  );
});
