/**
 * Benchmark: a large register imported end to end through the UI into the embedded store, in
 * Chromium. Prints read time, database check + write time and rows/s, the time until the map shows
 * every enterprise, and the longest main-thread task (Long Tasks API) and timer gap.
 *   npm run build && npm run bench:import [-- 200000]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { preview } from 'vite';
import { launch, openMap } from '../e2e/browser';
import { largeRegister, mainThreadBlocks, watchMainThread } from '../e2e/helpers';

const rows = Number(process.argv[2] ?? 200_000);
const file = join(mkdtempSync(join(tmpdir(), 'lianjian-bench-')), 'large.csv');
writeFileSync(file, largeRegister(rows));

const server = await preview({ root: fileURLToPath(new URL('../..', import.meta.url)), preview: { port: 4186, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await openMap(page, 'http://127.0.0.1:4186/?dataset=linpu');
  const before = await page.evaluate(() => window.__lianjian!.enterpriseCount);
  await watchMainThread(page);
  await page.getByTestId('import-button').click();
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  const readMs = Date.now() - t0;
  const t1 = Date.now();
  await page.getByTestId('import-commit').click();
  let written = 0;
  while (!(await page.getByText(`已写入 ${rows} 行`).isVisible().catch(() => false))) {
    const failed = await page.locator('.ant-alert-error').first().textContent({ timeout: 100 }).catch(() => null);
    if (failed) throw new Error(`import failed: ${failed}`);
    const pct = await page.getByRole('progressbar').first().getAttribute('aria-valuenow', { timeout: 100 }).catch(() => null);
    if (pct === '100' && written === 0) written = Date.now() - t1;
    await page.waitForTimeout(500);
  }
  await page.waitForFunction((n) => window.__lianjian?.enterpriseCount === n, before + rows, { timeout: 900_000 });
  const shownMs = Date.now() - t1;
  const { longestTaskMs, longestGapMs } = await mainThreadBlocks(page);
  console.log(JSON.stringify({
    rows, readMs, readRowsPerSecond: Math.round(rows / (readMs / 1000)),
    checkAndWriteMs: written, writeRowsPerSecond: written ? Math.round(rows / (written / 1000)) : null,
    commitToMapMs: shownMs, longestTaskMs, longestTimerGapMs: longestGapMs,
  }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
